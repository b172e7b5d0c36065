// A prometheus.yml checker, following the configuration reference (prometheus.io/docs/prometheus/latest/
// configuration/configuration/): Prometheus loads its file strictly, so an unknown key, a duration without a unit or
// a relabel step without its target_label stops it from starting (or, on reload, keeps the old config running while
// you think the new one is live). Every problem becomes a finding with a rule id, a line and a fix; nothing throws.
// On top of what Prometheus checks, PROM010/PROM011/PROM013/PROM014 catch configs that load fine and scrape nothing.
import { isMap, LineCounter, parseDocument } from "yaml";
import type { Finding, Severity } from "../k8s/types";
import { formatDuration, parseDuration } from "./duration";
import { isKubernetesMetaLabel, KUBERNETES_ROLES, type KubernetesRole } from "./kubernetes-sd";
import {
  LABEL_NAME,
  type Labels,
  RELABEL_ACTIONS,
  type RelabelConfig,
  type RelabelProblemField,
  relabelProblems,
} from "./relabel";

export interface PromRuleInfo {
  id: string;
  severity: Severity;
  title: string;
}

/** Every finding id the checker can produce. */
export const PROM_RULES: PromRuleInfo[] = [
  { id: "PROM001", severity: "error", title: "YAML syntax error, or the file is not a mapping" },
  { id: "PROM002", severity: "error", title: "Unknown field or wrong type (Prometheus loads its config strictly)" },
  { id: "PROM003", severity: "error", title: "Invalid duration (15s, 1m30s, 500ms; a unit is required)" },
  { id: "PROM004", severity: "error", title: "Scrape job without a job_name, or two jobs with the same one" },
  { id: "PROM005", severity: "error", title: "scrape_timeout greater than scrape_interval" },
  {
    id: "PROM006",
    severity: "error",
    title: "Invalid enumerated value: relabel action, service discovery role, scheme",
  },
  {
    id: "PROM007",
    severity: "error",
    title: "Relabel regex is not valid RE2 (lookarounds and backreferences are not)",
  },
  { id: "PROM008", severity: "warning", title: "Label name outside [a-zA-Z_][a-zA-Z0-9_]* (needs quoting in PromQL)" },
  {
    id: "PROM009",
    severity: "error",
    title: "Relabel step missing a field its action needs, or setting one it forbids",
  },
  { id: "PROM010", severity: "error", title: "source_labels names a label service discovery never sets at that stage" },
  { id: "PROM011", severity: "error", title: "metrics_path does not start with /" },
  { id: "PROM012", severity: "error", title: "Static target is not host:port (no scheme, no path)" },
  { id: "PROM013", severity: "warning", title: "Scrape job with no static_configs and no service discovery" },
  {
    id: "PROM014",
    severity: "warning",
    title: "Kubernetes pod/endpoints job without a keep/drop step scrapes every port",
  },
];

const TOP_KEYS = new Set([
  "global",
  "scrape_configs",
  "scrape_config_files",
  "rule_files",
  "alerting",
  "remote_write",
  "remote_read",
  "storage",
  "tracing",
  "runtime",
  "otlp",
]);
const GLOBAL_KEYS = new Set([
  "scrape_interval",
  "scrape_timeout",
  "scrape_protocols",
  "evaluation_interval",
  "rule_query_offset",
  "external_labels",
  "query_log_file",
  "scrape_failure_log_file",
  "body_size_limit",
  "sample_limit",
  "label_limit",
  "label_name_length_limit",
  "label_value_length_limit",
  "target_limit",
  "keep_dropped_targets",
  "metric_name_validation_scheme",
  "metric_name_escaping_scheme",
  "convert_classic_histograms_to_nhcb",
  "always_scrape_classic_histograms",
]);
/** HTTP client settings every scrape job and kubernetes_sd_config accepts. */
const HTTP_KEYS = [
  "basic_auth",
  "authorization",
  "oauth2",
  "bearer_token",
  "bearer_token_file",
  "tls_config",
  "proxy_url",
  "no_proxy",
  "proxy_from_environment",
  "proxy_connect_header",
  "follow_redirects",
  "enable_http2",
];
const SCRAPE_KEYS = new Set([
  ...HTTP_KEYS,
  "job_name",
  "honor_labels",
  "honor_timestamps",
  "track_timestamps_staleness",
  "scheme",
  "params",
  "scrape_interval",
  "scrape_timeout",
  "scrape_protocols",
  "scrape_fallback_protocol",
  "scrape_failure_log_file",
  "scrape_classic_histograms",
  "always_scrape_classic_histograms",
  "convert_classic_histograms_to_nhcb",
  "metrics_path",
  "enable_compression",
  "body_size_limit",
  "sample_limit",
  "target_limit",
  "label_limit",
  "label_name_length_limit",
  "label_value_length_limit",
  "native_histogram_bucket_limit",
  "native_histogram_min_bucket_factor",
  "keep_dropped_targets",
  "metric_name_validation_scheme",
  "metric_name_escaping_scheme",
  "relabel_configs",
  "metric_relabel_configs",
  "static_configs",
]);
/** Every *_sd_configs key Prometheus knows; only kubernetes, static and the generic shape are checked deeper. */
const SD_KEYS = new Set(
  [
    "azure",
    "consul",
    "digitalocean",
    "docker",
    "dockerswarm",
    "dns",
    "ec2",
    "eureka",
    "file",
    "gce",
    "hetzner",
    "http",
    "ionos",
    "kubernetes",
    "kuma",
    "lightsail",
    "linode",
    "marathon",
    "nerve",
    "nomad",
    "openstack",
    "ovhcloud",
    "puppetdb",
    "scaleway",
    "serverset",
    "triton",
    "uyuni",
    "vultr",
    "stackit",
  ].map((k) => `${k}_sd_configs`),
);
const K8S_SD_KEYS = new Set([
  ...HTTP_KEYS,
  "api_server",
  "role",
  "kubeconfig_file",
  "namespaces",
  "selectors",
  "attach_metadata",
]);
const RELABEL_KEYS = new Set([
  "source_labels",
  "separator",
  "regex",
  "modulus",
  "target_label",
  "replacement",
  "action",
]);

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

