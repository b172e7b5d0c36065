// Grades exercises/week-03/aws-cloudwatch-alarm.ts (and proves the solution with the very same file).
// Percentiles are checked on hand-worked cases and against CloudWatch's definition itself (at least p% of the
// samples at or below the answer, fewer than p% strictly below it), in exact integer arithmetic. The samples are
// published to the local moto server and read back with GetMetricStatistics (count, sum, min, max). moto cannot
// compute percentiles (ExtendedStatistics come back empty) and never evaluates alarms, so the p95 is checked locally
// and the alarm by describing what was created.
import assert from "node:assert/strict";
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricStatisticsCommand,
  PutMetricAlarmCommand,
} from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, test } from "vitest";
import { awsClientConfig, type LocalAws, startLocalAws } from "../../src/aws";
import { createRng } from "../../src/data";
import {
  latencyRequests,
  type P95AlarmSpec,
  p95AlarmRequest,
  percentile,
  publishLatencies,
} from "./aws-cloudwatch-alarm";

let aws: LocalAws | undefined;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(async () => {
  await aws?.stop();
});

const DIMENSIONS = [
  { Name: "EndpointName", Value: "iris" },
  { Name: "VariantName", Value: "blue" },
];

/** Seeded, right-skewed latencies (log-normal around 40 ms), rounded to 0.1 ms like a real timer. */
function latencies(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Math.round(Math.exp(Math.log(40) + 0.5 * rng.normal()) * 10) / 10);
}

test("percentile follows the nearest-rank rule on hand-worked cases", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100, 99, ..., 1: unsorted on purpose
  const copy = [...hundred];
  assert.equal(percentile(hundred, 95), 95, "p95 of 1..100: 95 values are <= 95");
  assert.equal(percentile(hundred, 50), 50);
  assert.equal(percentile(hundred, 100), 100);
  assert.equal(percentile(hundred, 7), 7, "p7 of 1..100 is 7 (0.07 * 100 is 7.000000000000001 in floating point)");
  assert.deepEqual(hundred, copy, "the input must not be reordered");
  assert.equal(percentile([10, 20, 30, 40], 95), 40, "rank ceil(0.95 * 4) = 4");
  assert.equal(percentile([40, 10, 30, 20], 25), 10, "rank ceil(0.25 * 4) = 1");
  assert.equal(percentile([40, 10, 30, 20], 26), 20, "rank ceil(0.26 * 4) = 2");
  assert.equal(percentile([7, 7, 7, 9], 50), 7, "ties");
  assert.equal(percentile([42], 95), 42);
  assert.throws(() => percentile([], 95), /empty/i);
  assert.throws(() => percentile([1, 2], 0), /percentile/i);
  assert.throws(() => percentile([1, 2], 101), /percentile/i);
});

test("percentile satisfies CloudWatch's definition on random samples (exact integer check)", () => {
  const rng = createRng(5);
  for (let trial = 0; trial < 300; trial++) {
    const n = 1 + rng.randInt(0, 200);
    const samples = Array.from({ length: n }, () => rng.randInt(0, 50));
    const p = 1 + rng.randInt(0, 99);
    const v = percentile(samples, p);
    assert.ok(samples.includes(v), `p${p} = ${v} must be one of the samples`);
    const atOrBelow = samples.filter((s) => s <= v).length;
    const below = samples.filter((s) => s < v).length;
    assert.ok(atOrBelow * 100 >= p * n, `p${p} of ${n} samples = ${v}: only ${atOrBelow} samples are <= it`);
    assert.ok(
      below * 100 < p * n,
      `p${p} of ${n} samples = ${v}: ${below} samples are already below it, so a smaller value qualifies`,
    );
  }
});

