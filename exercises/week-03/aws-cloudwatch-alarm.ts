// Week 3 · CloudWatch metrics and alarms: publish latency samples, alarm on their p95.
// Read the "CloudWatch: logs, metrics and alarms" section of notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-cloudwatch-alarm`; stuck? `npm run hint aws-cloudwatch-alarm`.
import type { CloudWatchClient, Dimension, PutMetricAlarmInput, PutMetricDataInput } from "@aws-sdk/client-cloudwatch";
import { todo } from "../../src/grader/todo";

/**
 * The p-th percentile as CloudWatch defines it: p95 is the value that 95% of the samples are lower than or equal to.
 * Use the nearest-rank rule: sort ascending and take the value at 1-based rank ceil(p/100 · n), so every answer is
 * one of the samples. p is in (0, 100]. Throws mentioning "empty" for no samples and "percentile" for a p outside
 * (0, 100]. Does not change the input array.
 */
export function percentile(samples: number[], p: number): number {
  return todo("aws-cloudwatch-alarm");
}

export interface LatencyBatch {
  namespace: string;
  /** e.g. "Latency" */
  metricName: string;
  dimensions: Dimension[];
  /** Latencies in milliseconds; each finite and >= 0 (CloudWatch rejects NaN and ±Infinity, and computes no
   * percentiles for a metric with negative values). */
  samples: number[];
  timestamp: Date;
}

/**
 * The PutMetricData requests that publish every sample, raw (so CloudWatch can compute percentiles from them):
 * one MetricDatum per request with the metric name, dimensions, timestamp, Unit "Milliseconds", and the samples
 * compressed as Values (distinct values, ascending) with Counts (how often each occurs). CloudWatch takes at most
 * 150 values per metric in one request, so more than 150 distinct values need several requests.
 * Throws mentioning "empty" for no samples and "sample" for a value that is not finite or is negative.
 */
export function latencyRequests(batch: LatencyBatch): PutMetricDataInput[] {
  return todo("aws-cloudwatch-alarm");
}

/** Sends latencyRequests(batch) one after another with the client; resolves to the number of requests sent. */
export function publishLatencies(client: CloudWatchClient, batch: LatencyBatch): Promise<number> {
  return todo("aws-cloudwatch-alarm");
}

export interface P95AlarmSpec {
  alarmName: string;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  /** Alarm when p95 is ABOVE this many milliseconds. */
  thresholdMs: number;
  /** Seconds per evaluated data point: 10, 30, or a multiple of 60. @default 60 */
  periodSeconds?: number;
  /** How many recent periods are looked at (N). @default 5 */
  evaluationPeriods?: number;
  /** How many of those must breach to alarm (M of N); 1 <= M <= N. @default evaluationPeriods */
  datapointsToAlarm?: number;
  /** What a period without data counts as. @default "notBreaching" */
  treatMissingData?: "breaching" | "notBreaching" | "ignore" | "missing";
  /** SNS topic ARNs notified when the alarm fires. @default [] */
  alarmActions?: string[];
}

/**
 * The PutMetricAlarm request: the metric (namespace, name, dimensions), ExtendedStatistic "p95" (and NO Statistic:
 * the API takes one or the other), Period, EvaluationPeriods, DatapointsToAlarm, Threshold,
 * ComparisonOperator "GreaterThanThreshold", TreatMissingData, Unit "Milliseconds", ActionsEnabled true and the
 * AlarmActions. Throws mentioning "period" (not 10, 30 or a multiple of 60), "evaluation" (N < 1 or not whole),
 * "datapoints" (M outside 1..N), "threshold" (not finite or negative) or "missing" (an unknown treatMissingData).
 */
export function p95AlarmRequest(spec: P95AlarmSpec): PutMetricAlarmInput {
  return todo("aws-cloudwatch-alarm");
}
