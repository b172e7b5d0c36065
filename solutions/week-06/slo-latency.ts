// Reference solution for exercises/week-06/slo-latency.ts.
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Bucket {
  le: number;
  count: number;
}

export interface SloTarget {
  metric: string;
  route?: string;
  quantile: number;
  latencySeconds: number;
  maxErrorRate: number;
}

export interface SloReport {
  requests: number;
  errors: number;
  errorRate: number;
  latency: number;
  latencyOk: boolean;
  errorRateOk: boolean;
  ok: boolean;
  burnRate: number;
}

function parseValue(text: string, line: string): number {
  if (text === "+Inf" || text === "Inf") return Number.POSITIVE_INFINITY;
  if (text === "-Inf") return Number.NEGATIVE_INFINITY;
  if (text === "NaN") return Number.NaN;
  const v = Number(text);
  if (text === "" || Number.isNaN(v)) throw new Error(`cannot read the value in line: ${line}`);
  return v;
}

export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
    if (!name) throw new Error(`cannot read the metric name in line: ${line}`);
    let i = name.length;
    const labels: Record<string, string> = {};
    if (line[i] === "{") {
      i++;
      while (line[i] !== "}") {
        const m = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(line.slice(i));
        if (!m) throw new Error(`cannot read the labels in line: ${line}`);
        i += m[0].length;
        let value = "";
        for (;;) {
          if (i >= line.length) throw new Error(`unterminated label value in line: ${line}`);
          const c = line[i];
          if (c === "\\") {
            const next = line[i + 1];
            value += next === "n" ? "\n" : next;
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            value += c;
            i++;
          }
        }
        labels[m[1]] = value;
        if (line[i] === ",") i++;
        if (i >= line.length) throw new Error(`unterminated labels in line: ${line}`);
      }
      i++;
    }
    const rest = line.slice(i).trim().split(/\s+/);
    samples.push({ name, labels, value: parseValue(rest[0] ?? "", line) });
  }
  return samples;
}

export function histogramBuckets(
  samples: Sample[],
  name: string,
  match: (labels: Record<string, string>) => boolean = () => true,
): Bucket[] {
  const byLe = new Map<number, number>();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || s.labels.le === undefined) continue;
    const { le, ...rest } = s.labels;
    if (!match(rest)) continue;
    const bound = le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le);
    byLe.set(bound, (byLe.get(bound) ?? 0) + s.value);
  }
  if (byLe.size === 0) throw new Error(`no series of ${name}_bucket match`);
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }));
}

export function bucketIncrease(before: Bucket[], after: Bucket[]): Bucket[] {
  if (before.length !== after.length || before.some((b, i) => b.le !== after[i].le)) {
    throw new Error("the two scrapes do not have the same bucket bounds (le)");
  }
  const reset = after.some((b, i) => b.count < before[i].count);
  return after.map((b, i) => ({ le: b.le, count: reset ? b.count : b.count - before[i].count }));
}

export function histogramQuantile(q: number, buckets: Bucket[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  if (buckets.length < 2 || buckets[buckets.length - 1].le !== Number.POSITIVE_INFINITY) return Number.NaN;
  const total = buckets[buckets.length - 1].count;
  if (total === 0) return Number.NaN;
  const rank = q * total;
  let b = buckets.findIndex((x) => x.count >= rank);
  if (b < 0) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2].le;
  const start = b === 0 ? 0 : buckets[b - 1].le;
  const before = b === 0 ? 0 : buckets[b - 1].count;
  const inBucket = buckets[b].count - before;
  if (inBucket === 0) return start;
  return start + (buckets[b].le - start) * ((rank - before) / inBucket);
}

/** The increase of the matching buckets between two scrapes; undefined when the window saw no such series. */
function windowBuckets(
  before: Sample[],
  after: Sample[],
  metric: string,
  match: (labels: Record<string, string>) => boolean,
): Bucket[] | undefined {
  const get = (samples: Sample[]) => {
    try {
      return histogramBuckets(samples, metric, match);
    } catch {
      return undefined;
    }
  };
  const a = get(after);
  if (!a) return undefined;
  const b = get(before);
  // A series that did not exist at the first scrape started from 0.
  return b && b.length === a.length ? bucketIncrease(b, a) : a;
}

export function checkSlo(beforeText: string, afterText: string, slo: SloTarget): SloReport {
  const before = parseMetrics(beforeText);
  const after = parseMetrics(afterText);
  const onRoute = (l: Record<string, string>) => slo.route === undefined || l.route === slo.route;
  const all = windowBuckets(before, after, slo.metric, onRoute);
  const failed = windowBuckets(before, after, slo.metric, (l) => onRoute(l) && (l.status_code ?? "").startsWith("5"));
  const requests = all ? all[all.length - 1].count : 0;
  const errors = failed ? failed[failed.length - 1].count : 0;
  const errorRate = requests > 0 ? errors / requests : 0;
  const latency = all && requests > 0 ? histogramQuantile(slo.quantile, all) : Number.NaN;
  const latencyOk = latency <= slo.latencySeconds;
  const errorRateOk = errorRate <= slo.maxErrorRate;
  return {
    requests,
    errors,
    errorRate,
    latency,
    latencyOk,
    errorRateOk,
    ok: latencyOk && errorRateOk,
    burnRate: errorRate / slo.maxErrorRate,
  };
}