type Path = (string | number)[];
type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
/** yaml.v2 decodes any scalar into a string field (`regex: true` is "true"), so we do too. */
const scalar = (v: unknown): string | undefined =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;

const FIXES: Record<string, string> = {
  PROM001: "Fix the YAML: indentation with spaces, a `key: value` per line, lists with `- `.",
  PROM002:
    "Check the spelling and the nesting against the configuration reference; remove keys Prometheus does not know.",
  PROM003: "Write a whole number with a unit: 15s, 1m, 1m30s, 500ms (not 15, not 1.5s).",
  PROM004: "Give every scrape config a unique job_name: it becomes the `job` label of every series it scrapes.",
  PROM005: "Keep scrape_timeout at or below scrape_interval (e.g. interval 15s, timeout 10s).",
  PROM006: `Relabel actions: ${RELABEL_ACTIONS.join(", ")}. Kubernetes roles: ${KUBERNETES_ROLES.join(", ")}. Schemes: http, https.`,
  PROM007:
    "Use RE2 syntax: no lookarounds or backreferences; the regex is anchored at both ends already (no ^ or $ needed).",
  PROM008: "Use letters, digits and underscores, not starting with a digit: pod, k8s_namespace.",
  PROM009:
    "replace/hashmod/lowercase/uppercase need target_label; hashmod needs modulus; labeldrop/labelkeep take only regex.",
  PROM010:
    "Read a label this job's discovery really sets (see the kubernetes_sd_config reference for its role). Names are sanitized: annotation prometheus.io/port arrives as __meta_kubernetes_pod_annotation_prometheus_io_port.",
  PROM011: "Start the path with a slash: metrics_path: /metrics.",
  PROM012: "List bare host:port pairs (localhost:9090); the scheme and path come from scheme and metrics_path.",
  PROM013: "Add static_configs or a service discovery section (kubernetes_sd_configs), or remove the job.",
  PROM014:
    'Add a keep step, e.g. source_labels [__meta_kubernetes_pod_annotation_prometheus_io_scrape], regex: "true", action: keep.',
};

const SEVERITY = new Map(PROM_RULES.map((r) => [r.id, r.severity]));

