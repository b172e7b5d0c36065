// Grades exercises/week-05/prometheus-histogram.ts (and proves solutions/week-05/prometheus-histogram.ts with the
// very same file). The trusted reference is prom-client itself: the same observations go into a prom-client
// Histogram in a fresh Registry, and both texts are parsed line by line and compared, ignoring only what the format
// leaves free (the order of label sets, the order of labels inside the braces, blank lines).
import assert from "node:assert/strict";
import { Histogram, Registry } from "prom-client";
import { test } from "vitest";
import { createRng } from "../../src/data";
import {
  type Bucket,
  bucketCounts,
  type HistogramSpec,
  type Observation,
  p95FromBuckets,
  quantileFromBuckets,
  renderHistogram,
} from "./prometheus-histogram";

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Parsed {
  help: Map<string, string>;
  type: Map<string, string>;
  samples: Sample[];
}

/** Parses `{a="x",b="y\"z"}` into an object, undoing the three escapes; throws on anything malformed. */
function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const m = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(text.slice(i));
    assert.ok(m, `malformed labels in line: ${line}`);
    i += m[0].length;
    let value = "";
    for (;;) {
      assert.ok(i < text.length, `unterminated label value in line: ${line}`);
      const c = text[i];
      if (c === "\\") {
        const next = text[i + 1];
        assert.ok(next === "\\" || next === '"' || next === "n", `bad escape \\${next} in line: ${line}`);
        value += next === "n" ? "\n" : next;
        i += 2;
      } else if (c === '"') {
        i++;
        break;
      } else {
        assert.notEqual(c, "\n", `raw newline inside a label value: ${line}`);
        value += c;
        i++;
      }
    }
    assert.ok(!(m[1] in labels), `label ${m[1]} repeated in line: ${line}`);
    labels[m[1]] = value;
    if (text[i] === ",") i++;
  }
  return labels;
}

function parseExposition(text: string): Parsed {
  const out: Parsed = { help: new Map(), type: new Map(), samples: [] };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
    if (comment) {
      const map = comment[1] === "HELP" ? out.help : out.type;
      assert.ok(!map.has(comment[2]), `a second ${comment[1]} line for ${comment[2]}`);
      assert.equal(out.samples.length, 0, `${comment[1]} must come before the samples: ${line}`);
      map.set(comment[2], comment[3]);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(sample, `not a valid exposition line: ${JSON.stringify(line)}`);
    const value = sample[3] === "+Inf" ? Number.POSITIVE_INFINITY : Number(sample[3]);
    assert.ok(!Number.isNaN(value), `not a number: ${sample[3]} in ${line}`);
    out.samples.push({ name: sample[1], labels: parseLabels(sample[2] ?? "", line), value });
  }
  return out;
}

