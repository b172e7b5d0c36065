// Grades exercises/week-06/slo-latency.ts (and proves solutions/week-06/slo-latency.ts with the very same file).
// The /metrics texts are rendered by prom-client itself, with the capstone API's histogram (same name, labels and
// buckets as capstone/src/metrics.ts), after observations chosen so every expected number can be worked by hand;
// the arithmetic is in the comments.
import assert from "node:assert/strict";
import { Counter, Histogram, Registry } from "prom-client";
import { test } from "vitest";
import {
  type Bucket,
  bucketIncrease,
  checkSlo,
  histogramBuckets,
  histogramQuantile,
  parseMetrics,
} from "./slo-latency";

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const INF = Number.POSITIVE_INFINITY;

/** A registry like the capstone's: the request histogram, and a counter whose label needs escaping. */
function api() {
  const registry = new Registry();
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Request latency.",
    labelNames: ["method", "route", "status_code"],
    buckets: BUCKETS,
    registers: [registry],
  });
  const predictions = new Counter({
    name: "predictions_total",
    help: "Predictions by class.",
    labelNames: ["class"],
    registers: [registry],
  });
  const hit = (route: string, status: number, seconds: number, times: number) => {
    for (let i = 0; i < times; i++) latency.observe({ method: "POST", route, status_code: String(status) }, seconds);
  };
  return { registry, latency, predictions, hit };
}

const near = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 1e-12, `${what}: expected ${want}, got ${got}`);

test("parseMetrics reads prom-client's text: labels (with escapes), +Inf, and skips comments", async () => {
  const { registry, predictions, hit } = api();
  predictions.inc({ class: 'say "hi"\\ now\nplease' }, 3);
  hit("/predict", 200, 0.003, 2);
  const samples = parseMetrics(await registry.metrics());
  const counter = samples.find((s) => s.name === "predictions_total");
  assert.deepEqual(counter, { name: "predictions_total", labels: { class: 'say "hi"\\ now\nplease' }, value: 3 });
  const inf = samples.find((s) => s.name === "http_request_duration_seconds_bucket" && s.labels.le === "+Inf");
  assert.equal(inf?.value, 2, "+Inf bucket counts both requests");
  assert.deepEqual(inf?.labels, { le: "+Inf", method: "POST", route: "/predict", status_code: "200" });
  const sum = samples.find((s) => s.name === "http_request_duration_seconds_sum");
  near(sum!.value, 0.006, "_sum");
  assert.deepEqual(parseMetrics("up 1 1700000000000\nx{} +Inf\ny -Inf\nz NaN").slice(0, 2), [
    { name: "up", labels: {}, value: 1 },
    { name: "x", labels: {}, value: INF },
  ]);
  assert.ok(Number.isNaN(parseMetrics("z NaN")[0].value));
  assert.throws(() => parseMetrics('bad{le="1" 3'), /line/);
});

test("histogramBuckets sums series by le, filtered by labels, sorted with +Inf last", async () => {
  const { registry, hit } = api();
  hit("/predict", 200, 0.004, 3); // le 0.005 and above
  hit("/predict", 503, 0.02, 1); // le 0.025 and above
  hit("/healthz", 200, 0.0004, 5); // le 0.0005 and above
  const samples = parseMetrics(await registry.metrics());
  const predict = histogramBuckets(samples, "http_request_duration_seconds", (l) => l.route === "/predict");
  assert.equal(predict.length, 14, "13 bounds + Inf");
  assert.deepEqual(predict[predict.length - 1], { le: INF, count: 4 });
  assert.deepEqual(
    predict.slice(2, 6).map((b) => b.count),
    [0, 3, 3, 4],
    "le 0.0025: 0, 0.005: 3, 0.01: 3, 0.025: 4",
  );
  const all = histogramBuckets(samples, "http_request_duration_seconds");
  assert.deepEqual(all[0], { le: 0.0005, count: 5 });
  assert.equal(all[all.length - 1].count, 9);
  assert.throws(() => histogramBuckets(samples, "nope_seconds"), /no series/);
});

