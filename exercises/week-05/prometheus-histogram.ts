// Week 5 · A request-latency histogram in Prometheus's text format, and a p95 read back from its buckets.
// Read the "Prometheus and Grafana" and "A latency histogram" sections of
// notebooks/week-05-scaling-and-monitoring.ipynb first.
// Grade it with `npm run grade prometheus-histogram`; stuck? `npm run hint prometheus-histogram`.
//
// The format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
// The quantile estimate: PromQL's histogram_quantile, https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile
import { todo } from "../../src/grader/todo";

/** What `new Histogram({ name, help, buckets, labelNames })` from prom-client is given. */
export interface HistogramSpec {
  /** Metric name, matching [a-zA-Z_:][a-zA-Z0-9_:]* (e.g. "http_request_duration_seconds"). */
  name: string;
  /** One-line description for the `# HELP` line. */
  help: string;
  /** The finite upper bounds, strictly increasing (e.g. [0.05, 0.1, 0.25, 0.5, 1]); "+Inf" is implied. */
  buckets: number[];
  /** The label names observations may use (e.g. ["method", "route"]). Default: none. */
  labelNames?: string[];
}

/** One observed value (e.g. a request's latency in seconds), with its labels. */
export interface Observation {
  value: number;
  labels?: Record<string, string>;
}

/** One cumulative bucket: how many observations were ≤ le. The last bucket has le = Infinity. */
export interface Bucket {
  le: number;
  count: number;
}

/**
 * Cumulative bucket counts of `values` for the upper `bounds`, plus a final { le: Infinity } bucket that counts
 * every value. A value equal to a bound counts in that bucket ("le" means less than or equal).
 * Throws an Error mentioning "bucket" when bounds is empty, not strictly increasing or not finite, and "finite"
 * when a value is NaN or infinite.
 */
export function bucketCounts(values: number[], bounds: number[]): Bucket[] {
  return todo("prometheus-histogram");
}

/**
 * The histogram in the Prometheus text exposition format, as prom-client's `registry.metrics()` renders it:
 *
 *   # HELP <name> <help, with \ written as \\ and a newline as \n>
 *   # TYPE <name> histogram
 *   <name>_bucket{le="0.05",method="GET"} 3       one line per bound, then le="+Inf"; counts are cumulative
 *   ...
 *   <name>_sum{method="GET"} 0.42                 the sum of the observed values
 *   <name>_count{method="GET"} 5                  how many values (equals the +Inf bucket)
 *
 * One such block of _bucket/_sum/_count lines per distinct label set (the order of the keys in `labels` does not
 * make a new set); label values are escaped: \ → \\, " → \", newline → \n. Numbers are written with String(x),
 * and the bound Infinity as +Inf. A histogram without labelNames always has its one series, at zero before any
 * observation; with labelNames, a label set appears only once it has been observed.
 * Throws an Error mentioning "name" for an invalid metric or label name, "le" when labelNames includes "le"
 * (reserved for the buckets), "label" for an observation with a label not in labelNames, and "bucket" for bad bounds.
 */
export function renderHistogram(spec: HistogramSpec, observations: Observation[]): string {
  return todo("prometheus-histogram");
}

/**
 * The q-quantile estimated from cumulative buckets exactly as PromQL's histogram_quantile does: find the first
 * bucket whose count reaches rank = q × total, and interpolate linearly between that bucket's lower bound (the
 * previous bound, or 0 for the first bucket) and its upper bound. If the rank falls in the +Inf bucket, answer the
 * largest finite bound. With no observations (total 0), return NaN.
 * Throws an Error when q is outside [0, 1], when there are fewer than 2 buckets, when the last bucket is not
 * le = Infinity ("Inf"), or when the counts decrease ("cumulative").
 */
export function quantileFromBuckets(q: number, buckets: Bucket[]): number {
  return todo("prometheus-histogram");
}

/** The 95th percentile: quantileFromBuckets(0.95, buckets). */
export function p95FromBuckets(buckets: Bucket[]): number {
  return todo("prometheus-histogram");
}
