// K8S030-K8S033: the "restricted" Pod Security Standard, the baseline a production cluster enforces.
// runAsNonRoot may be set for the whole pod (spec.securityContext) and overridden per container; the other three
// exist only on the container's securityContext, so they must be set on every container.
import { type Finding, isObject, type JsonObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import { finding, type RuleContext } from "./context";

export function securityRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const o of ctx.objects) {
    const tpl = podTemplateOf(o);
    if (!tpl) continue;
    const podSc: JsonObject = isObject(tpl.spec.securityContext) ? tpl.spec.securityContext : {};
    for (const { container, name, field, index } of containersOf(tpl.spec)) {
      const at = `${tpl.path}/spec/${field}/${index}/securityContext`;
      const sc: JsonObject = isObject(container.securityContext) ? container.securityContext : {};
      const what = `${field === "initContainers" ? "init container" : "container"} "${name}"`;
      const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const user = sc.runAsUser ?? podSc.runAsUser;
      if (nonRoot !== true || user === 0) {
        out.push(
          finding(
            "K8S030",
            "warning",
            o,
            user === 0
              ? `${what} runs as UID 0 (root).`
              : `${what} may run as root: runAsNonRoot is not true on the container or the pod.`,
            "Set `securityContext: {runAsNonRoot: true, runAsUser: 10001}` on the pod (spec.template.spec) and build the image with a non-root USER.",
            `${at}/runAsNonRoot`,
          ),
        );
      }
      if (sc.readOnlyRootFilesystem !== true) {
        out.push(
          finding(
            "K8S031",
            "warning",
            o,
            `${what} has a writable root filesystem (readOnlyRootFilesystem is not true), so an attacker can modify the image at runtime.`,
            "Set `readOnlyRootFilesystem: true` in the container's securityContext and mount an emptyDir at paths that must be writable (e.g. /tmp).",
            `${at}/readOnlyRootFilesystem`,
          ),
        );
      }
      if (sc.allowPrivilegeEscalation !== false || sc.privileged === true) {
        out.push(
          finding(
            "K8S032",
            "warning",
            o,
            sc.privileged === true
              ? `${what} is privileged: it has full access to the node.`
              : `${what} does not set allowPrivilegeEscalation: false, so setuid binaries can gain root.`,
            "Set `allowPrivilegeEscalation: false` (and never `privileged: true`) in the container's securityContext.",
            `${at}/allowPrivilegeEscalation`,
          ),
        );
      }
      const caps = isObject(sc.capabilities) ? sc.capabilities : {};
      const drop = Array.isArray(caps.drop) ? caps.drop.map(String) : [];
      if (!drop.includes("ALL")) {
        out.push(
          finding(
            "K8S033",
            "warning",
            o,
            `${what} keeps the default Linux capabilities (capabilities.drop does not include ALL).`,
            'Set `capabilities: {drop: ["ALL"]}` in the container\'s securityContext; add back only what is needed (e.g. NET_BIND_SERVICE).',
            `${at}/capabilities/drop`,
          ),
        );
      }
    }
  }
  return out;
}
