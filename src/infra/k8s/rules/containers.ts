// K8S020-K8S023: every long-running container tells Kubernetes when it is ready and alive (probes) and what it
// needs and may use (requests for scheduling, limits so one pod cannot starve the node).
import { type Finding, isObject, type JsonObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import { finding, type RuleContext } from "./context";

/** Batch pods run to completion; Kubernetes does not allow probes on init containers. */
const NO_PROBES = new Set(["Job", "CronJob"]);

type Resources = "requests" | "limits";
interface ResourceAdvice {
  rule: string;
  why: string;
  fix: string;
}
const RESOURCE_ADVICE: Record<Resources, ResourceAdvice> = {
  requests: {
    rule: "K8S022",
    why: "the scheduler cannot place it sensibly and an HPA cannot compute utilisation.",
    fix: "Set `resources: {requests: {cpu: 100m, memory: 128Mi}}` from measured usage.",
  },
  limits: {
    rule: "K8S023",
    why: "one leaking pod can starve its neighbours on the node.",
    fix: "Set `resources: {limits: {cpu: 500m, memory: 256Mi}}` (memory limit >= request; OOM kills happen above it).",
  },
};

function missingResources(c: JsonObject, which: Resources): string[] {
  const res: JsonObject = isObject(c.resources) ? c.resources : {};
  const raw = res[which];
  const block: JsonObject = isObject(raw) ? raw : {};
  return ["cpu", "memory"].filter((r) => block[r] === undefined || block[r] === null || block[r] === "");
}

export function containerRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const o of ctx.objects) {
    const tpl = podTemplateOf(o);
    if (!tpl) continue;
    for (const { container, name, field, index } of containersOf(tpl.spec)) {
      const at = `${tpl.path}/spec/${field}/${index}`;
      const what = `${field === "initContainers" ? "init container" : "container"} "${name}"`;
      if (field === "containers" && !NO_PROBES.has(o.kind)) {
        if (!isObject(container.readinessProbe)) {
          out.push(
            finding(
              "K8S020",
              "warning",
              o,
              `${what} has no readinessProbe, so it gets traffic before it can serve and during rollouts that break it.`,
              "Add `readinessProbe: {httpGet: {path: /ready, port: http}, periodSeconds: 5}` (or tcpSocket/exec).",
              `${at}/readinessProbe`,
            ),
          );
        }
        if (!isObject(container.livenessProbe)) {
          out.push(
            finding(
              "K8S021",
              "warning",
              o,
              `${what} has no livenessProbe, so a hung process is never restarted.`,
              "Add `livenessProbe: {httpGet: {path: /healthz, port: http}, initialDelaySeconds: 10}`; keep it cheaper and more lenient than readiness.",
              `${at}/livenessProbe`,
            ),
          );
        }
      }
      for (const [kind, advice] of Object.entries(RESOURCE_ADVICE) as [Resources, ResourceAdvice][]) {
        const missing = missingResources(container, kind);
        if (missing.length === 0) continue;
        const message = `${what} has no resources.${kind}.${missing.join(` / ${kind}.`)}: ${advice.why}`;
        out.push(finding(advice.rule, "warning", o, message, advice.fix, `${at}/resources/${kind}`));
      }
    }
  }
  return out;
}