/** A key for a sample that ignores label order and writes le as a number ("1" and "1.0" are the same bound). */
function sampleKey(s: Sample): string {
  const labels = Object.entries(s.labels)
    .map(([k, v]) => [k, k === "le" ? String(v === "+Inf" ? Number.POSITIVE_INFINITY : Number(v)) : v])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${s.name}${JSON.stringify(labels)}`;
}

async function promClientText(spec: HistogramSpec, observations: Observation[]): Promise<string> {
  const registry = new Registry();
  const h = new Histogram({ ...spec, labelNames: spec.labelNames ?? [], registers: [registry] });
  for (const o of observations) {
    if (o.labels) h.observe(o.labels, o.value);
    else h.observe(o.value);
  }
  return registry.metrics();
}

/** Compares the learner's text with prom-client's: same HELP/TYPE, same samples, counts exact, _sum to 1e-9. */
async function assertMatchesPromClient(spec: HistogramSpec, observations: Observation[]): Promise<void> {
  const got = renderHistogram(spec, observations);
  assert.equal(typeof got, "string", "renderHistogram returns the text");
  const mine = parseExposition(got);
  const ref = parseExposition(await promClientText(spec, observations));
  assert.equal(mine.help.get(spec.name), ref.help.get(spec.name), "the # HELP line (escaped)");
  assert.equal(mine.type.get(spec.name), "histogram", "the # TYPE line says histogram");
  const want = new Map(ref.samples.map((s) => [sampleKey(s), s.value]));
  const have = new Map<string, number>();
  for (const s of mine.samples) {
    const key = sampleKey(s);
    assert.ok(!have.has(key), `sample repeated: ${key}`);
    have.set(key, s.value);
  }
  for (const [key, value] of want) {
    assert.ok(have.has(key), `missing sample ${key} (prom-client has it, value ${value})`);
    const v = have.get(key) as number;
    const ok = key.includes("_sum[") ? Math.abs(v - value) <= 1e-9 * Math.max(1, Math.abs(value)) : v === value;
    assert.ok(ok, `${key}: expected ${value}, got ${v}`);
  }
  for (const key of have.keys()) assert.ok(want.has(key), `unexpected sample ${key} (prom-client has no such line)`);
  // The format requires each series' buckets in increasing order of le.
  const lastLe = new Map<string, number>();
  for (const s of mine.samples.filter((x) => x.name.endsWith("_bucket"))) {
    const { le, ...rest } = s.labels;
    const series = JSON.stringify(Object.entries(rest).sort());
    const bound = le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le);
    assert.ok(bound > (lastLe.get(series) ?? Number.NEGATIVE_INFINITY), `buckets out of order in series ${series}`);
    lastLe.set(series, bound);
  }
}

test("bucketCounts counts cumulatively, a value on a bound counts in that bucket", () => {
  // bounds 0.1, 0.5, 1: 0.05 ≤ 0.1; 0.1 ≤ 0.1 (on the bound); 0.3 ≤ 0.5; 2 only in +Inf
  // → le=0.1: 2, le=0.5: 3, le=1: 3, le=+Inf: 4
  const got = bucketCounts([0.05, 0.1, 0.3, 2], [0.1, 0.5, 1]);
  const want: Bucket[] = [
    { le: 0.1, count: 2 },
    { le: 0.5, count: 3 },
    { le: 1, count: 3 },
    { le: Number.POSITIVE_INFINITY, count: 4 },
  ];
  assert.deepEqual(got, want, `expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  assert.throws(() => bucketCounts([1], []), /bucket/i, "no bounds");
  assert.throws(() => bucketCounts([1], [0.5, 0.2]), /bucket/i, "bounds not increasing");
  assert.throws(() => bucketCounts([Number.NaN], [1]), /finite/i, "NaN observation");
});

test("renderHistogram matches prom-client for one unlabelled histogram", async () => {
  const spec = {
    name: "http_request_duration_seconds",
    help: "Latency of HTTP requests.",
    buckets: [0.05, 0.1, 0.25, 0.5, 1],
  };
  await assertMatchesPromClient(
    spec,
    [0.01, 0.05, 0.07, 0.2, 0.2, 0.3, 0.9, 1.7].map((value) => ({ value })),
  );
});

test("renderHistogram matches prom-client with labels, several label sets, and escaping", async () => {
  const spec: HistogramSpec = {
    name: "inference_latency_seconds",
    help: 'Model latency; a back\\slash, "quotes"\nand a second line.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1],
    labelNames: ["method", "route", "model"],
  };
  const observations: Observation[] = [
    { value: 0.004, labels: { method: "POST", route: "/predict", model: "v1" } },
    { value: 0.03, labels: { route: "/predict", model: "v1", method: "POST" } }, // same set, keys in another order
    { value: 0.2, labels: { method: "POST", route: "/predict", model: "v1" } },
    { value: 0.001, labels: { method: "GET", route: "/health" } },
    { value: 0.05, labels: { method: "POST", route: '/odd"route\\with\nnewline', model: "v2" } },
  ];
  await assertMatchesPromClient(spec, observations);
});

test("renderHistogram matches prom-client on 500 seeded latencies (sums compared to 1e-9)", async () => {
  const rng = createRng(5);
  const observations: Observation[] = Array.from({ length: 500 }, () => ({
    value: Math.exp(rng.normal(Math.log(0.08), 0.6)),
    labels: { route: rng.next() < 0.8 ? "/predict" : "/batch" },
  }));
  const spec = {
    name: "api_latency_seconds",
    help: "API latency.",
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    labelNames: ["route"],
  };
  await assertMatchesPromClient(spec, observations);
});

test("renderHistogram: an unlabelled histogram exists at zero before any observation; a labelled one has no series", async () => {
  await assertMatchesPromClient({ name: "queue_wait_seconds", help: "Wait.", buckets: [1, 5] }, []);
  await assertMatchesPromClient(
    { name: "queue_wait_seconds", help: "Wait.", buckets: [1, 5], labelNames: ["queue"] },
    [],
  );
});