test("latencyRequests compresses samples into Values and Counts", () => {
  const timestamp = new Date("2026-05-01T12:00:00Z");
  const requests = latencyRequests({
    namespace: "MLStudy/Inference",
    metricName: "Latency",
    dimensions: DIMENSIONS,
    samples: [12, 15, 12, 30, 15, 12],
    timestamp,
  });
  assert.deepEqual(JSON.parse(JSON.stringify(requests)), [
    {
      Namespace: "MLStudy/Inference",
      MetricData: [
        {
          MetricName: "Latency",
          Dimensions: DIMENSIONS,
          Timestamp: timestamp.toISOString(),
          Unit: "Milliseconds",
          Values: [12, 15, 30],
          Counts: [3, 2, 1],
        },
      ],
    },
  ]);
  assert.throws(
    () => latencyRequests({ namespace: "N", metricName: "Latency", dimensions: [], samples: [], timestamp }),
    /empty/i,
  );
  for (const bad of [-2, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(
      () => latencyRequests({ namespace: "N", metricName: "Latency", dimensions: [], samples: [1, bad], timestamp }),
      /sample/i,
      `a sample of ${bad} must be refused`,
    );
  }
});

test("more than 150 distinct values are split over several requests, none over 150", () => {
  const samples = latencies(800, 9);
  const requests = latencyRequests({
    namespace: "N",
    metricName: "Latency",
    dimensions: DIMENSIONS,
    samples,
    timestamp: new Date(),
  });
  const distinct = [...new Set(samples)].sort((a, b) => a - b);
  assert.equal(
    requests.length,
    Math.ceil(distinct.length / 150),
    `${distinct.length} distinct values need ceil(n / 150) requests`,
  );
  const values: number[] = [];
  let total = 0;
  for (const request of requests) {
    assert.equal(request.MetricData?.length, 1, "one MetricDatum per request");
    const [datum] = request.MetricData ?? [];
    assert.ok(
      (datum.Values ?? []).length <= 150,
      `a request carries ${datum.Values?.length} values; CloudWatch takes 150`,
    );
    assert.equal(datum.Values?.length, datum.Counts?.length, "Values and Counts have the same length");
    values.push(...(datum.Values ?? []));
    total += (datum.Counts ?? []).reduce((s, c) => s + c, 0);
  }
  assert.deepEqual(values, distinct, "every distinct value once, ascending");
  assert.equal(total, samples.length, "the Counts add up to the number of samples");
});

test("the samples land in CloudWatch (moto): count, sum, min and max match; p95 is computed locally", async () => {
  const cloudwatch = new CloudWatchClient(awsClientConfig());
  const samples = latencies(600, 21);
  const timestamp = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 120_000);
  const sent = await publishLatencies(cloudwatch, {
    namespace: "MLStudy/Inference",
    metricName: "Latency",
    dimensions: DIMENSIONS,
    samples,
    timestamp,
  });
  assert.ok(
    sent >= 2,
    `600 samples at 0.1 ms resolution have more than 150 distinct values; ${sent} request(s) were sent`,
  );
  const stats = await cloudwatch.send(
    new GetMetricStatisticsCommand({
      Namespace: "MLStudy/Inference",
      MetricName: "Latency",
      Dimensions: DIMENSIONS,
      StartTime: new Date(timestamp.getTime() - 300_000),
      EndTime: new Date(timestamp.getTime() + 300_000),
      Period: 60,
      Statistics: ["SampleCount", "Sum", "Minimum", "Maximum"],
    }),
  );
  assert.equal(stats.Datapoints?.length, 1, "all samples share one timestamp, so one datapoint");
  const [point] = stats.Datapoints ?? [];
  const sum = samples.reduce((s, v) => s + v, 0);
  assert.equal(point.SampleCount, 600);
  assert.ok(Math.abs((point.Sum ?? 0) - sum) < 1e-6, `Sum: expected ${sum}, got ${point.Sum}`);
  assert.equal(point.Minimum, Math.min(...samples));
  assert.equal(point.Maximum, Math.max(...samples));
  const sorted = [...samples].sort((a, b) => a - b);
  assert.equal(percentile(samples, 95), sorted[569], "p95 of 600 samples is the 570th smallest");
});

function alarmSpec(overrides: Partial<P95AlarmSpec> = {}): P95AlarmSpec {
  return {
    alarmName: "iris-p95-latency",
    namespace: "MLStudy/Inference",
    metricName: "Latency",
    dimensions: DIMENSIONS,
    thresholdMs: 250,
    periodSeconds: 60,
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    treatMissingData: "notBreaching",
    alarmActions: ["arn:aws:sns:us-east-1:123456789012:ml-oncall"],
    ...overrides,
  };
}

