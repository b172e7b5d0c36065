// K8S050-K8S053: a HorizontalPodAutoscaler must point at a real Deployment, must be able to compute utilisation
// (Utilization targets are a percentage of the containers' requests, so every container needs that request),
// and its bounds must make sense.
import { type Finding, isObject, type ManifestObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import { finding, lookup, type RuleContext } from "./context";

/** Resource names the HPA computes as a percentage of requests: autoscaling/v2 metrics or v1's cpu field. */
function utilisationResources(hpa: ManifestObject): string[] {
  const spec = isObject(hpa.body.spec) ? hpa.body.spec : {};
  const out: string[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === "number") out.push("cpu");
  for (const m of Array.isArray(spec.metrics) ? spec.metrics : []) {
    if (!isObject(m)) continue;
    const src = m.type === "Resource" ? m.resource : m.type === "ContainerResource" ? m.containerResource : undefined;
    if (!isObject(src) || typeof src.name !== "string") continue;
    const target = isObject(src.target) ? src.target : {};
    // v2 says target.type: Utilization; the v2beta2 shape had targetAverageUtilization.
    if (target.type === "Utilization" || typeof src.targetAverageUtilization === "number") out.push(src.name);
  }
  return [...new Set(out)];
}

export function hpaRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const hpa of ctx.objects) {
    if (hpa.kind !== "HorizontalPodAutoscaler" || !isObject(hpa.body.spec)) continue;
    const spec = hpa.body.spec;
    const min = typeof spec.minReplicas === "number" ? spec.minReplicas : 1;
    const max = typeof spec.maxReplicas === "number" ? spec.maxReplicas : undefined;
    if (max !== undefined && min > max) {
      out.push(
        finding(
          "K8S052",
          "error",
          hpa,
          `minReplicas ${min} is greater than maxReplicas ${max}.`,
          "Make minReplicas <= maxReplicas (and minReplicas >= 2 for a service that must survive a node loss).",
          "/spec/minReplicas",
        ),
      );
    }
    const ref = isObject(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
    const kind = typeof ref.kind === "string" ? ref.kind : "";
    const name = typeof ref.name === "string" ? ref.name : "";
    const target = kind && name ? lookup(ctx, kind, name, hpa) : undefined;
    if (target === undefined) {
      const deployments = ctx.objects.filter((o) => o.kind === "Deployment").map((o) => o.name);
      out.push(
        finding(
          "K8S050",
          "error",
          hpa,
          `scaleTargetRef ${kind || "?"}/${name || "?"} is not in this set${deployments.length ? ` (Deployments here: ${deployments.join(", ")})` : ""}; the HPA would scale nothing.`,
          "Point scaleTargetRef at the Deployment: `{apiVersion: apps/v1, kind: Deployment, name: <its metadata.name>}`.",
          "/spec/scaleTargetRef",
        ),
      );
      continue;
    }
    if (target === "external") continue;
    const tpl = podTemplateOf(target);
    if (!tpl) continue;
    for (const resource of utilisationResources(hpa)) {
      const lacking = containersOf(tpl.spec, false).filter(({ container }) => {
        const res = isObject(container.resources) ? container.resources : {};
        const req = isObject(res.requests) ? res.requests : {};
        return req[resource] === undefined || req[resource] === null;
      });
      if (lacking.length > 0) {
        out.push(
          finding(
            "K8S051",
            "error",
            hpa,
            `scales on ${resource} utilisation, but container(s) ${lacking.map((c) => `"${c.name}"`).join(", ")} of ${target.kind}/${target.name} have no resources.requests.${resource}; utilisation is a percentage of the request, so the HPA reports <unknown> and never scales.`,
            `Set resources.requests.${resource} on every container of ${target.kind}/${target.name}.`,
            "/spec/metrics",
          ),
        );
      }
    }
    if (isObject(target.body.spec) && typeof target.body.spec.replicas === "number") {
      out.push(
        finding(
          "K8S053",
          "info",
          target,
          `sets spec.replicas while HorizontalPodAutoscaler/${hpa.name} manages it: every \`kubectl apply\` resets the replica count the HPA chose.`,
          "Remove spec.replicas from the Deployment when an HPA scales it (the HPA's minReplicas takes its place).",
          "/spec/replicas",
        ),
      );
    }
  }
  return out;
}