test("histogramQuantile interpolates like PromQL's histogram_quantile", () => {
  const b: Bucket[] = [
    { le: 0.1, count: 50 },
    { le: 0.5, count: 90 },
    { le: 1, count: 100 },
    { le: INF, count: 100 },
  ];
  // rank 0.5 × 100 = 50 → first bucket (0, 0.1], all 50 before the rank: 0 + 0.1 × 50/50 = 0.1.
  near(histogramQuantile(0.5, b), 0.1, "median");
  // rank 25 → (0, 0.1]: 0.1 × 25/50 = 0.05 (the first bucket starts at 0).
  near(histogramQuantile(0.25, b), 0.05, "p25");
  // rank 70 → (0.1, 0.5], 20 of its 40: 0.1 + 0.4 × 20/40 = 0.3.
  near(histogramQuantile(0.7, b), 0.3, "p70");
  // rank 95 → (0.5, 1], 5 of its 10: 0.5 + 0.5 × 0.5 = 0.75.
  near(histogramQuantile(0.95, b), 0.75, "p95");
  const tail: Bucket[] = [
    { le: 0.1, count: 10 },
    { le: 0.5, count: 80 },
    { le: INF, count: 100 },
  ];
  // rank 95 lands in +Inf: no upper end, the answer is the largest finite bound.
  assert.equal(histogramQuantile(0.95, tail), 0.5);
  assert.equal(histogramQuantile(-0.1, b), Number.NEGATIVE_INFINITY);
  assert.equal(histogramQuantile(1.1, b), INF);
  assert.ok(Number.isNaN(histogramQuantile(0.5, [{ le: INF, count: 3 }])), "a single bucket: NaN");
  assert.ok(Number.isNaN(histogramQuantile(0.5, b.slice(0, 3))), "no +Inf bucket: NaN");
  const empty = b.map((x) => ({ ...x, count: 0 }));
  assert.ok(Number.isNaN(histogramQuantile(0.5, empty)), "no observations: NaN");
});

test("bucketIncrease subtracts scrapes, and treats a decrease as a restart (counter reset)", () => {
  const before = [
    { le: 0.1, count: 5 },
    { le: INF, count: 8 },
  ];
  const after = [
    { le: 0.1, count: 9 },
    { le: INF, count: 20 },
  ];
  assert.deepEqual(bucketIncrease(before, after), [
    { le: 0.1, count: 4 },
    { le: INF, count: 12 },
  ]);
  const restarted = [
    { le: 0.1, count: 2 },
    { le: INF, count: 3 },
  ];
  assert.deepEqual(bucketIncrease(before, restarted), restarted, "after a restart the new counts ARE the increase");
  assert.throws(() => bucketIncrease(before, [{ le: 0.2, count: 1 }, after[1]]), /le/);
});

test("checkSlo: p95 and the 5xx rate of /predict over the window between two scrapes", async () => {
  const { registry, hit } = api();
  hit("/predict", 200, 0.003, 100); // before the window: must not count
  const before = await registry.metrics();
  hit("/predict", 200, 0.004, 180); // le 0.005 bucket
  hit("/predict", 200, 0.2, 10); // le 0.25 bucket
  hit("/predict", 503, 0.02, 10); // le 0.025 bucket, server errors
  hit("/healthz", 500, 3, 50); // another route: must not count
  const after = await registry.metrics();
  const slo = {
    metric: "http_request_duration_seconds",
    route: "/predict",
    quantile: 0.95,
    latencySeconds: 0.1,
    maxErrorRate: 0.01,
  };
  const r = checkSlo(before, after, slo);
  assert.equal(r.requests, 200, "180 + 10 + 10 in the window");
  assert.equal(r.errors, 10);
  near(r.errorRate, 0.05, "error rate 10/200");
  // Window buckets: le 0.01 → 180, le 0.025 → 190. rank 0.95 × 200 = 190 → (0.01, 0.025], 10 of 10: 0.025.
  near(r.latency, 0.025, "p95");
  assert.equal(r.latencyOk, true);
  assert.equal(r.errorRateOk, false);
  assert.equal(r.ok, false);
  near(r.burnRate, 5, "burn rate 0.05 / 0.01");
  // p99: rank 198 → (0.1, 0.25], 8 of its 10: 0.1 + 0.15 × 0.8 = 0.22 > 0.1.
  const p99 = checkSlo(before, after, { ...slo, quantile: 0.99 });
  near(p99.latency, 0.22, "p99");
  assert.equal(p99.latencyOk, false);
});

test("checkSlo: an idle window and a restarted process", async () => {
  const { registry, hit } = api();
  hit("/predict", 200, 0.003, 10);
  const text = await registry.metrics();
  const slo = {
    metric: "http_request_duration_seconds",
    route: "/predict",
    quantile: 0.95,
    latencySeconds: 0.1,
    maxErrorRate: 0.01,
  };
  const idle = checkSlo(text, text, slo);
  assert.equal(idle.requests, 0);
  assert.equal(idle.errorRate, 0);
  assert.ok(Number.isNaN(idle.latency), "no requests: no latency");
  assert.equal(idle.latencyOk, false, "NaN never meets an objective");
  // The process restarted: the second scrape counts from 0 again (4 requests at 0.2 s).
  const fresh = api();
  fresh.hit("/predict", 200, 0.2, 4);
  const r = checkSlo(text, await fresh.registry.metrics(), slo);
  assert.equal(r.requests, 4);
  // All 4 in (0.1, 0.25]: rank 3.8 → 0.1 + 0.15 × 3.8/4 = 0.2425.
  near(r.latency, 0.2425, "p95 after a restart");
});