test("p95AlarmRequest alarms on ExtendedStatistic p95 (with no Statistic), M of N periods", () => {
  const request = JSON.parse(JSON.stringify(p95AlarmRequest(alarmSpec())));
  assert.equal(request.Statistic, undefined, "Statistic and ExtendedStatistic are mutually exclusive");
  assert.deepEqual(request, {
    AlarmName: "iris-p95-latency",
    Namespace: "MLStudy/Inference",
    MetricName: "Latency",
    Dimensions: DIMENSIONS,
    ExtendedStatistic: "p95",
    Period: 60,
    EvaluationPeriods: 5,
    DatapointsToAlarm: 3,
    Threshold: 250,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: "notBreaching",
    Unit: "Milliseconds",
    ActionsEnabled: true,
    AlarmActions: ["arn:aws:sns:us-east-1:123456789012:ml-oncall"],
  });
  const defaults = p95AlarmRequest({
    alarmName: "a",
    namespace: "N",
    metricName: "Latency",
    dimensions: [],
    thresholdMs: 100,
  });
  assert.deepEqual(
    [
      defaults.Period,
      defaults.EvaluationPeriods,
      defaults.DatapointsToAlarm,
      defaults.TreatMissingData,
      defaults.AlarmActions,
    ],
    [60, 5, 5, "notBreaching", []],
    "defaults: 60 s periods, 5 of 5, missing data is not breaching, no actions",
  );
});

test("p95AlarmRequest refuses settings CloudWatch would reject", () => {
  const cases: [Partial<P95AlarmSpec>, RegExp][] = [
    [{ periodSeconds: 45 }, /period/i],
    [{ periodSeconds: 90 }, /period/i],
    [{ periodSeconds: 0 }, /period/i],
    [{ evaluationPeriods: 0 }, /evaluation/i],
    [{ evaluationPeriods: 2.5 }, /evaluation/i],
    [{ datapointsToAlarm: 6 }, /datapoints/i],
    [{ datapointsToAlarm: 0 }, /datapoints/i],
    [{ thresholdMs: Number.NaN }, /threshold/i],
    [{ thresholdMs: -5 }, /threshold/i],
    [{ treatMissingData: "zero" as P95AlarmSpec["treatMissingData"] }, /missing/i],
  ];
  for (const [overrides, message] of cases) {
    assert.throws(
      () => p95AlarmRequest(alarmSpec(overrides)),
      message,
      `${JSON.stringify(overrides)} must fail with ${message}`,
    );
  }
  assert.doesNotThrow(
    () => p95AlarmRequest(alarmSpec({ periodSeconds: 10 })),
    "10 s is a valid high-resolution period",
  );
  assert.doesNotThrow(() => p95AlarmRequest(alarmSpec({ periodSeconds: 300 })));
});

test("the alarm is created in CloudWatch (moto), and DescribeAlarms shows what was asked for", async () => {
  const cloudwatch = new CloudWatchClient(awsClientConfig());
  await cloudwatch.send(new PutMetricAlarmCommand(p95AlarmRequest(alarmSpec())));
  const described = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ["iris-p95-latency"] }));
  assert.equal(described.MetricAlarms?.length, 1);
  const [alarm] = described.MetricAlarms ?? [];
  assert.equal(alarm.ExtendedStatistic, "p95");
  assert.equal(alarm.Statistic, undefined);
  assert.deepEqual(
    [
      alarm.Namespace,
      alarm.MetricName,
      alarm.Period,
      alarm.EvaluationPeriods,
      alarm.DatapointsToAlarm,
      alarm.Threshold,
    ],
    ["MLStudy/Inference", "Latency", 60, 5, 3, 250],
  );
  assert.equal(alarm.ComparisonOperator, "GreaterThanThreshold");
  assert.equal(alarm.TreatMissingData, "notBreaching");
  assert.deepEqual(alarm.Dimensions, DIMENSIONS);
  assert.deepEqual(alarm.AlarmActions, ["arn:aws:sns:us-east-1:123456789012:ml-oncall"]);
});
