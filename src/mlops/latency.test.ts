// The latency window from two prom-client scrapes (the capstone's histogram), with numbers worked by hand.
import assert from "node:assert/strict";
import { Histogram, Registry } from "prom-client";
import { test } from "vitest";
import { latencyPanel, latencyWindow, parsePrometheusText, promHistogramQuantile } from "./latency";

const INF = Number.POSITIVE_INFINITY;

test("p50/p95/p99 and the 5xx rate over the window between two scrapes", async () => {
  const registry = new Registry();
  const h = new Histogram({
    name: "http_request_duration_seconds",
    help: "latency",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [registry],
  });
  const hit = (route: string, status: string, s: number, n: number) => {
    for (let i = 0; i < n; i++) h.observe({ method: "POST", route, status_code: status }, s);
  };
  hit("/predict", "200", 0.002, 50);
  const before = await registry.metrics();
  hit("/predict", "200", 0.004, 180);
  hit("/predict", "200", 0.2, 10);
  hit("/predict", "503", 0.02, 10);
  hit("/healthz", "200", 0.0005, 40);
  const w = latencyWindow(before, await registry.metrics(), { route: "/predict" });
  assert.equal(w.requests, 200);
  assert.equal(w.errors, 10);
  assert.equal(w.errorRate, 0.05);
  // Buckets in the window: le 0.005 → 180, 0.01 → 180, 0.025 → 190, 0.25 → 200.
  // p50: rank 100 in (0.001, 0.005] holding 180: 0.001 + 0.004 × 100/180. p95: rank 190 → 0.025 exactly.
  assert.ok(Math.abs(w.p50 - (0.001 + (0.004 * 100) / 180)) < 1e-12, `p50 ${w.p50}`);
  assert.ok(Math.abs(w.p95 - 0.025) < 1e-12, `p95 ${w.p95}`);
  // p99: rank 198 in (0.1, 0.25] holding 10 (190 before): 0.1 + 0.15 × 8/10 = 0.22.
  assert.ok(Math.abs(w.p99 - 0.22) < 1e-12, `p99 ${w.p99}`);
  const fig = latencyPanel([{ label: "normal", ...w }], { latencySeconds: 0.1, maxErrorRate: 0.01 });
  assert.equal(fig.data.length, 6);
});

test("PromQL edge cases: +Inf bucket, no data, q outside [0, 1]; label escapes", () => {
  const b = [
    { le: 0.1, count: 10 },
    { le: 0.5, count: 80 },
    { le: INF, count: 100 },
  ];
  assert.equal(promHistogramQuantile(0.95, b), 0.5);
  assert.ok(
    Number.isNaN(
      promHistogramQuantile(
        0.5,
        b.map((x) => ({ ...x, count: 0 })),
      ),
    ),
  );
  assert.equal(promHistogramQuantile(2, b), INF);
  assert.deepEqual(parsePrometheusText('m{a="x\\"y",b="1\\\\2"} 3')[0], {
    name: "m",
    labels: { a: 'x"y', b: "1\\2" },
    value: 3,
  });
  const idle = latencyWindow("", "");
  assert.equal(idle.requests, 0);
  assert.ok(Number.isNaN(idle.p95));
});
