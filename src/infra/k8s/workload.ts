// Where the pods of each workload kind are described, so every rule can ask "which containers will run?".
import { isObject, type JsonObject, type ManifestObject } from "./types";

export interface PodTemplate {
  /** JSON pointer of the template inside the object ("" for a bare Pod). */
  path: string;
  metadata: JsonObject | undefined;
  spec: JsonObject;
}

export const WORKLOAD_KINDS = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"];

/** The pod template of a workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) or a bare Pod. */
export function podTemplateOf(o: Pick<ManifestObject, "kind" | "body">): PodTemplate | undefined {
  const b = o.body;
  const meta = (v: unknown) => (isObject(v) ? v : undefined);
  if (o.kind === "Pod") return isObject(b.spec) ? { path: "", metadata: meta(b.metadata), spec: b.spec } : undefined;
  if (!WORKLOAD_KINDS.includes(o.kind) || !isObject(b.spec)) return undefined;
  let spec = b.spec;
  let path = "/spec";
  if (o.kind === "CronJob") {
    const jt = spec.jobTemplate;
    if (!isObject(jt) || !isObject(jt.spec)) return undefined;
    spec = jt.spec;
    path = "/spec/jobTemplate/spec";
  }
  const t = spec.template;
  if (!isObject(t) || !isObject(t.spec)) return undefined;
  return { path: `${path}/template`, metadata: meta(t.metadata), spec: t.spec };
}

export interface ContainerRef {
  container: JsonObject;
  name: string;
  /** "containers" or "initContainers". */
  field: string;
  index: number;
}

/** Containers of a pod spec, app containers first. */
export function containersOf(spec: JsonObject, withInit = true): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const field of withInit ? ["containers", "initContainers"] : ["containers"]) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (isObject(c))
        out.push({ container: c, name: typeof c.name === "string" ? c.name : `#${index}`, field, index });
    });
  }
  return out;
}

/** The labels a workload's pods get. */
export function podLabels(tpl: PodTemplate): Record<string, string> {
  const labels = tpl.metadata?.labels;
  const out: Record<string, string> = {};
  if (isObject(labels)) for (const [k, v] of Object.entries(labels)) out[k] = String(v);
  return out;
}

/** The namespace an object lands in when applied to `default`. */
export function nsOf(o: Pick<ManifestObject, "namespace">): string {
  return o.namespace ?? "default";
}
