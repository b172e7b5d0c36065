// K8S020-K8S023: every long-running container tells Kubernetes when it is ready and alive (probes) and what it
// needs and may use (requests for scheduling, limits so one pod cannot starve the node).
import { type Finding, isObject, type JsonObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import { finding, type RuleContext } from "./context";

/** Batch pods run to completion; Kubernetes does not allow probes on init containers. */
const NO_PROBES = new Set(["Job", "CronJob"]);

function missingResources(c: JsonObject, which: "requests" | "limits"): string[] {
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
      const req = missingResources(container, "requests");
      if (req.length > 0) {
        out.push(
          finding(
            "K8S022",
            "warning",
            o,
            `${what} has no resources.requests.${req.join(" / requests.")}: the scheduler cannot place it sensibly and an HPA cannot compute utilisation.`,
            "Set `resources: {requests: {cpu: 100m, memory: 128Mi}}` from measured usage.",
            `${at}/resources/requests`,
          ),
        );
      }
      const lim = missingResources(container, "limits");
      if (lim.length > 0) {
        out.push(
          finding(
            "K8S023",
            "warning",
            o,
            `${what} has no resources.limits.${lim.join(" / limits.")}: one leaking pod can starve its neighbours on the node.`,
            "Set `resources: {limits: {cpu: 500m, memory: 256Mi}}` (memory limit >= request; OOM kills happen above it).",
            `${at}/resources/limits`,
          ),
        );
      }
    }
  }
  return out;
}
