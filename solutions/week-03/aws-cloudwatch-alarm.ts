// Reference solution for exercises/week-03/aws-cloudwatch-alarm.ts.
import {
  type CloudWatchClient,
  type Dimension,
  type PutMetricAlarmInput,
  PutMetricDataCommand,
  type PutMetricDataInput,
} from "@aws-sdk/client-cloudwatch";

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of an empty list of samples");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least p% of the samples at or below it. Multiply before dividing:
  // (7 / 100) * 100 is 7.000000000000001 in floating point, and its ceiling would be rank 8.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1];
}

export interface LatencyBatch {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  samples: number[];
  timestamp: Date;
}

/** CloudWatch's limit on values per metric in one PutMetricData request. */
const MAX_VALUES_PER_REQUEST = 150;

export function latencyRequests(batch: LatencyBatch): PutMetricDataInput[] {
  if (batch.samples.length === 0) throw new Error("no samples to publish: the batch is empty");
  const counts = new Map<number, number>();
  batch.samples.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) throw new Error(`sample ${i} is ${v}: latencies must be finite and >= 0`);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const distinct = [...counts.keys()].sort((a, b) => a - b);
  const requests: PutMetricDataInput[] = [];
  for (let start = 0; start < distinct.length; start += MAX_VALUES_PER_REQUEST) {
    const values = distinct.slice(start, start + MAX_VALUES_PER_REQUEST);
    requests.push({
      Namespace: batch.namespace,
      MetricData: [
        {
          MetricName: batch.metricName,
          Dimensions: batch.dimensions,
          Timestamp: batch.timestamp,
          Unit: "Milliseconds",
          Values: values,
          Counts: values.map((v) => counts.get(v) ?? 0),
        },
      ],
    });
  }
  return requests;
}

export async function publishLatencies(client: CloudWatchClient, batch: LatencyBatch): Promise<number> {
  const requests = latencyRequests(batch);
  for (const request of requests) await client.send(new PutMetricDataCommand(request));
  return requests.length;
}

export interface P95AlarmSpec {
  alarmName: string;
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  thresholdMs: number;
  periodSeconds?: number;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData?: "breaching" | "notBreaching" | "ignore" | "missing";
  alarmActions?: string[];
}

const MISSING = ["breaching", "notBreaching", "ignore", "missing"];

export function p95AlarmRequest(spec: P95AlarmSpec): PutMetricAlarmInput {
  const period = spec.periodSeconds ?? 60;
  if (!(period === 10 || period === 30 || (Number.isInteger(period) && period > 0 && period % 60 === 0))) {
    throw new Error(`period must be 10, 30 or a multiple of 60 seconds, got ${period}`);
  }
  const n = spec.evaluationPeriods ?? 5;
  if (!Number.isInteger(n) || n < 1) throw new Error(`evaluation periods must be a whole number >= 1, got ${n}`);
  const m = spec.datapointsToAlarm ?? n;
  if (!Number.isInteger(m) || m < 1 || m > n)
    throw new Error(`datapoints to alarm must be between 1 and ${n}, got ${m}`);
  if (!Number.isFinite(spec.thresholdMs) || spec.thresholdMs < 0) {
    throw new Error(`threshold must be a finite number of milliseconds >= 0, got ${spec.thresholdMs}`);
  }
  const treatMissingData = spec.treatMissingData ?? "notBreaching";
  if (!MISSING.includes(treatMissingData)) {
    throw new Error(`treat missing data must be one of ${MISSING.join(", ")}, got ${treatMissingData}`);
  }
  return {
    AlarmName: spec.alarmName,
    Namespace: spec.namespace,
    MetricName: spec.metricName,
    Dimensions: spec.dimensions,
    ExtendedStatistic: "p95",
    Period: period,
    EvaluationPeriods: n,
    DatapointsToAlarm: m,
    Threshold: spec.thresholdMs,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: treatMissingData,
    Unit: "Milliseconds",
    ActionsEnabled: true,
    AlarmActions: spec.alarmActions ?? [],
  };
}