/** Check prometheus.yml text. Never throws: every problem is a finding. */
export function checkPrometheusConfig(text: string, file = "prometheus.yml"): PromCheckResult {
  const findings: Finding[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const lineOf = (path: Path): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      // Prefer the key's own line for a mapping entry: the value may start on the next line.
      if (n > 0 && typeof path[n - 1] === "string") {
        const parent = doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[n - 1]);
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (keyRange) return lc.linePos(keyRange[0]).line;
        }
      }
      if (node?.range) return lc.linePos(node.range[0]).line;
    }
    return 1;
  };
  const add = (rule: string, path: Path, message: string, job?: string) =>
    findings.push({
      rule,
      severity: SEVERITY.get(rule) ?? "error",
      file,
      line: lineOf(path),
      object: job ? `job/${job}` : undefined,
      path: `/${path.join("/")}`,
      message: job ? `job "${job}": ${message}` : message,
      fix: FIXES[rule] ?? "",
    });

  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      findings.push({
        rule: "PROM001",
        severity: "error",
        file,
        line: e.linePos?.[0]?.line ?? 1,
        message: `YAML ${e.code}: ${e.message.split("\n")[0]}`,
        fix: FIXES.PROM001,
      });
    }
    return { config: null, findings };
  }
  const root = doc.toJS() as unknown;
  if (!isRaw(root)) {
    add("PROM001", [], "the file is empty or not a mapping of settings");
    return { config: null, findings };
  }
  for (const k of Object.keys(root)) if (!TOP_KEYS.has(k)) add("PROM002", [k], `unknown top-level field "${k}"`);

  const duration = (path: Path, v: unknown, fallback: string, job?: string): string => {
    if (v === undefined) return fallback;
    const s = scalar(v);
    if (s === undefined || parseDuration(s) === null) {
      add("PROM003", path, `${String(path[path.length - 1])}: ${JSON.stringify(v)} is not a duration`, job);
      return fallback;
    }
    return s;
  };

  // global
  const g = root.global === undefined || root.global === null ? {} : root.global;
  if (!isRaw(g)) add("PROM002", ["global"], "global must be a mapping");
  const graw = isRaw(g) ? g : {};
  for (const k of Object.keys(graw))
    if (!GLOBAL_KEYS.has(k)) add("PROM002", ["global", k], `unknown global field "${k}"`);
  const global = {
    scrape_interval: duration(["global", "scrape_interval"], graw.scrape_interval, "1m"),
    scrape_timeout: duration(["global", "scrape_timeout"], graw.scrape_timeout, "10s"),
    evaluation_interval: duration(["global", "evaluation_interval"], graw.evaluation_interval, "1m"),
    external_labels: stringMap(graw.external_labels),
  };
  const ms = (d: string) => parseDuration(d) ?? 0;
  if (graw.scrape_timeout !== undefined && ms(global.scrape_timeout) > ms(global.scrape_interval)) {
    add("PROM005", ["global", "scrape_timeout"], "global scrape_timeout is greater than global scrape_interval");
  }

  // scrape_configs
  const jobs: ScrapeJob[] = [];
  const rawJobs = root.scrape_configs ?? [];
  if (!Array.isArray(rawJobs))
    add("PROM002", ["scrape_configs"], "scrape_configs must be a list of jobs (- job_name: ...)");
  const seen = new Set<string>();
  (Array.isArray(rawJobs) ? rawJobs : []).forEach((rj, i) => {
    const at: Path = ["scrape_configs", i];
    if (!isRaw(rj)) {
      add("PROM002", at, `scrape_configs entry ${i + 1} is not a mapping`);
      return;
    }
    const name = scalar(rj.job_name) ?? "";
    const job = name || `#${i + 1}`;
    if (!name) add("PROM004", at, `scrape config ${i + 1} has no job_name`);
    else if (seen.has(name)) add("PROM004", [...at, "job_name"], `job_name "${name}" is used twice`);
    seen.add(name);
    for (const k of Object.keys(rj)) {
      if (!SCRAPE_KEYS.has(k) && !SD_KEYS.has(k)) add("PROM002", [...at, k], `unknown field "${k}"`, job);
    }
    const interval = duration([...at, "scrape_interval"], rj.scrape_interval, global.scrape_interval, job);
    const defaultTimeout =
      ms(global.scrape_timeout) > ms(interval) ? formatDuration(ms(interval)) : global.scrape_timeout;
    const timeout = duration([...at, "scrape_timeout"], rj.scrape_timeout, defaultTimeout, job);
    if (ms(timeout) > ms(interval)) {
      add(
        "PROM005",
        [...at, "scrape_timeout"],
        `scrape_timeout ${timeout} is greater than scrape_interval ${interval}`,
        job,
      );
    }
    const metricsPath = scalar(rj.metrics_path) ?? "/metrics";
    if (!metricsPath.startsWith("/")) {
      add("PROM011", [...at, "metrics_path"], `metrics_path "${metricsPath}" does not start with /`, job);
    }
    const scheme = scalar(rj.scheme) ?? "http";
    if (scheme !== "http" && scheme !== "https") {
      add("PROM006", [...at, "scheme"], `scheme "${scheme}" is neither http nor https`, job);
    }

    const statics: ScrapeJob["static_configs"] = [];
    listAt(rj.static_configs, [...at, "static_configs"], job).forEach((sc, j) => {
      const sp: Path = [...at, "static_configs", j];
      if (!isRaw(sc)) {
        add("PROM002", sp, "a static_configs entry must be a mapping with targets", job);
        return;
      }
      for (const k of Object.keys(sc)) {
        if (k !== "targets" && k !== "labels") add("PROM002", [...sp, k], `unknown static_configs field "${k}"`, job);
      }
      const targets = listAt(sc.targets, [...sp, "targets"], job).map((t) => scalar(t) ?? "");
      targets.forEach((t, k) => {
        if (!t || t.includes("://") || t.includes("/")) {
          add("PROM012", [...sp, "targets", k], `target "${t}" is not host:port`, job);
        }
      });
      statics.push({ targets, labels: stringMap(sc.labels) });
    });

    const k8s: KubernetesSdConfig[] = [];
    listAt(rj.kubernetes_sd_configs, [...at, "kubernetes_sd_configs"], job).forEach((kc, j) => {
      const kp: Path = [...at, "kubernetes_sd_configs", j];
      if (!isRaw(kc)) {
        add("PROM002", kp, "a kubernetes_sd_configs entry must be a mapping with a role", job);
        return;
      }
      for (const k of Object.keys(kc)) {
        if (!K8S_SD_KEYS.has(k)) add("PROM002", [...kp, k], `unknown kubernetes_sd_configs field "${k}"`, job);
      }
      const role = scalar(kc.role) ?? "";
      if (!(KUBERNETES_ROLES as readonly string[]).includes(role)) {
        add("PROM006", [...kp, "role"], role ? `unknown role "${role}"` : "kubernetes_sd_configs needs a role", job);
        return;
      }
      const ns = isRaw(kc.namespaces) ? kc.namespaces : undefined;
      if (kc.namespaces !== undefined && !ns)
        add("PROM002", [...kp, "namespaces"], "namespaces must be a mapping (names: [...])", job);
      for (const k of Object.keys(ns ?? {})) {
        if (k !== "names" && k !== "own_namespace")
          add("PROM002", [...kp, "namespaces", k], `unknown namespaces field "${k}"`, job);
      }
      k8s.push({
        role: role as KubernetesRole,
        namespaces: ns
          ? {
              names:
                ns.names === undefined ? undefined : listAt(ns.names, [...kp, "namespaces", "names"], job).map(String),
              own_namespace: ns.own_namespace === true,
            }
          : undefined,
      });
    });
    const hasSd = Object.keys(rj).some((k) => SD_KEYS.has(k));
    if (statics.length === 0 && !hasSd)
      add("PROM013", at, "has no static_configs and no service discovery: it scrapes nothing", job);

    const params: Record<string, string[]> = {};
    if (isRaw(rj.params)) {
      for (const [k, v] of Object.entries(rj.params)) params[k] = (Array.isArray(v) ? v : [v]).map(String);
    }

    // With kubernetes_sd_configs whose roles are all invalid (already reported), judge meta labels against every
    // role, so the one mistake is not reported twice as "this job has no kubernetes_sd_configs".
    const rawK8s = Array.isArray(rj.kubernetes_sd_configs) ? rj.kubernetes_sd_configs.length : 0;
    const sdsForLabels = k8s.length > 0 || rawK8s === 0 ? k8s : KUBERNETES_ROLES.map((role) => ({ role }));
    const relabels = relabelList(rj.relabel_configs, [...at, "relabel_configs"], job, sdsForLabels, true);
    const metricRelabels = relabelList(rj.metric_relabel_configs, [...at, "metric_relabel_configs"], job, k8s, false);
    const filtered = relabels.some((r) => ["keep", "drop", "keepequal", "dropequal"].includes(r.action ?? "replace"));
    if (k8s.some((k) => k.role === "pod" || k.role === "endpoints" || k.role === "endpointslice") && !filtered) {
      add(
        "PROM014",
        at,
        "discovers Kubernetes pods/endpoints but never keeps or drops any: every container port in every watched namespace is scraped",
        job,
      );
    }

    jobs.push({
      job_name: name,
      scrape_interval: interval,
      scrape_timeout: timeout,
      metrics_path: metricsPath,
      scheme,
      honor_labels: rj.honor_labels === true,
      params,
      static_configs: statics,
      kubernetes_sd_configs: k8s,
      relabel_configs: relabels,
      metric_relabel_configs: metricRelabels,
      line: lineOf(at),
    });
  });

  findings.sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  return { config: { global, scrape_configs: jobs }, findings };

  function listAt(v: unknown, path: Path, job: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    add("PROM002", path, `${String(path[path.length - 1])} must be a list`, job);
    return [];
  }

  function relabelList(v: unknown, path: Path, job: string, sds: KubernetesSdConfig[], targetStage: boolean) {
    const out: RelabelConfig[] = [];
    // Labels that earlier steps may have set: later steps can read them (the __tmp_ idiom).
    const setByEarlierSteps = new Set<string>();
    listAt(v, path, job).forEach((raw, i) => {
      const p: Path = [...path, i];
      if (!isRaw(raw)) {
        add("PROM002", p, `relabel step ${i + 1} is not a mapping`, job);
        return;
      }
      for (const k of Object.keys(raw)) {
        if (!RELABEL_KEYS.has(k)) add("PROM002", [...p, k], `unknown relabel field "${k}"`, job);
      }
      const c: RelabelConfig = {};
      if (raw.source_labels !== undefined) {
        if (!Array.isArray(raw.source_labels)) {
          add("PROM002", [...p, "source_labels"], "source_labels must be a list: [label_a, label_b]", job);
        } else c.source_labels = raw.source_labels.map((x) => scalar(x) ?? "");
      }
      for (const k of ["separator", "regex", "target_label", "replacement", "action"] as const) {
        if (raw[k] === undefined || raw[k] === null) continue;
        const s = scalar(raw[k]);
        if (s === undefined) add("PROM002", [...p, k], `${k} must be a string`, job);
        else c[k] = k === "action" ? s.toLowerCase() : s;
      }
      if (raw.modulus !== undefined) {
        if (typeof raw.modulus !== "number" || !Number.isInteger(raw.modulus) || raw.modulus < 0) {
          add("PROM002", [...p, "modulus"], "modulus must be a whole number", job);
        } else c.modulus = raw.modulus;
      }
      const rule: Record<RelabelProblemField, string> = {
        action: "PROM006",
        regex: "PROM007",
        target_label: "PROM009",
        modulus: "PROM009",
        replacement: "PROM009",
        fields: "PROM009",
      };
      for (const problem of relabelProblems(c)) {
        const key = problem.field === "fields" ? [] : [problem.field];
        add(rule[problem.field], [...p, ...key], `relabel step ${i + 1}: ${problem.message}`, job);
      }
      (c.source_labels ?? []).forEach((name, k) => {
        const where = [...p, "source_labels", k];
        const why = neverSet(name, sds, targetStage, setByEarlierSteps);
        if (why) add("PROM010", where, `relabel step ${i + 1}: source label "${name}" ${why}`, job);
        else if (!LABEL_NAME.test(name)) add("PROM008", where, `"${name}" is not a classic label name`, job);
      });
      if (c.target_label && !c.target_label.includes("$")) setByEarlierSteps.add(c.target_label);
      out.push(c);
    });
    return out;
  }
}

