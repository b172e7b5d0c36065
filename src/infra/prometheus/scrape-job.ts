// One scrape_configs entry: its fields checked one by one and its defaults filled in, as Prometheus would run it.
import { type Checker, isRaw, ms, type Path, type Raw, scalar, stringMap } from "./check-context";
import type { KubernetesSdConfig, PrometheusConfig, ScrapeJob } from "./config";
import { K8S_SD_KEYS, SCRAPE_KEYS, SD_KEYS } from "./config-keys";
import { formatDuration } from "./duration";
import { KUBERNETES_ROLES, type KubernetesRole } from "./kubernetes-sd";
import { checkRelabelList } from "./relabel-check";

type Global = PrometheusConfig["global"];

/** scrape_interval and scrape_timeout (the job's, or the global ones), PROM005 when the timeout is longer. */
function timing(c: Checker, rj: Raw, at: Path, global: Global, job: string) {
  const interval = c.duration([...at, "scrape_interval"], rj.scrape_interval, global.scrape_interval, job);
  const defaultTimeout =
    ms(global.scrape_timeout) > ms(interval) ? formatDuration(ms(interval)) : global.scrape_timeout;
  const timeout = c.duration([...at, "scrape_timeout"], rj.scrape_timeout, defaultTimeout, job);
  if (ms(timeout) > ms(interval)) {
    const message = `scrape_timeout ${timeout} is greater than scrape_interval ${interval}`;
    c.add("PROM005", [...at, "scrape_timeout"], message, job);
  }
  return { interval, timeout };
}

/** metrics_path (PROM011 without its leading slash) and scheme (PROM006 unless http or https). */
function endpoint(c: Checker, rj: Raw, at: Path, job: string) {
  const metricsPath = scalar(rj.metrics_path) ?? "/metrics";
  if (!metricsPath.startsWith("/")) {
    c.add("PROM011", [...at, "metrics_path"], `metrics_path "${metricsPath}" does not start with /`, job);
  }
  const scheme = scalar(rj.scheme) ?? "http";
  if (scheme !== "http" && scheme !== "https") {
    c.add("PROM006", [...at, "scheme"], `scheme "${scheme}" is neither http nor https`, job);
  }
  return { metricsPath, scheme };
}

function staticConfigs(c: Checker, rj: Raw, at: Path, job: string): ScrapeJob["static_configs"] {
  const statics: ScrapeJob["static_configs"] = [];
  c.listAt(rj.static_configs, [...at, "static_configs"], job).forEach((sc, j) => {
    const sp: Path = [...at, "static_configs", j];
    if (!isRaw(sc)) {
      c.add("PROM002", sp, "a static_configs entry must be a mapping with targets", job);
      return;
    }
    for (const k of Object.keys(sc)) {
      if (k !== "targets" && k !== "labels") c.add("PROM002", [...sp, k], `unknown static_configs field "${k}"`, job);
    }
    const targets = c.listAt(sc.targets, [...sp, "targets"], job).map((t) => scalar(t) ?? "");
    targets.forEach((t, k) => {
      if (!t || t.includes("://") || t.includes("/")) {
        c.add("PROM012", [...sp, "targets", k], `target "${t}" is not host:port`, job);
      }
    });
    statics.push({ targets, labels: stringMap(sc.labels) });
  });
  return statics;
}

/** One kubernetes_sd_configs entry, or undefined when its role is missing or unknown (PROM006). */
function kubernetesSd(c: Checker, kc: unknown, kp: Path, job: string): KubernetesSdConfig | undefined {
  if (!isRaw(kc)) {
    c.add("PROM002", kp, "a kubernetes_sd_configs entry must be a mapping with a role", job);
    return undefined;
  }
  for (const k of Object.keys(kc)) {
    if (!K8S_SD_KEYS.has(k)) c.add("PROM002", [...kp, k], `unknown kubernetes_sd_configs field "${k}"`, job);
  }
  const role = scalar(kc.role) ?? "";
  if (!(KUBERNETES_ROLES as readonly string[]).includes(role)) {
    c.add("PROM006", [...kp, "role"], role ? `unknown role "${role}"` : "kubernetes_sd_configs needs a role", job);
    return undefined;
  }
  const ns = isRaw(kc.namespaces) ? kc.namespaces : undefined;
  if (kc.namespaces !== undefined && !ns)
    c.add("PROM002", [...kp, "namespaces"], "namespaces must be a mapping (names: [...])", job);
  for (const k of Object.keys(ns ?? {})) {
    if (k !== "names" && k !== "own_namespace")
      c.add("PROM002", [...kp, "namespaces", k], `unknown namespaces field "${k}"`, job);
  }
  if (!ns) return { role: role as KubernetesRole, namespaces: undefined };
  const names =
    ns.names === undefined ? undefined : c.listAt(ns.names, [...kp, "namespaces", "names"], job).map(String);
  return { role: role as KubernetesRole, namespaces: { names, own_namespace: ns.own_namespace === true } };
}

