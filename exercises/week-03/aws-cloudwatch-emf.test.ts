// Grades exercises/week-03/aws-cloudwatch-emf.ts (and proves the solution with the very same file).
// Every line is parsed and checked against the CloudWatch Embedded Metric Format specification (the validator
// below follows its MUST rules), then the whole output is compared with what the official aws-embedded-metrics
// library serialises for the same input: same namespace, dimension sets, units, properties and metric values.
import assert from "node:assert/strict";
import { Unit } from "aws-embedded-metrics";
import { MetricsContext } from "aws-embedded-metrics/lib/logger/MetricsContext";
import { LogSerializer } from "aws-embedded-metrics/lib/serializers/LogSerializer";
import { test } from "vitest";
import { emfLines, type InferenceMetrics } from "./aws-cloudwatch-emf";

/** The units CloudWatch accepts (API_MetricDatum, "Unit"). */
const UNITS = new Set<string>(Object.values(Unit));

type Doc = Record<string, unknown> & {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit?: string }[] }[];
  };
};

/** Parses one line and checks it against the EMF specification; returns the document. */
function checkEmf(line: string, where: string): Doc {
  assert.equal(typeof line, "string", `${where}: each line must be a JSON string`);
  assert.ok(!line.includes("\n"), `${where}: one log event is one line (no newlines inside)`);
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    assert.fail(`${where}: not valid JSON (${(e as Error).message}): ${line.slice(0, 120)}`);
  }
  assert.ok(doc && typeof doc === "object" && !Array.isArray(doc), `${where}: the root must be a JSON object`);
  const root = doc as Record<string, unknown>;
  const aws = root._aws as Record<string, unknown> | undefined;
  assert.ok(aws && typeof aws === "object", `${where}: the root must have an "_aws" metadata object`);
  for (const key of Object.keys(aws)) {
    assert.ok(
      ["Timestamp", "CloudWatchMetrics", "LogGroupName"].includes(key),
      `${where}: unexpected _aws member "${key}"`,
    );
  }
  assert.ok(
    Number.isInteger(aws.Timestamp),
    `${where}: _aws.Timestamp must be milliseconds since the epoch, got ${aws.Timestamp}`,
  );
  const directives = aws.CloudWatchMetrics;
  assert.ok(
    Array.isArray(directives) && directives.length > 0,
    `${where}: _aws.CloudWatchMetrics must be a non-empty array`,
  );
  for (const [d, directive] of directives.entries()) {
    const at = `${where}, CloudWatchMetrics[${d}]`;
    for (const key of Object.keys(directive)) {
      assert.ok(["Namespace", "Dimensions", "Metrics"].includes(key), `${at}: unexpected member "${key}"`);
    }
    assert.ok(
      typeof directive.Namespace === "string" && directive.Namespace.length >= 1 && directive.Namespace.length <= 255,
      `${at}: Namespace`,
    );
    assert.ok(Array.isArray(directive.Dimensions), `${at}: Dimensions must be an array of dimension sets`);
    for (const set of directive.Dimensions) {
      assert.ok(Array.isArray(set) && set.length <= 30, `${at}: a dimension set is an array of at most 30 names`);
      for (const name of set) {
        assert.equal(
          typeof root[name],
          "string",
          `${at}: dimension "${name}" must be a top-level member with a string value`,
        );
      }
    }
    assert.ok(
      Array.isArray(directive.Metrics) && directive.Metrics.length >= 1 && directive.Metrics.length <= 100,
      `${at}: Metrics`,
    );
    for (const metric of directive.Metrics) {
      for (const key of Object.keys(metric)) {
        assert.ok(["Name", "Unit", "StorageResolution"].includes(key), `${at}: unexpected metric member "${key}"`);
      }
      assert.equal(typeof metric.Name, "string", `${at}: every metric needs a Name`);
      if (metric.Unit !== undefined)
        assert.ok(UNITS.has(metric.Unit), `${at}: "${metric.Unit}" is not a CloudWatch unit`);
      const value = root[metric.Name];
      const values = Array.isArray(value) ? value : [value];
      assert.ok(
        values.length >= 1 && values.length <= 100,
        `${at}: "${metric.Name}" must hold 1 to 100 values, has ${values.length}`,
      );
      for (const v of values) {
        assert.ok(
          typeof v === "number" && Number.isFinite(v),
          `${at}: "${metric.Name}" values must be numbers, got ${JSON.stringify(v)}`,
        );
      }
    }
  }
  return doc as Doc;
}

/** What the official library writes for the same input. */
function official(m: InferenceMetrics): string[] {
  const context = MetricsContext.empty();
  context.setNamespace(m.namespace);
  context.setDimensions([m.dimensions], false);
  for (const v of Array.isArray(m.latencyMs) ? m.latencyMs : [m.latencyMs])
    context.putMetric("Latency", v, Unit.Milliseconds);
  context.putMetric("PredictionCount", m.predictionCount, Unit.Count);
  for (const [k, v] of Object.entries(m.properties ?? {})) context.setProperty(k, v);
  context.setTimestamp(m.timestamp);
  return new LogSerializer().serialize(context);
}

