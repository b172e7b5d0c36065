/**
 * Just enough PromQL to draw the Grafana dashboard (capstone/compose/grafana/dashboards/capstone-api.json) without
 * Prometheus or Grafana: screenshots.ts scrapes the live API's /metrics every few seconds, as Prometheus would, and
 * evaluates each panel's OWN query over those scrapes. It knows the subset the dashboard uses and refuses the rest
 * with an error that names it (so a new panel cannot be drawn wrongly without anyone noticing):
 *
 *   selectors       name{label="v", label=~"regex", label!="v", label!~"regex"}
 *   rate(v[range])  per-second increase over the range (first to last sample in it, no extrapolation)
 *   sum / count / min / max / avg, with "by (labels)" or "without (labels)" before or after the argument
 *   histogram_quantile(q, buckets)   Prometheus's linear interpolation inside the bucket
 *   a / b, a * b, a + b, a - b       between vectors with identical label sets, or with a number
 *
 *   const scrapes = [parseScrape(text, seconds, { job: "capstone-api" }), ...];
 *   evaluate('sum by (route) (rate(http_request_duration_seconds_count[10s]))', scrapes, t)  // [{labels, value}]
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}
/** One scrape: every sample of the exposition, at time `t` (seconds). */
export interface Scrape {
  t: number;
  samples: Sample[];
}
export interface Series {
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format -> samples; `extra` labels are added to each (what Prometheus adds: job, instance). */
export function parseScrape(text: string, t: number, extra: Record<string, string> = {}): Scrape {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = { ...extra };
    for (const l of (m[3] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2].replace(/\\(.)/g, "$1");
    const value = m[4] === "+Inf" ? Infinity : m[4] === "-Inf" ? -Infinity : Number(m[4]);
    samples.push({ name: m[1], labels, value });
  }
  return { t, samples };
}

// ---- parsing --------------------------------------------------------------------------------------------------------

type Matcher = { label: string; op: "=" | "!=" | "=~" | "!~"; value: string };
type Node =
  | { type: "number"; value: number }
  | { type: "selector"; name: string; matchers: Matcher[]; range?: number }
  | { type: "call"; fn: "rate" | "histogram_quantile"; args: Node[] }
  | { type: "agg"; op: string; by?: string[]; without?: string[]; arg: Node }
  | { type: "binary"; op: "/" | "*" | "+" | "-"; left: Node; right: Node };

const AGGREGATIONS = ["sum", "count", "min", "max", "avg"];

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(=~|!~|!=|"(?:[^"\\]|\\.)*"|[A-Za-z_:][\w:]*|\d+(?:\.\d+)?(?:[smhd])?|[(){}[\],=/*+-])/y;
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(expr);
    if (!m) throw new Error(`promql-lite: cannot read "${expr.slice(at, at + 20)}" in ${expr}`);
    tokens.push(m[1]);
    at = re.lastIndex;
  }
  return tokens;
}

function durationSeconds(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text);
  if (!m) throw new Error(`promql-lite: "${text}" is not a duration like 30s or 5m`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "s" | "m" | "h" | "d"];
}

