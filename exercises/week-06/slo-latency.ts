// Week 6 · Latency and errors against an SLO, from two scrapes of the API's /metrics.
// Read the "Monitoring: drift, latency and failures" section of notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade slo-latency`; stuck? `npm run hint slo-latency`.
//
// A service level objective (SLO) such as "95% of /predict requests answer within 100 ms, and at most 1% fail"
// is checked on a WINDOW: what happened between two scrapes, not since the process started. That is what
// PromQL's increase() and histogram_quantile() do; here you write both, on the text prom-client serves at /metrics
// (the capstone exposes http_request_duration_seconds{method,route,status_code}).
// Format: https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format
import { todo } from "../../src/grader/todo";

/** One line of the exposition format: `name{label="value",...} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Parses Prometheus text: skips blank lines and lines starting with #; reads `name`, the optional `{...}` labels
 * (label values are in double quotes, with \\ for a backslash, \" for a quote and \n for a newline), and the value,
 * which may be +Inf, -Inf or NaN. An optional timestamp after the value is ignored.
 * Throws an Error mentioning "line" (and the line) for a line it cannot read.
 */
export function parseMetrics(text: string): Sample[] {
  return todo("slo-latency");
}

/** One cumulative bucket: `count` observations were <= `le` seconds. The last bucket has le = Infinity. */
export interface Bucket {
  le: number;
  count: number;
}

/**
 * The buckets of histogram `name` (the samples called `${name}_bucket`), summed over every series whose labels
 * (without le) pass `match` (default: all), like PromQL's `sum by (le) (...)`. Sorted by le, "+Inf" as Infinity.
 * Throws an Error mentioning "no series" when nothing matches.
 */
export function histogramBuckets(
  samples: Sample[],
  name: string,
  match: (labels: Record<string, string>) => boolean = () => true,
): Bucket[] {
  return todo("slo-latency");
}

/**
 * What happened between two scrapes of the same buckets: after.count - before.count for each le. If any count went
 * DOWN, the process restarted in between (a counter reset: counters start again at 0), so the increase is simply
 * `after` itself. Throws an Error mentioning "le" when the two lists do not have the same bounds.
 */
export function bucketIncrease(before: Bucket[], after: Bucket[]): Bucket[] {
  return todo("slo-latency");
}

/**
 * PromQL's histogram_quantile(q, buckets) for classic histograms:
 *   q < 0 → -Infinity; q > 1 → +Infinity; fewer than 2 buckets, a last bucket that is not +Inf, or no
 *   observations (last count 0) → NaN.
 *   rank = q × total; take the first bucket whose count >= rank;
 *   if it is the +Inf bucket, return the largest finite bound (there is no upper end to interpolate to);
 *   otherwise interpolate linearly inside it, from the previous bound (0 for the first bucket) to its own bound:
 *   start + (end - start) × (rank - countBefore) / (count - countBefore).
 */
export function histogramQuantile(q: number, buckets: Bucket[]): number {
  return todo("slo-latency");
}

export interface SloTarget {
  /** Histogram name, e.g. "http_request_duration_seconds". */
  metric: string;
  /** Only series with this route label (e.g. "/predict"); all series when undefined. */
  route?: string;
  /** The latency quantile the SLO is about, e.g. 0.95. */
  quantile: number;
  /** The latency objective in seconds, e.g. 0.1. */
  latencySeconds: number;
  /** The largest acceptable share of failed requests, e.g. 0.01. */
  maxErrorRate: number;
}

export interface SloReport {
  /** Requests in the window (the increase of the +Inf bucket). */
  requests: number;
  /** Of those, answered with a 5xx status_code (a 4xx is the client's mistake, not the service failing). */
  errors: number;
  /** errors / requests, 0 when there were no requests. */
  errorRate: number;
  /** histogramQuantile(quantile, buckets increase) in seconds; NaN when there were no requests. */
  latency: number;
  /** latency <= latencySeconds (false when latency is NaN). */
  latencyOk: boolean;
  /** errorRate <= maxErrorRate. */
  errorRateOk: boolean;
  ok: boolean;
  /** errorRate / maxErrorRate: 1 spends the error budget exactly as fast as the SLO allows, 5 five times faster. */
  burnRate: number;
}

/**
 * Checks the SLO over the window between two /metrics texts: parse both, pick the metric's buckets for the route
 * (and, for errors, only series whose status_code starts with "5"), take the increase, and report.
 */
export function checkSlo(beforeText: string, afterText: string, slo: SloTarget): SloReport {
  return todo("slo-latency");
}
