/**
 * A real Prometheus (Debian's `prometheus` package, `apt-get install prometheus`) on a free loopback port, loaded with
 * the capstone's own compose config (capstone/compose/prometheus/prometheus.yml and its alert rules), the scrape
 * target rewritten from the compose service `api:8080` to the local API. screenshots.ts draws the dashboard from its
 * answers, so the picture shows what Prometheus computes (rate()'s extrapolation, histogram_quantile's
 * interpolation), not an imitation.
 *
 *   const prom = await startPrometheus(api.port);        // { url, stop(), scrapeIntervalS }
 *   const series = await queryRange(prom.url, expr, startS, endS, stepS);
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { parseDuration } from "../../src/infra/prometheus/duration";
import { freePort } from "../../src/workspace/local-service";
import { type RunningServer, root, scratchDir, startLogged } from "./local-capstone";

const COMPOSE_CONFIG = join(root, "capstone", "compose", "prometheus", "prometheus.yml");
const RULES = join(root, "capstone", "compose", "prometheus", "rules");

export interface LocalPrometheus extends RunningServer {
  /** The compose config's global scrape_interval, in seconds. */
  scrapeIntervalS: number;
}

/** The compose prometheus.yml with its scrape target pointed at `apiPort` and its rule files read from the repo. */
export function localConfig(apiPort: number): { text: string; scrapeIntervalS: number } {
  const config = parse(readFileSync(COMPOSE_CONFIG, "utf8"));
  for (const job of config.scrape_configs) {
    for (const sc of job.static_configs ?? []) {
      sc.targets = sc.targets.map((t: string) => (t === "api:8080" ? `127.0.0.1:${apiPort}` : t));
    }
  }
  config.rule_files = (config.rule_files ?? []).map((f: string) => f.replace("/etc/prometheus/rules", RULES));
  const scrapeIntervalS = (parseDuration(config.global.scrape_interval) ?? 60_000) / 1000;
  return { text: stringify(config), scrapeIntervalS };
}

export async function startPrometheus(apiPort: number): Promise<LocalPrometheus> {
  if (spawnSync("prometheus", ["--version"], { stdio: "ignore" }).error) {
    throw new Error("prometheus is not on PATH: on Debian/Ubuntu, apt-get install prometheus (CI installs it).");
  }
  const dir = scratchDir("prometheus");
  const { text, scrapeIntervalS } = localConfig(apiPort);
  const configFile = join(dir, "prometheus.yml");
  writeFileSync(configFile, text);
  mkdirSync(join(dir, "data"));
  const port = await freePort();
  const server = await startLogged({
    name: "Prometheus",
    command: "prometheus",
    args: [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    readyPath: "/-/ready",
    logFile: join(dir, "prometheus.log"),
    port,
  });
  return { ...server, scrapeIntervalS };
}

/** One series of a range query: its labels and its [unix seconds, value] points. */
export interface RangeSeries {
  metric: Record<string, string>;
  values: [number, number][];
}

async function api<T>(url: string): Promise<T> {
  const body = (await (await fetch(url)).json()) as { status: string; data: T; errorType?: string; error?: string };
  if (body.status !== "success") throw new Error(`Prometheus refused ${url}: ${body.errorType}: ${body.error}`);
  return body.data;
}

/** GET /api/v1/query_range: Prometheus's own evaluation of `expr` every `step` seconds. Throws on a query error. */
export async function queryRange(url: string, expr: string, start: number, end: number, step: number) {
  const q = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
  const data = await api<{
    resultType: string;
    result: { metric: Record<string, string>; values: [number, string][] }[];
  }>(`${url}/api/v1/query_range?${q}`);
  return data.result.map((r): RangeSeries => ({ metric: r.metric, values: r.values.map(([t, v]) => [t, Number(v)]) }));
}

/** The targets Prometheus scrapes and their health, from GET /api/v1/targets. */
export async function targetHealth(url: string): Promise<{ scrapeUrl: string; health: string; lastError: string }[]> {
  const data = await api<{ activeTargets: { scrapeUrl: string; health: string; lastError: string }[] }>(
    `${url}/api/v1/targets`,
  );
  return data.activeTargets;
}

/** Grafana's legendFormat: "{{route}} {{status_code}}" -> "/predict 200". */
export function legend(format: string | undefined, labels: Record<string, string>): string {
  if (!format) return JSON.stringify(labels);
  return format.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => labels[name] ?? "");
}
