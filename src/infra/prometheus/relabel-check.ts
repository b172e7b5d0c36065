// relabel_configs and metric_relabel_configs of one scrape job: each step's fields read as Prometheus reads them,
// the steps Prometheus would refuse (relabelProblems), and source labels that can never have a value there.
import { type Checker, isRaw, type Path, type Raw, scalar } from "./check-context";
import { RELABEL_KEYS } from "./config-keys";
import { isKubernetesMetaLabel, type KubernetesRole } from "./kubernetes-sd";
import { LABEL_NAME, type RelabelConfig, type RelabelProblemField, relabelProblems } from "./relabel";

/** Where relabelling happens: before the scrape (target labels) or after it (metric labels). */
export interface RelabelStage {
  /** The job's discovery roles, whose __meta_ labels exist before the scrape. */
  roles: KubernetesRole[];
  targetStage: boolean;
}

const RULE_OF: Record<RelabelProblemField, string> = {
  action: "PROM006",
  regex: "PROM007",
  target_label: "PROM009",
  modulus: "PROM009",
  replacement: "PROM009",
  fields: "PROM009",
};

/** Why a source label can never have a value at this point, or undefined when it can. */
function neverSet(name: string, stage: RelabelStage, setEarlier: Set<string>): string | undefined {
  if (setEarlier.has(name)) return undefined;
  if (!stage.targetStage) {
    return name.startsWith("__meta_")
      ? "is never set here: discovery's __meta_ labels are gone by the time metric_relabel_configs run (use relabel_configs)"
      : undefined;
  }
  if (!name.startsWith("__meta_kubernetes_")) return undefined;
  if (stage.roles.length === 0) return "is never set: this job has no kubernetes_sd_configs";
  if (stage.roles.some((role) => isKubernetesMetaLabel(role, name))) return undefined;
  const roles = [...new Set(stage.roles)].join("/");
  if (/[^a-zA-Z0-9_]/.test(name)) {
    return `is never set: discovery sanitizes names, so write ${name.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  }
  return `is never set by Kubernetes discovery with role ${roles}`;
}

/** One step's fields, as Prometheus's YAML decoder reads them (PROM002 for a wrong type). */
function readStep(c: Checker, raw: Raw, p: Path, job: string): RelabelConfig {
  for (const k of Object.keys(raw)) {
    if (!RELABEL_KEYS.has(k)) c.add("PROM002", [...p, k], `unknown relabel field "${k}"`, job);
  }
  const step: RelabelConfig = {};
  if (raw.source_labels !== undefined) {
    if (!Array.isArray(raw.source_labels)) {
      c.add("PROM002", [...p, "source_labels"], "source_labels must be a list: [label_a, label_b]", job);
    } else step.source_labels = raw.source_labels.map((x) => scalar(x) ?? "");
  }
  for (const k of ["separator", "regex", "target_label", "replacement", "action"] as const) {
    if (raw[k] === undefined || raw[k] === null) continue;
    const s = scalar(raw[k]);
    if (s === undefined) c.add("PROM002", [...p, k], `${k} must be a string`, job);
    else step[k] = k === "action" ? s.toLowerCase() : s;
  }
  if (raw.modulus !== undefined) {
    if (typeof raw.modulus !== "number" || !Number.isInteger(raw.modulus) || raw.modulus < 0) {
      c.add("PROM002", [...p, "modulus"], "modulus must be a whole number", job);
    } else step.modulus = raw.modulus;
  }
  return step;
}

export function checkRelabelList(c: Checker, v: unknown, path: Path, job: string, stage: RelabelStage) {
  const out: RelabelConfig[] = [];
  // Labels that earlier steps may have set: later steps can read them (the __tmp_ idiom).
  const setByEarlierSteps = new Set<string>();
  c.listAt(v, path, job).forEach((raw, i) => {
    const p: Path = [...path, i];
    if (!isRaw(raw)) {
      c.add("PROM002", p, `relabel step ${i + 1} is not a mapping`, job);
      return;
    }
    const step = readStep(c, raw, p, job);
    for (const problem of relabelProblems(step)) {
      const key = problem.field === "fields" ? [] : [problem.field];
      c.add(RULE_OF[problem.field], [...p, ...key], `relabel step ${i + 1}: ${problem.message}`, job);
    }
    (step.source_labels ?? []).forEach((name, k) => {
      const where = [...p, "source_labels", k];
      const why = neverSet(name, stage, setByEarlierSteps);
      if (why) c.add("PROM010", where, `relabel step ${i + 1}: source label "${name}" ${why}`, job);
      else if (!LABEL_NAME.test(name)) c.add("PROM008", where, `"${name}" is not a classic label name`, job);
    });
    if (step.target_label && !step.target_label.includes("$")) setByEarlierSteps.add(step.target_label);
    out.push(step);
  });
  return out;
}
