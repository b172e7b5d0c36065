/**
 * autocannon, the load generator of the capstone's load test and benchmark, behind one typed function.
 *
 *   const r = await runLoad({ url, path: "/predict", bodies, connections: 10, seconds: 10, rate: 500 });
 *   console.log(describeLoad(r));   // "5,000 requests in 10.0 s = 500 req/s; p50 0.61 ms, p99 2.3 ms, max 9.8 ms ..."
 *
 * Two choices, and why:
 * - Latency percentiles are computed HERE from every response's own time (process.hrtime, microsecond precision),
 *   not from autocannon's summary. Its histogram keeps whole milliseconds (a 0.4 ms p50 reads "0" or "1"), and at a
 *   fixed rate it "corrects" for coordinated omission with an expected interval of 1 ms whatever the real interval is,
 *   which invents samples. Raw times are the honest number for a service that answers in well under a millisecond.
 * - Requests cycle through `bodies` (e.g. one per dataset row), so the trees see real, varied inputs.
 *
 * autocannon's `overallRate` is a budget per second: each connection sends its share back to back, then waits for the
 * next second. With few connections that is a short burst each second; latencies are measured inside those bursts.
 */
import { createRequire } from "node:module";

/** The part of autocannon's API used here (it ships no TypeScript types). */
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { sent: number; total: number };
  latency: { p99: number; max: number };
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): this;
  on(event: "reqError", listener: (error: Error) => void): this;
  stop(): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface LoadOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 */
  url: string;
  path: string;
  /** Request bodies, sent in turn by every connection (JSON). */
  bodies: readonly string[];
  connections: number;
  seconds: number;
  /** Requests per second over all connections; undefined = as fast as the server answers (closed loop). */
  rate?: number;
  /** Per-request time-out in seconds (autocannon's default is 10). */
  timeoutSeconds?: number;
  /** Extra headers. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  seconds: number;
  /** Responses received (any status). */
  responses: number;
  /** 2xx responses per second over the whole run. */
  okPerSecond: number;
  /** Connection errors and time-outs (no response at all). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Milliseconds, from every 2xx response's own timing. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** autocannon's own p99 (whole ms, coordinated-omission corrected at a fixed rate), for reference. */
  autocannonP99: number;
  /** Every 2xx response's time in ms, sorted ascending (to merge runs: see mergeLatencies). */
  latencies: Float64Array;
  /** The first connection errors, for the report. */
  errorSamples: string[];
}

/** The q-quantile (0..1) of sorted values, by the nearest-rank method. */
export function quantile(sorted: Float64Array | number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const headers = { "content-type": "application/json", ...options.headers };
  const requests = options.bodies.map((body) => ({ method: "POST", path: options.path, headers, body }));
  const times: number[] = [];
  const errorSamples: string[] = [];
  const instance = autocannon({
    url: options.url,
    requests,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  instance.on("reqError", (error) => {
    if (errorSamples.length < 5) errorSamples.push(error.message);
  });
  const result = await instance;
  const sorted = Float64Array.from(times).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  const responses = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    seconds: result.duration,
    responses,
    okPerSecond: sorted.length / result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    autocannonP99: result.latency.p99,
    latencies: sorted,
    errorSamples,
  };
}

/** p50 / p90 / p99 / max / mean over the responses of several runs together. */
export function mergeLatencies(runs: readonly LoadResult[]): Pick<LoadResult, "p50" | "p90" | "p99" | "max" | "mean"> {
  const all = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const r of runs) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  all.sort();
  return {
    p50: quantile(all, 0.5),
    p90: quantile(all, 0.9),
    p99: quantile(all, 0.99),
    max: all.length ? all[all.length - 1] : Number.NaN,
    mean: all.reduce((a, b) => a + b, 0) / Math.max(1, all.length),
  };
}

/** "1.23 ms" with sensible precision for sub-millisecond and multi-second values alike. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function describeLoad(r: LoadResult): string {
  const codes = Object.entries(r.statusCodes)
    .map(([code, n]) => `${code}: ${count(n)}`)
    .join(", ");
  return (
    `${count(r.responses)} responses in ${r.seconds.toFixed(1)} s = ${count(r.okPerSecond)} ok/s; ` +
    `latency p50 ${ms(r.p50)}, p90 ${ms(r.p90)}, p99 ${ms(r.p99)}, max ${ms(r.max)}; ` +
    `errors ${r.errors} (time-outs ${r.timeouts}), non-2xx ${r.non2xx} [${codes || "no responses"}]`
  );
}
