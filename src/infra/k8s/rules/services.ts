// K8S010/K8S011: a Service only works if its selector picks some pods and its targetPort is a port those pods
// listen on. Both mistakes deploy fine and fail at the first request, which is why review has to catch them.
import { type Finding, isObject, type JsonObject, type ManifestObject } from "../types";
import { containersOf, nsOf, podLabels, podTemplateOf } from "../workload";
import { finding, type RuleContext } from "./context";

function selectedWorkloads(ctx: RuleContext, svc: ManifestObject, selector: Record<string, string>) {
  return ctx.objects.filter((o) => {
    if (o.kind === "Service" || nsOf(o) !== nsOf(svc)) return false;
    const tpl = podTemplateOf(o);
    if (!tpl) return false;
    const labels = podLabels(tpl);
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
}

export function serviceRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const svc of ctx.objects) {
    if (svc.kind !== "Service" || !isObject(svc.body.spec)) continue;
    const spec = svc.body.spec;
    if (spec.type === "ExternalName" || !isObject(spec.selector) || Object.keys(spec.selector).length === 0) continue;
    const selector: Record<string, string> = {};
    for (const [k, v] of Object.entries(spec.selector)) selector[k] = String(v);
    const shown = Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    const workloads = selectedWorkloads(ctx, svc, selector);
    if (workloads.length === 0) {
      const sameNs = ctx.objects.filter((o) => podTemplateOf(o) && nsOf(o) === nsOf(svc));
      const labelsSeen = sameNs.map((o) => `${o.kind}/${o.name} has ${JSON.stringify(podLabels(podTemplateOf(o)!))}`);
      out.push(
        finding(
          "K8S010",
          "error",
          svc,
          `selector {${shown}} matches the pod labels of no Deployment (or other workload) in namespace ${nsOf(svc)}, so the Service has no endpoints.${labelsSeen.length ? ` ${labelsSeen.join("; ")}.` : ""}`,
          "Make spec.selector equal to (a subset of) the Deployment's spec.template.metadata.labels, and keep both in the same namespace.",
          "/spec/selector",
        ),
      );
      continue;
    }
    // Ports the selected pods declare, by number and by name.
    const numbers = new Set<number>();
    const names = new Set<string>();
    for (const w of workloads) {
      for (const { container } of containersOf(podTemplateOf(w)!.spec, false)) {
        for (const p of Array.isArray(container.ports) ? container.ports : []) {
          if (!isObject(p)) continue;
          if (typeof p.containerPort === "number") numbers.add(p.containerPort);
          if (typeof p.name === "string") names.add(p.name);
        }
      }
    }
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    ports.forEach((raw, i) => {
      if (!isObject(raw)) return;
      const port = raw as JsonObject;
      const target = port.targetPort ?? port.port;
      const pods = workloads.map((w) => `${w.kind}/${w.name}`).join(", ");
      const declared = `${[...numbers].join(", ") || "none"}${names.size ? ` (named: ${[...names].join(", ")})` : ""}`;
      if (typeof target === "string" && !/^\d+$/.test(target) && !names.has(target)) {
        out.push(
          finding(
            "K8S011",
            "error",
            svc,
            `port ${JSON.stringify(port.name ?? port.port)} has targetPort "${target}", but no container of ${pods} has a port named "${target}" (declared ports: ${declared}).`,
            `Name the container port (\`ports: [{name: ${target}, containerPort: ...}]\`) or set targetPort to the containerPort number.`,
            `/spec/ports/${i}/targetPort`,
          ),
        );
      } else if (typeof target === "number" || (typeof target === "string" && /^\d+$/.test(target))) {
        const n = Number(target);
        if (!numbers.has(n)) {
          out.push(
            finding(
              "K8S011",
              "error",
              svc,
              `port ${JSON.stringify(port.name ?? port.port)} sends traffic to targetPort ${n}, but the containers of ${pods} declare containerPort ${declared}.`,
              `Set targetPort to the port the app listens on (${[...numbers][0] ?? "its containerPort"}), or fix the container's containerPort.`,
              `/spec/ports/${i}/targetPort`,
            ),
          );
        }
      }
    });
  }
  return out;
}