test("renderHistogram rejects bad names, labels and buckets", () => {
  const ok = { name: "ok_seconds", help: "h", buckets: [1] };
  assert.throws(() => renderHistogram({ ...ok, name: "9bad-name" }, []), /name/i, "metric name starting with a digit");
  assert.throws(() => renderHistogram({ ...ok, labelNames: ["le"] }, []), /le/, '"le" as a label name');
  assert.throws(
    () => renderHistogram({ ...ok, labelNames: ["a"] }, [{ value: 1, labels: { b: "x" } }]),
    /label/i,
    "unknown label",
  );
  assert.throws(() => renderHistogram({ ...ok, buckets: [] }, []), /bucket/i, "no buckets");
  assert.throws(() => renderHistogram({ ...ok, buckets: [2, 1] }, []), /bucket/i, "decreasing buckets");
});

const INF = Number.POSITIVE_INFINITY;
const near = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 1e-12, `${what}: expected ${want}, got ${got}`);

test("p95FromBuckets interpolates linearly inside the bucket, as histogram_quantile does", () => {
  // total 100, rank = 0.95 × 100 = 95. First bucket with count ≥ 95 is le=1 (count 100); it starts at 0.5 and
  // holds 100 − 90 = 10 observations, of which we need 95 − 90 = 5: 0.5 + (1 − 0.5) × 5/10 = 0.75
  const b: Bucket[] = [
    { le: 0.1, count: 10 },
    { le: 0.25, count: 50 },
    { le: 0.5, count: 90 },
    { le: 1, count: 100 },
    { le: INF, count: 100 },
  ];
  near(p95FromBuckets(b), 0.75, "p95");
  // median: rank 50 is reached in le=0.25 (count 50); start 0.1, holds 40, need 50 − 10 = 40: 0.1 + 0.15 × 1 = 0.25
  near(quantileFromBuckets(0.5, b), 0.25, "p50");
  // p90: rank 90 → le=0.5 (count 90); start 0.25, holds 40, need 40: 0.5. p20: rank 20 → le=0.25; need 10 of 40:
  // 0.1 + 0.15 × 0.25 = 0.1375
  near(quantileFromBuckets(0.9, b), 0.5, "p90");
  near(quantileFromBuckets(0.2, b), 0.1375, "p20");
});

test("p95FromBuckets: the first bucket starts at 0; the +Inf bucket answers the largest finite bound", () => {
  // everything ≤ 0.2: rank 95 in the first bucket, interpolated from 0: 0.2 × 95/100 = 0.19
  near(
    p95FromBuckets([
      { le: 0.2, count: 100 },
      { le: INF, count: 100 },
    ]),
    0.19,
    "all in the first bucket",
  );
  // total 40, rank 38: the first bucket reaching 38 is +Inf (count 40) → the largest finite bound, 0.3
  const slow: Bucket[] = [
    { le: 0.1, count: 10 },
    { le: 0.2, count: 20 },
    { le: 0.3, count: 30 },
    { le: INF, count: 40 },
  ];
  near(p95FromBuckets(slow), 0.3, "rank in the +Inf bucket");
  assert.ok(
    Number.isNaN(
      p95FromBuckets([
        { le: 1, count: 0 },
        { le: INF, count: 0 },
      ]),
    ),
    "no observations gives NaN",
  );
});

test("p95FromBuckets on 10 000 seeded uniform(0, 1) values with 0.05-wide buckets lands near the true 0.95", () => {
  const rng = createRng(7);
  const values = Array.from({ length: 10_000 }, () => rng.next());
  const bounds = Array.from({ length: 20 }, (_, i) => Number(((i + 1) * 0.05).toFixed(2)));
  const p95 = p95FromBuckets(bucketCounts(values, bounds));
  assert.ok(Math.abs(p95 - 0.95) < 0.01, `expected about 0.95 (within 0.01), got ${p95}`);
});

test("quantileFromBuckets rejects malformed buckets", () => {
  assert.throws(() => quantileFromBuckets(0.95, [{ le: 1, count: 3 }]), Error, "a single bucket");
  assert.throws(
    () =>
      quantileFromBuckets(0.95, [
        { le: 1, count: 3 },
        { le: 2, count: 4 },
      ]),
    /Inf/,
    "no +Inf bucket",
  );
  assert.throws(
    () =>
      quantileFromBuckets(0.95, [
        { le: 1, count: 5 },
        { le: INF, count: 4 },
      ]),
    /cumulative/i,
    "counts decrease",
  );
  assert.throws(
    () =>
      quantileFromBuckets(1.5, [
        { le: 1, count: 1 },
        { le: INF, count: 1 },
      ]),
    Error,
    "q > 1",
  );
});
