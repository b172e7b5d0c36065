// Prometheus configuration checks: a prometheus.yml validator, a relabel evaluator with Prometheus's semantics, and
// Kubernetes pod discovery, so a scrape config can be proven against real pods without a cluster.
// Notebooks must name this file: `import { checkPrometheusConfig } from "./src/infra/prometheus/index"`.
export {
  checkPrometheusConfig,
  formatPromFindings,
  type KubernetesSdConfig,
  PROM_RULES,
  type PromCheckResult,
  type PrometheusConfig,
  type PromRuleInfo,
  type ScrapeJob,
  summarizePromFindings,
} from "./config";
export { formatDuration, parseDuration } from "./duration";
export {
  isKubernetesMetaLabel,
  KUBERNETES_ROLES,
  type KubernetesRole,
  kubernetesMetaLabels,
  type PodContainer,
  type PodLike,
  podFromTemplate,
  podTargets,
  sanitizeLabelName,
} from "./kubernetes-sd";
export { compileRe2, expandTemplate } from "./regex";
export {
  hashmod,
  LABEL_NAME,
  type Labels,
  RELABEL_ACTIONS,
  RELABEL_DEFAULTS,
  type RelabelAction,
  type RelabelConfig,
  type RelabelProblem,
  relabel,
  relabelProblems,
} from "./relabel";
export { podScrapeTargets, type ScrapeTarget, scrapeTargets, type TargetsResult } from "./targets";
