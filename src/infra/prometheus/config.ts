// A prometheus.yml checker, following the configuration reference (prometheus.io/docs/prometheus/latest/
// configuration/configuration/): Prometheus loads its file strictly, so an unknown key, a duration without a unit or
// a relabel step without its target_label stops it from starting (or, on reload, keeps the old config running while
// you think the new one is live). Every problem becomes a finding with a rule id, a line and a fix; nothing throws.
// On top of what Prometheus checks, PROM010/PROM011/PROM013/PROM014 catch configs that load fine and scrape nothing.
import { LineCounter, parseDocument } from "yaml";
import { countBySeverity, type Finding, formatReport, type Severity } from "../findings";
import { type Checker, isRaw, makeChecker, ms, stringMap } from "./check-context";
import { GLOBAL_KEYS, TOP_KEYS } from "./config-keys";
import type { KubernetesRole } from "./kubernetes-sd";
import type { Labels, RelabelConfig } from "./relabel";
import { FIXES } from "./rules";
import { checkScrapeJob } from "./scrape-job";

export { PROM_RULES, type PromRuleInfo } from "./rules";

export interface KubernetesSdConfig {
  role: KubernetesRole;
  namespaces?: { names?: string[]; own_namespace?: boolean };
}

/** One scrape job with every default filled in (what Prometheus would actually run). */
export interface ScrapeJob {
  job_name: string;
  scrape_interval: string;
  scrape_timeout: string;
  metrics_path: string;
  scheme: string;
  honor_labels: boolean;
  params: Record<string, string[]>;
  static_configs: { targets: string[]; labels: Labels }[];
  kubernetes_sd_configs: KubernetesSdConfig[];
  relabel_configs: RelabelConfig[];
  metric_relabel_configs: RelabelConfig[];
  /** 1-based line of the job in the file. */
  line: number;
}

export interface PrometheusConfig {
  global: { scrape_interval: string; scrape_timeout: string; evaluation_interval: string; external_labels: Labels };
  scrape_configs: ScrapeJob[];
}

export interface PromCheckResult {
  /** The config with defaults filled in; null when the file is not even a YAML mapping. */
  config: PrometheusConfig | null;
  findings: Finding[];
}

/** The global section with its defaults; PROM002 for unknown keys, PROM003/PROM005 for its durations. */
function checkGlobal(c: Checker, root: Record<string, unknown>): PrometheusConfig["global"] {
  const g = root.global === undefined || root.global === null ? {} : root.global;
  if (!isRaw(g)) c.add("PROM002", ["global"], "global must be a mapping");
  const graw = isRaw(g) ? g : {};
  for (const k of Object.keys(graw))
    if (!GLOBAL_KEYS.has(k)) c.add("PROM002", ["global", k], `unknown global field "${k}"`);
  const global = {
    scrape_interval: c.duration(["global", "scrape_interval"], graw.scrape_interval, "1m"),
    scrape_timeout: c.duration(["global", "scrape_timeout"], graw.scrape_timeout, "10s"),
    evaluation_interval: c.duration(["global", "evaluation_interval"], graw.evaluation_interval, "1m"),
    external_labels: stringMap(graw.external_labels),
  };
  if (graw.scrape_timeout !== undefined && ms(global.scrape_timeout) > ms(global.scrape_interval)) {
    c.add("PROM005", ["global", "scrape_timeout"], "global scrape_timeout is greater than global scrape_interval");
  }
  return global;
}

/** Check prometheus.yml text. Never throws: every problem is a finding. */
export function checkPrometheusConfig(text: string, file = "prometheus.yml"): PromCheckResult {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const findings = doc.errors.map(
      (e): Finding => ({
        rule: "PROM001",
        severity: "error",
        file,
        line: e.linePos?.[0]?.line ?? 1,
        message: `YAML ${e.code}: ${e.message.split("\n")[0]}`,
        fix: FIXES.PROM001,
      }),
    );
    return { config: null, findings };
  }
  const c = makeChecker(doc, lc, file);
  const root = doc.toJS() as unknown;
  if (!isRaw(root)) {
    c.add("PROM001", [], "the file is empty or not a mapping of settings");
    return { config: null, findings: c.findings };
  }
  for (const k of Object.keys(root)) if (!TOP_KEYS.has(k)) c.add("PROM002", [k], `unknown top-level field "${k}"`);
  const global = checkGlobal(c, root);
  const rawJobs = root.scrape_configs ?? [];
  if (!Array.isArray(rawJobs))
    c.add("PROM002", ["scrape_configs"], "scrape_configs must be a list of jobs (- job_name: ...)");
  const seen = new Set<string>();
  const jobs = (Array.isArray(rawJobs) ? rawJobs : [])
    .map((rj, i) => checkScrapeJob(c, rj, i, global, seen))
    .filter((j): j is ScrapeJob => j !== undefined);
  const findings = c.findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  return { config: { global, scrape_configs: jobs }, findings };
}

/** Counts of findings per severity. */
export function summarizePromFindings(findings: Finding[]): Record<Severity, number> {
  return countBySeverity(findings);
}

/** Linter-style text, one finding per line plus its fix. */
export function formatPromFindings(findings: Finding[]): string {
  return formatReport(findings, "No findings: Prometheus would load this config.");
}
