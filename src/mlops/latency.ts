/**
 * The latency panel: what a Grafana dashboard shows for an API, computed from two scrapes of its /metrics.
 * For a window between two scrapes: requests, 5xx errors, and p50/p95/p99 estimated from the latency histogram's
 * bucket increases exactly as PromQL's histogram_quantile(q, sum by (le) (increase(..._bucket[window]))) does.
 *
 * The week-6 exercise `slo-latency` has the learner write these same steps; this is the library's copy, used by
 * the notebook's monitoring scenario.
 */
import { colorAt } from "../plot/colors";
import { axis, baseLayout } from "../plot/layout";
import type { Figure } from "../plot/types";

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface PromBucket {
  le: number;
  count: number;
}

/** Prometheus text exposition → samples (comments skipped; label values unescaped). */
export function parsePrometheusText(text: string): PromSample[] {
  const out: PromSample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`cannot parse metrics line: ${line}`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
      for (const l of m[2].matchAll(re)) {
        labels[l[1]] = l[2].replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      }
    }
    const v = m[3];
    const value = v === "+Inf" ? Number.POSITIVE_INFINITY : v === "-Inf" ? Number.NEGATIVE_INFINITY : Number(v);
    out.push({ name: m[1], labels, value });
  }
  return out;
}

/** sum by (le) of `${metric}_bucket` over the series whose other labels pass `match`; undefined if none. */
export function sumBuckets(
  samples: PromSample[],
  metric: string,
  match: (labels: Record<string, string>) => boolean,
): PromBucket[] | undefined {
  const byLe = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${metric}_bucket`) continue;
    const { le, ...rest } = s.labels;
    if (le === undefined || !match(rest)) continue;
    const bound = le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le);
    byLe.set(bound, (byLe.get(bound) ?? 0) + s.value);
  }
  if (byLe.size === 0) return undefined;
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}

/** after - before per bucket; a decrease means the process restarted, and then `after` is the increase. */
export function bucketsIncrease(before: PromBucket[] | undefined, after: PromBucket[]): PromBucket[] {
  if (!before || before.length !== after.length) return after;
  const reset = after.some((b, i) => b.count < before[i].count);
  return after.map((b, i) => ({ le: b.le, count: reset ? b.count : b.count - before[i].count }));
}

/** PromQL's histogram_quantile for classic (cumulative, +Inf-terminated) buckets. */
export function promHistogramQuantile(q: number, buckets: readonly PromBucket[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const n = buckets.length;
  if (n < 2 || buckets[n - 1].le !== Number.POSITIVE_INFINITY) return Number.NaN;
  const total = buckets[n - 1].count;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let b = buckets.findIndex((x) => x.count >= rank);
  if (b < 0) b = n - 1;
  if (b === n - 1) return buckets[n - 2].le;
  const start = b === 0 ? 0 : buckets[b - 1].le;
  const before = b === 0 ? 0 : buckets[b - 1].count;
  const inBucket = buckets[b].count - before;
  return inBucket === 0 ? start : start + (buckets[b].le - start) * ((rank - before) / inBucket);
}

export interface LatencyWindow {
  requests: number;
  errors: number;
  errorRate: number;
  /** Seconds; NaN when the window had no requests. */
  p50: number;
  p95: number;
  p99: number;
}

export interface WindowOptions {
  /** Default "http_request_duration_seconds" (the capstone's). */
  metric?: string;
  /** Only this route label, e.g. "/predict". */
  route?: string;
  /** The label holding the status code. Default "status_code". */
  statusLabel?: string;
}

/** The window between two /metrics texts. */
export function latencyWindow(beforeText: string, afterText: string, o: WindowOptions = {}): LatencyWindow {
  const metric = o.metric ?? "http_request_duration_seconds";
  const status = o.statusLabel ?? "status_code";
  const onRoute = (l: Record<string, string>) => o.route === undefined || l.route === o.route;
  const isError = (l: Record<string, string>) => onRoute(l) && (l[status] ?? "").startsWith("5");
  const before = parsePrometheusText(beforeText);
  const after = parsePrometheusText(afterText);
  const window = (match: (l: Record<string, string>) => boolean) => {
    const a = sumBuckets(after, metric, match);
    return a ? bucketsIncrease(sumBuckets(before, metric, match), a) : undefined;
  };
  const all = window(onRoute);
  const failed = window(isError);
  const requests = all ? all[all.length - 1].count : 0;
  const errors = failed ? failed[failed.length - 1].count : 0;
  const q = (p: number) => (all && requests > 0 ? promHistogramQuantile(p, all) : Number.NaN);
  return { requests, errors, errorRate: requests ? errors / requests : 0, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/**
 * The panel: p50/p95/p99 per window in milliseconds (lines) against the latency objective (dashed), and the error
 * rate per window (bars, right axis) against its objective.
 */
export function latencyPanel(
  windows: readonly (LatencyWindow & { label: string })[],
  slo: { latencySeconds: number; maxErrorRate: number; quantile?: string },
): Figure {
  const x = windows.map((w) => w.label);
  const ms = (v: number) => (Number.isNaN(v) ? null : v * 1000);
  const layout = baseLayout({
    title: `Latency (left, ms) and error rate (right) per window; objective ${slo.quantile ?? "p95"} ≤ ${slo.latencySeconds * 1000} ms, errors ≤ ${(slo.maxErrorRate * 100).toFixed(1)}%`,
  });
  layout.xaxis = axis("window", { type: "category" });
  layout.yaxis = axis("latency (ms)", { rangemode: "tozero" });
  layout.yaxis2 = axis("error rate", {
    overlaying: "y",
    side: "right",
    tickformat: ".1%",
    rangemode: "tozero",
    showgrid: false,
  });
  return {
    data: [
      {
        type: "bar",
        name: "error rate",
        x,
        y: windows.map((w) => w.errorRate),
        yaxis: "y2",
        marker: { color: "rgba(207,34,46,0.35)" },
      },
      ...(["p50", "p95", "p99"] as const).map((k, i) => ({
        type: "scatter" as const,
        mode: "lines+markers" as const,
        name: k,
        x,
        y: windows.map((w) => ms(w[k])),
        line: { color: colorAt(i), width: 2.5 },
      })),
      {
        type: "scatter",
        mode: "lines",
        name: `latency objective (${slo.latencySeconds * 1000} ms)`,
        x,
        y: windows.map(() => slo.latencySeconds * 1000),
        line: { color: "#cf222e", dash: "dash", width: 2 },
      },
      {
        type: "scatter",
        mode: "lines",
        name: `error objective (${(slo.maxErrorRate * 100).toFixed(1)}%)`,
        x,
        y: windows.map(() => slo.maxErrorRate),
        yaxis: "y2",
        line: { color: "#bf8700", dash: "dot", width: 2 },
      },
    ],
    layout,
  };
}