export function parse(expr: string): Node {
  const tokens = tokenize(expr);
  let i = 0;
  const peek = () => tokens[i];
  const take = (want?: string) => {
    const t = tokens[i++];
    if (want !== undefined && t !== want) throw new Error(`promql-lite: expected "${want}", got "${t}" in ${expr}`);
    return t;
  };
  const labelList = () => {
    take("(");
    const labels: string[] = [];
    while (peek() !== ")") {
      labels.push(take());
      if (peek() === ",") take(",");
    }
    take(")");
    return labels;
  };
  const binary = (): Node => {
    let left = unary();
    while (["/", "*", "+", "-"].includes(peek())) {
      const op = take() as "/" | "*" | "+" | "-";
      left = { type: "binary", op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    const t = peek();
    if (t === "(") {
      take("(");
      const inner = binary();
      take(")");
      return inner;
    }
    if (/^\d/.test(t)) return { type: "number", value: Number(take()) };
    if (AGGREGATIONS.includes(t)) {
      take();
      const node: Node = { type: "agg", op: t, arg: { type: "number", value: 0 } };
      const modifier = () => {
        if (peek() === "by") {
          take();
          node.by = labelList();
        } else if (peek() === "without") {
          take();
          node.without = labelList();
        }
      };
      modifier();
      take("(");
      node.arg = binary();
      take(")");
      modifier();
      return node;
    }
    if (t === "rate" || t === "histogram_quantile") {
      take();
      take("(");
      const args = [binary()];
      while (peek() === ",") {
        take(",");
        args.push(binary());
      }
      take(")");
      return { type: "call", fn: t, args };
    }
    if (/^[A-Za-z_:]/.test(t)) {
      if (tokens[i + 1] === "(") throw new Error(`promql-lite: unsupported function "${t}" in ${expr}`);
      const name = take();
      const matchers: Matcher[] = [];
      if (peek() === "{") {
        take("{");
        while (peek() !== "}") {
          const label = take();
          const op = take() as Matcher["op"];
          if (!["=", "!=", "=~", "!~"].includes(op)) throw new Error(`promql-lite: bad matcher ${label}${op}`);
          matchers.push({ label, op, value: JSON.parse(take()) as string });
          if (peek() === ",") take(",");
        }
        take("}");
      }
      let range: number | undefined;
      if (peek() === "[") {
        take("[");
        range = durationSeconds(take());
        take("]");
      }
      return { type: "selector", name, matchers, range };
    }
    throw new Error(`promql-lite: unsupported "${t}" in ${expr}`);
  };
  const node = binary();
  if (i !== tokens.length) throw new Error(`promql-lite: unexpected "${tokens[i]}" in ${expr}`);
  return node;
}

// ---- evaluation -----------------------------------------------------------------------------------------------------

const key = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

function matches(s: Sample, name: string, matchers: Matcher[]): boolean {
  if (s.name !== name) return false;
  return matchers.every(({ label, op, value }) => {
    const v = s.labels[label] ?? "";
    if (op === "=") return v === value;
    if (op === "!=") return v !== value;
    const re = new RegExp(`^(?:${value})$`); // PromQL regexes are anchored
    return op === "=~" ? re.test(v) : !re.test(v);
  });
}

type Value = { kind: "number"; value: number } | { kind: "vector"; series: Series[] };

function evalNode(node: Node, scrapes: readonly Scrape[], t: number): Value {
  switch (node.type) {
    case "number":
      return { kind: "number", value: node.value };
    case "selector": {
      if (node.range !== undefined) throw new Error("promql-lite: a range vector is only allowed inside rate()");
      const latest = [...scrapes].reverse().find((s) => s.t <= t);
      const series = (latest?.samples ?? [])
        .filter((s) => matches(s, node.name, node.matchers))
        .map((s) => ({ labels: s.labels, value: s.value }));
      return { kind: "vector", series };
    }
    case "call": {
      if (node.fn === "rate") {
        const sel = node.args[0];
        if (sel?.type !== "selector" || sel.range === undefined)
          throw new Error("promql-lite: rate() needs name[range]");
        const window = scrapes.filter((s) => s.t > t - sel.range! && s.t <= t);
        const bySeries = new Map<string, { labels: Record<string, string>; points: [number, number][] }>();
        for (const scrape of window) {
          for (const s of scrape.samples) {
            if (!matches(s, sel.name, sel.matchers)) continue;
            const k = key(s.labels);
            const entry = bySeries.get(k) ?? { labels: s.labels, points: [] };
            entry.points.push([scrape.t, s.value]);
            bySeries.set(k, entry);
          }
        }
        const series: Series[] = [];
        for (const { labels, points } of bySeries.values()) {
          if (points.length < 2) continue;
          const [t0, v0] = points[0];
          const [t1, v1] = points[points.length - 1];
          series.push({ labels, value: Math.max(0, v1 - v0) / (t1 - t0) }); // counters only grow here (no restarts)
        }
        return { kind: "vector", series };
      }
      const q = evalNode(node.args[0], scrapes, t);
      const buckets = evalNode(node.args[1], scrapes, t);
      if (q.kind !== "number" || buckets.kind !== "vector") throw new Error("promql-lite: histogram_quantile(q, v)");
      return { kind: "vector", series: histogramQuantile(q.value, buckets.series) };
    }
    case "agg": {
      const arg = evalNode(node.arg, scrapes, t);
      if (arg.kind !== "vector") throw new Error(`promql-lite: ${node.op}() needs a vector`);
      const groups = new Map<string, { labels: Record<string, string>; values: number[] }>();
      for (const s of arg.series) {
        const labels = node.by
          ? Object.fromEntries(node.by.filter((l) => l in s.labels).map((l) => [l, s.labels[l]]))
          : node.without
            ? Object.fromEntries(Object.entries(s.labels).filter(([l]) => !node.without!.includes(l)))
            : {};
        const k = key(labels);
        const g = groups.get(k) ?? { labels, values: [] };
        g.values.push(s.value);
        groups.set(k, g);
      }
      const reduce = (vs: number[]) => {
        if (node.op === "sum") return vs.reduce((a, b) => a + b, 0);
        if (node.op === "count") return vs.length;
        if (node.op === "min") return Math.min(...vs);
        if (node.op === "max") return Math.max(...vs);
        return vs.reduce((a, b) => a + b, 0) / vs.length;
      };
      return {
        kind: "vector",
        series: [...groups.values()].map((g) => ({ labels: g.labels, value: reduce(g.values) })),
      };
    }
    case "binary": {
      const left = evalNode(node.left, scrapes, t);
      const right = evalNode(node.right, scrapes, t);
      const apply = (a: number, b: number) =>
        node.op === "/" ? a / b : node.op === "*" ? a * b : node.op === "+" ? a + b : a - b;
      if (left.kind === "number" && right.kind === "number")
        return { kind: "number", value: apply(left.value, right.value) };
      if (left.kind === "vector" && right.kind === "number") {
        return {
          kind: "vector",
          series: left.series.map((s) => ({ labels: s.labels, value: apply(s.value, right.value) })),
        };
      }
      if (left.kind === "number" && right.kind === "vector") {
        return {
          kind: "vector",
          series: right.series.map((s) => ({ labels: s.labels, value: apply(left.value, s.value) })),
        };
      }
      if (left.kind !== "vector" || right.kind !== "vector") throw new Error("unreachable");
      // One-to-one matching on identical label sets.
      const rightByKey = new Map(right.series.map((s) => [key(s.labels), s.value]));
      const series: Series[] = [];
      for (const s of left.series) {
        const other = rightByKey.get(key(s.labels));
        if (other !== undefined) series.push({ labels: s.labels, value: apply(s.value, other) });
      }
      return { kind: "vector", series };
    }
  }
}

/** Prometheus's histogram_quantile: find the bucket holding rank q * total, interpolate linearly inside it. */
function histogramQuantile(q: number, buckets: Series[]): Series[] {
  const groups = new Map<string, { labels: Record<string, string>; points: [number, number][] }>();
  for (const b of buckets) {
    const { le, ...rest } = b.labels;
    if (le === undefined) continue;
    const k = key(rest);
    const g = groups.get(k) ?? { labels: rest, points: [] };
    g.points.push([le === "+Inf" ? Infinity : Number(le), b.value]);
    groups.set(k, g);
  }
  const out: Series[] = [];
  for (const { labels, points } of groups.values()) {
    points.sort((a, b) => a[0] - b[0]);
    const total = points[points.length - 1]?.[1] ?? 0;
    if (points.length < 2 || points[points.length - 1][0] !== Infinity || total === 0) {
      out.push({ labels, value: Number.NaN });
      continue;
    }
    const rank = q * total;
    const i = points.findIndex(([, count]) => count >= rank);
    if (points[i][0] === Infinity) {
      out.push({ labels, value: points[points.length - 2][0] }); // in the +Inf bucket: the highest finite bound
      continue;
    }
    const [upper, countUpper] = points[i];
    const [lower, countLower] = i === 0 ? [0, 0] : points[i - 1];
    const inBucket = countUpper - countLower;
    out.push({ labels, value: inBucket > 0 ? lower + ((upper - lower) * (rank - countLower)) / inBucket : upper });
  }
  return out;
}

/** Evaluates `expr` at time `t` over the scrapes; a plain number comes back as one series without labels. */
export function evaluate(expr: string, scrapes: readonly Scrape[], t: number): Series[] {
  const value = evalNode(parse(expr), scrapes, t);
  return value.kind === "number" ? [{ labels: {}, value: value.value }] : value.series;
}

/** Grafana's legendFormat: "{{route}} {{status_code}}" -> "/predict 200". */
export function legend(format: string | undefined, labels: Record<string, string>): string {
  if (!format) return JSON.stringify(labels);
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? "");
}
