// The prometheus.yml checker's rules: id, severity, title, and the fix each finding carries.
import { type RuleInfo, ruleTable } from "../findings";
import { KUBERNETES_ROLES } from "./kubernetes-sd";
import { RELABEL_ACTIONS } from "./relabel";

export type PromRuleInfo = RuleInfo;

/** Every finding id the checker can produce. */
export const PROM_RULES: PromRuleInfo[] = ruleTable(`
  PROM001  error    YAML syntax error, or the file is not a mapping
  PROM002  error    Unknown field or wrong type (Prometheus loads its config strictly)
  PROM003  error    Invalid duration (15s, 1m30s, 500ms; a unit is required)
  PROM004  error    Scrape job without a job_name, or two jobs with the same one
  PROM005  error    scrape_timeout greater than scrape_interval
  PROM006  error    Invalid enumerated value: relabel action, service discovery role, scheme
  PROM007  error    Relabel regex is not valid RE2 (lookarounds and backreferences are not)
  PROM008  warning  Label name outside [a-zA-Z_][a-zA-Z0-9_]* (needs quoting in PromQL)
  PROM009  error    Relabel step missing a field its action needs, or setting one it forbids
  PROM010  error    source_labels names a label service discovery never sets at that stage
  PROM011  error    metrics_path does not start with /
  PROM012  error    Static target is not host:port (no scheme, no path)
  PROM013  warning  Scrape job with no static_configs and no service discovery
  PROM014  warning  Kubernetes pod/endpoints job without a keep/drop step scrapes every port
`);

export const FIXES: Record<string, string> = {
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

export const SEVERITY = new Map(PROM_RULES.map((r) => [r.id, r.severity]));