function kubernetesSds(c: Checker, rj: Raw, at: Path, job: string): KubernetesSdConfig[] {
  return c
    .listAt(rj.kubernetes_sd_configs, [...at, "kubernetes_sd_configs"], job)
    .map((kc, j) => kubernetesSd(c, kc, [...at, "kubernetes_sd_configs", j], job))
    .filter((k): k is KubernetesSdConfig => k !== undefined);
}

/** relabel_configs (PROM014 for a pod/endpoints job that never keeps or drops) and metric_relabel_configs. */
function relabelling(c: Checker, rj: Raw, at: Path, job: string, k8s: KubernetesSdConfig[]) {
  // With kubernetes_sd_configs whose roles are all invalid (already reported), judge meta labels against every
  // role, so the one mistake is not reported twice as "this job has no kubernetes_sd_configs".
  const rawK8s = Array.isArray(rj.kubernetes_sd_configs) ? rj.kubernetes_sd_configs.length : 0;
  const roles = k8s.length > 0 || rawK8s === 0 ? k8s.map((k) => k.role) : [...KUBERNETES_ROLES];
  const relabels = checkRelabelList(c, rj.relabel_configs, [...at, "relabel_configs"], job, {
    roles,
    targetStage: true,
  });
  const metricStage = { roles: k8s.map((k) => k.role), targetStage: false };
  const metricRelabels = checkRelabelList(
    c,
    rj.metric_relabel_configs,
    [...at, "metric_relabel_configs"],
    job,
    metricStage,
  );
  const filtered = relabels.some((r) => ["keep", "drop", "keepequal", "dropequal"].includes(r.action ?? "replace"));
  if (k8s.some((k) => k.role === "pod" || k.role === "endpoints" || k.role === "endpointslice") && !filtered) {
    c.add(
      "PROM014",
      at,
      "discovers Kubernetes pods/endpoints but never keeps or drops any: every container port in every watched namespace is scraped",
      job,
    );
  }
  return { relabels, metricRelabels };
}

/** Check scrape_configs entry `i`; the job with its defaults, or undefined when it is not even a mapping. */
export function checkScrapeJob(c: Checker, rj: unknown, i: number, global: Global, seen: Set<string>) {
  const at: Path = ["scrape_configs", i];
  if (!isRaw(rj)) {
    c.add("PROM002", at, `scrape_configs entry ${i + 1} is not a mapping`);
    return undefined;
  }
  const name = scalar(rj.job_name) ?? "";
  const job = name || `#${i + 1}`;
  if (!name) c.add("PROM004", at, `scrape config ${i + 1} has no job_name`);
  else if (seen.has(name)) c.add("PROM004", [...at, "job_name"], `job_name "${name}" is used twice`);
  seen.add(name);
  for (const k of Object.keys(rj)) {
    if (!SCRAPE_KEYS.has(k) && !SD_KEYS.has(k)) c.add("PROM002", [...at, k], `unknown field "${k}"`, job);
  }
  const { interval, timeout } = timing(c, rj, at, global, job);
  const { metricsPath, scheme } = endpoint(c, rj, at, job);
  const statics = staticConfigs(c, rj, at, job);
  const k8s = kubernetesSds(c, rj, at, job);
  if (statics.length === 0 && !Object.keys(rj).some((k) => SD_KEYS.has(k)))
    c.add("PROM013", at, "has no static_configs and no service discovery: it scrapes nothing", job);
  const params: Record<string, string[]> = {};
  if (isRaw(rj.params)) {
    for (const [k, v] of Object.entries(rj.params)) params[k] = (Array.isArray(v) ? v : [v]).map(String);
  }
  const { relabels, metricRelabels } = relabelling(c, rj, at, job, k8s);
  const scrapeJob: ScrapeJob = {
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
    line: c.lineOf(at),
  };
  return scrapeJob;
}
