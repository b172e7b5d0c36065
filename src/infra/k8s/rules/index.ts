// The rule catalogue (ids are stable: exercises and CI refer to them) and the runner for the semantic rules.
import { type RuleInfo, ruleTable } from "../../findings";
import type { Finding, ManifestObject } from "../types";
import { containerRules } from "./containers";
import type { RuleContext } from "./context";
import { hpaRules } from "./hpa";
import { referenceRules } from "./references";
import { securityRules } from "./security";
import { serviceRules } from "./services";

export type { RuleInfo };

/** Every finding id the checker can produce, with its default severity. */
export const RULES: RuleInfo[] = ruleTable(`
  K8S001  error    YAML syntax error (bad indentation, tab, unterminated quote, duplicate key)
  K8S002  error    Document is not a Kubernetes object (a list/scalar, or no apiVersion/kind/metadata.name)
  K8S003  error    Schema violation against the Kubernetes OpenAPI schema (kubernetes-models)
  K8S004  error    apiVersion removed from Kubernetes, or kind not served by that apiVersion
  K8S005  info     Kind without a built-in schema (custom resource): not schema-checked
  K8S006  error    API-server validation beyond the schema: DNS-1123 name, container image, selector vs template labels
  K8S009  info     Schema validation unavailable (kubernetes-models not loadable)
  K8S010  error    Service selector matches no workload's pod template labels in its namespace
  K8S011  error    Service targetPort (number or name) matches no containerPort of the selected pods
  K8S020  warning  Container without readinessProbe
  K8S021  warning  Container without livenessProbe
  K8S022  warning  Container without resources.requests cpu and memory
  K8S023  warning  Container without resources.limits cpu and memory
  K8S030  warning  runAsNonRoot not true (pod or container), or runAsUser 0
  K8S031  warning  readOnlyRootFilesystem not true (container)
  K8S032  warning  allowPrivilegeEscalation not false, or privileged (container)
  K8S033  warning  capabilities.drop does not include ALL (container)
  K8S040  error    Referenced ConfigMap (or one of its keys) missing from the set
  K8S041  error    Referenced Secret (or one of its keys) missing from the set
  K8S042  error    Secret-looking key or value in a ConfigMap
  K8S050  error    HPA scaleTargetRef names no object in the set
  K8S051  error    HPA scales on cpu/memory utilisation but target containers lack that request
  K8S052  error    HPA minReplicas > maxReplicas
  K8S053  info     Deployment sets spec.replicas while an HPA manages it
  K8S060  error    kustomize layout: missing file or folder, cycle, patch matching nothing or failing, file outside the folder
  K8S061  warning  kustomize feature this checker does not support (ignored, not guessed)
`);

/** Run all semantic rules over one object set. */
export function runRules(objects: ManifestObject[], existing: Iterable<string> = []): Finding[] {
  const ctx: RuleContext = { objects, existing: new Set(existing) };
  return [
    ...serviceRules(ctx),
    ...containerRules(ctx),
    ...securityRules(ctx),
    ...referenceRules(ctx),
    ...hpaRules(ctx),
  ];
}