/** The meaning of a set of EMF lines, independent of line layout and member order. */
function meaning(lines: string[], label: string) {
  const docs = lines.map((line, i) => checkEmf(line, `${label} line ${i + 1}`));
  const values: Record<string, number[]> = {};
  const units: Record<string, string | undefined> = {};
  const namespaces = new Set<string>();
  const dimensionSets = new Set<string>();
  const timestamps = new Set<number>();
  const others: string[] = [];
  for (const doc of docs) {
    timestamps.add(doc._aws.Timestamp);
    const metricNames = new Set<string>();
    for (const directive of doc._aws.CloudWatchMetrics) {
      namespaces.add(directive.Namespace);
      for (const set of directive.Dimensions) dimensionSets.add(JSON.stringify([...set].sort()));
      for (const metric of directive.Metrics) {
        metricNames.add(metric.Name);
        units[metric.Name] = metric.Unit;
        const v = doc[metric.Name];
        values[metric.Name] = [...(values[metric.Name] ?? []), ...(Array.isArray(v) ? v : [v])] as number[];
      }
    }
    // Dimensions and properties: every non-metric member, the same on every line.
    const rest = Object.fromEntries(
      Object.entries(doc)
        .filter(([k]) => k !== "_aws" && !metricNames.has(k))
        .sort(),
    );
    others.push(JSON.stringify(rest));
  }
  return {
    lines: docs.length,
    namespaces: [...namespaces],
    dimensionSets: [...dimensionSets].sort(),
    timestamps: [...timestamps],
    units,
    values,
    members: [...new Set(others)],
  };
}

const now = Date.now() - 60_000;

function single(): InferenceMetrics {
  return {
    namespace: "MLStudy/Inference",
    dimensions: { Model: "iris", Variant: "blue" },
    latencyMs: 12.5,
    predictionCount: 3,
    timestamp: now,
    properties: { requestId: "req-0001", modelVersion: "2026-05-01" },
  };
}

test("one inference is one EMF line with the namespace, dimensions, units and values", () => {
  const lines = emfLines(single());
  assert.equal(lines.length, 1, "a single inference fits in one line");
  const doc = checkEmf(lines[0], "line 1");
  const [directive] = doc._aws.CloudWatchMetrics;
  assert.equal(doc._aws.CloudWatchMetrics.length, 1, "one metric directive");
  assert.equal(doc._aws.Timestamp, now);
  assert.equal(directive.Namespace, "MLStudy/Inference");
  assert.deepEqual(
    directive.Dimensions.map((s) => [...s].sort()),
    [["Model", "Variant"]],
  );
  assert.deepEqual(
    [...directive.Metrics].sort((a, b) => a.Name.localeCompare(b.Name)),
    [
      { Name: "Latency", Unit: "Milliseconds" },
      { Name: "PredictionCount", Unit: "Count" },
    ],
  );
  assert.equal(doc.Model, "iris");
  assert.equal(doc.Variant, "blue");
  assert.equal(doc.Latency, 12.5);
  assert.equal(doc.PredictionCount, 3);
  assert.equal(doc.requestId, "req-0001", "properties are top-level members");
  assert.equal(doc.modelVersion, "2026-05-01");
  const fromDate = checkEmf(emfLines({ ...single(), timestamp: new Date(now) })[0], "Date timestamp");
  assert.equal(fromDate._aws.Timestamp, now, "a Date timestamp becomes milliseconds since the epoch");
});

test("the same meaning as the official aws-embedded-metrics library, for a single inference", () => {
  assert.deepEqual(meaning(emfLines(single()), "yours"), meaning(official(single()), "aws-embedded-metrics"));
});

test("a batch of 250 latencies is split into lines of at most 100 values, like the official library", () => {
  const latencies = Array.from({ length: 250 }, (_, i) => Math.round((5 + ((i * 37) % 90) + i / 1000) * 1000) / 1000);
  const batch: InferenceMetrics = { ...single(), latencyMs: latencies, predictionCount: 250 };
  const yours = meaning(emfLines(batch), "yours");
  const theirs = meaning(official(batch), "aws-embedded-metrics");
  assert.equal(yours.lines, 3, "250 values need ceil(250 / 100) = 3 lines");
  assert.deepEqual(yours.values.Latency, latencies, "every latency, in order, exactly once");
  assert.deepEqual(yours.values.PredictionCount, [250], "PredictionCount is reported once in total");
  assert.deepEqual(yours, theirs);
});

test("dimensions are low-cardinality; properties may not collide with them or the metrics", () => {
  assert.throws(() => emfLines({ ...single(), properties: { Model: "other" } }), /property/i);
  assert.throws(() => emfLines({ ...single(), properties: { Latency: 1 } }), /property/i);
  assert.throws(() => emfLines({ ...single(), properties: { _aws: "x" } }), /property/i);
  const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`d${i}`, "x"]));
  assert.throws(() => emfLines({ ...single(), dimensions: many }), /dimension/i);
  assert.throws(() => emfLines({ ...single(), dimensions: {} }), /dimension/i);
  assert.throws(() => emfLines({ ...single(), dimensions: { Model: "" } }), /dimension/i);
});

test("invalid values are refused with a message naming the field", () => {
  assert.throws(() => emfLines({ ...single(), namespace: "" }), /namespace/i);
  assert.throws(() => emfLines({ ...single(), namespace: "n".repeat(256) }), /namespace/i);
  assert.throws(() => emfLines({ ...single(), latencyMs: -1 }), /latency/i);
  assert.throws(() => emfLines({ ...single(), latencyMs: Number.NaN }), /latency/i);
  assert.throws(() => emfLines({ ...single(), latencyMs: [] }), /latency/i);
  assert.throws(() => emfLines({ ...single(), latencyMs: [3, Number.POSITIVE_INFINITY] }), /latency/i);
  assert.throws(() => emfLines({ ...single(), predictionCount: 1.5 }), /count/i);
  assert.throws(() => emfLines({ ...single(), predictionCount: -2 }), /count/i);
});