/** Why a source label can never have a value at this point, or undefined when it can. */
function neverSet(
  name: string,
  sds: KubernetesSdConfig[],
  targetStage: boolean,
  setEarlier: Set<string>,
): string | undefined {
  if (setEarlier.has(name)) return undefined;
  if (!targetStage) {
    return name.startsWith("__meta_")
      ? "is never set here: discovery's __meta_ labels are gone by the time metric_relabel_configs run (use relabel_configs)"
      : undefined;
  }
  if (!name.startsWith("__meta_kubernetes_")) return undefined;
  if (sds.length === 0) return "is never set: this job has no kubernetes_sd_configs";
  if (sds.some((s) => isKubernetesMetaLabel(s.role, name))) return undefined;
  const roles = [...new Set(sds.map((s) => s.role))].join("/");
  if (/[^a-zA-Z0-9_]/.test(name)) {
    return `is never set: discovery sanitizes names, so write ${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  }
  return `is never set by Kubernetes discovery with role ${roles}`;
}

function stringMap(v: unknown): Labels {
  const out: Labels = {};
  if (isRaw(v)) for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return out;
}

/** Counts of findings per severity. */
export function summarizePromFindings(findings: Finding[]): Record<Severity, number> {
  const s: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** Linter-style text, one finding per line plus its fix. */
export function formatPromFindings(findings: Finding[]): string {
  if (findings.length === 0) return "No findings: Prometheus would load this config.";
  const lines = findings.map(
    (f) => `${f.file ?? "<input>"}:${f.line}  ${f.severity.padEnd(7)}  ${f.rule}  ${f.message}\n    fix: ${f.fix}`,
  );
  const s = summarizePromFindings(findings);
  lines.push(`${s.error} error(s), ${s.warning} warning(s), ${s.info} info`);
  return lines.join("\n");
}
