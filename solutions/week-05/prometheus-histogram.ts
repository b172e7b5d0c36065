// Reference solution for exercises/week-05/prometheus-histogram.ts.

export interface HistogramSpec {
  name: string;
  help: string;
  buckets: number[];
  labelNames?: string[];
}

export interface Observation {
  value: number;
  labels?: Record<string, string>;
}

export interface Bucket {
  le: number;
  count: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkBounds(bounds: number[]): void {
  if (bounds.length === 0) throw new Error("a histogram needs at least one bucket bound");
  for (let i = 0; i < bounds.length; i++) {
    if (!Number.isFinite(bounds[i]))
      throw new Error(`bucket bound ${bounds[i]} must be finite (+Inf is added for you)`);
    if (i > 0 && bounds[i] <= bounds[i - 1]) throw new Error("bucket bounds must be strictly increasing");
  }
}

export function bucketCounts(values: number[], bounds: number[]): Bucket[] {
  checkBounds(bounds);
  const buckets: Bucket[] = [...bounds, Number.POSITIVE_INFINITY].map((le) => ({ le, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`observed value must be finite, got ${v}`);
    // Cumulative: a value counts in every bucket whose upper bound it does not exceed (le means ≤).
    for (const b of buckets) if (v <= b.le) b.count++;
  }
  return buckets;
}

export const escapeHelp = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
export const escapeLabelValue = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

const formatLe = (le: number) => (le === Number.POSITIVE_INFINITY ? "+Inf" : String(le));

function labelText(pairs: [string, string][]): string {
  return pairs.length === 0 ? "" : `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(",")}}`;
}

export function renderHistogram(spec: HistogramSpec, observations: Observation[]): string {
  const { name, help, buckets: bounds } = spec;
  const labelNames = spec.labelNames ?? [];
  if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name "${name}"`);
  for (const l of labelNames) {
    if (!LABEL_NAME.test(l) || l.startsWith("__")) throw new Error(`invalid label name "${l}"`);
    if (l === "le") throw new Error('"le" is reserved for the bucket bound in a histogram');
  }
  checkBounds(bounds);

  // One series per distinct label set, in order of first appearance; the key ignores the order of the keys.
  const series = new Map<string, { labels: [string, string][]; values: number[] }>();
  if (labelNames.length === 0) series.set("[]", { labels: [], values: [] }); // exists (at zero) from the start
  for (const o of observations) {
    const labels = Object.entries(o.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k] of labels) if (!labelNames.includes(k)) throw new Error(`unknown label "${k}"`);
    const key = JSON.stringify(labels);
    let s = series.get(key);
    if (!s) {
      s = { labels, values: [] };
      series.set(key, s);
    }
    s.values.push(o.value);
  }

  const lines = [`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} histogram`];
  for (const { labels, values } of series.values()) {
    for (const b of bucketCounts(values, bounds)) {
      lines.push(`${name}_bucket${labelText([["le", formatLe(b.le)], ...labels])} ${b.count}`);
    }
    lines.push(`${name}_sum${labelText(labels)} ${values.reduce((acc, v) => acc + v, 0)}`);
    lines.push(`${name}_count${labelText(labels)} ${values.length}`);
  }
  return `${lines.join("\n")}\n`;
}

export function quantileFromBuckets(q: number, buckets: Bucket[]): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile must be in [0, 1], got ${q}`);
  if (buckets.length < 2) throw new Error("need at least one finite bucket and the +Inf bucket");
  if (buckets[buckets.length - 1].le !== Number.POSITIVE_INFINITY) throw new Error("the last bucket must be le=+Inf");
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].le <= buckets[i - 1].le) throw new Error("bucket bounds must be strictly increasing");
    if (buckets[i].count < buckets[i - 1].count) throw new Error("bucket counts must be cumulative (never decrease)");
  }
  const total = buckets[buckets.length - 1].count;
  if (total === 0) return Number.NaN; // no observations: PromQL returns NaN too
  let rank = q * total;
  const b = buckets.findIndex((bucket) => bucket.count >= rank);
  // In the +Inf bucket there is no upper edge to interpolate to: answer the largest finite bound.
  if (b === buckets.length - 1) return buckets[buckets.length - 2].le;
  if (b === 0 && buckets[0].le <= 0) return buckets[0].le;
  let start = 0;
  let count = buckets[b].count;
  if (b > 0) {
    start = buckets[b - 1].le;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return start + (buckets[b].le - start) * (rank / count);
}

export function p95FromBuckets(buckets: Bucket[]): number {
  return quantileFromBuckets(0.95, buckets);
}
