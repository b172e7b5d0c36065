// The rule catalogue (ids are stable: exercises and CI refer to them) and the runner for the semantic rules.
import type { Finding, ManifestObject, Severity } from "../types";
import { containerRules } from "./containers";
import type { RuleContext } from "./context";
import { hpaRules } from "./hpa";
import { referenceRules } from "./references";
import { securityRules } from "./security";
import { serviceRules } from "./services";

export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
}

/** Every finding id the checker can produce, with its default severity. */
export const RULES: RuleInfo[] = [
  {
    id: "K8S001",
    severity: "error",
    title: "YAML syntax error (bad indentation, tab, unterminated quote, duplicate key)",
  },
  {
    id: "K8S002",
    severity: "error",
    title: "Document is not a Kubernetes object (a list/scalar, or no apiVersion/kind/metadata.name)",
  },
  {
    id: "K8S003",
    severity: "error",
    title: "Schema violation against the Kubernetes OpenAPI schema (kubernetes-models)",
  },
  {
    id: "K8S004",
    severity: "error",
    title: "apiVersion removed from Kubernetes, or kind not served by that apiVersion",
  },
  { id: "K8S005", severity: "info", title: "Kind without a built-in schema (custom resource): not schema-checked" },
  {
    id: "K8S006",
    severity: "error",
    title: "API-server validation beyond the schema: DNS-1123 name, container image, selector vs template labels",
  },
  { id: "K8S009", severity: "info", title: "Schema validation unavailable (kubernetes-models not loadable)" },
  {
    id: "K8S010",
    severity: "error",
    title: "Service selector matches no workload's pod template labels in its namespace",
  },
  {
    id: "K8S011",
    severity: "error",
    title: "Service targetPort (number or name) matches no containerPort of the selected pods",
  },
  { id: "K8S020", severity: "warning", title: "Container without readinessProbe" },
  { id: "K8S021", severity: "warning", title: "Container without livenessProbe" },
  { id: "K8S022", severity: "warning", title: "Container without resources.requests cpu and memory" },
  { id: "K8S023", severity: "warning", title: "Container without resources.limits cpu and memory" },
  { id: "K8S030", severity: "warning", title: "runAsNonRoot not true (pod or container), or runAsUser 0" },
  { id: "K8S031", severity: "warning", title: "readOnlyRootFilesystem not true (container)" },
  { id: "K8S032", severity: "warning", title: "allowPrivilegeEscalation not false, or privileged (container)" },
  { id: "K8S033", severity: "warning", title: "capabilities.drop does not include ALL (container)" },
  { id: "K8S040", severity: "error", title: "Referenced ConfigMap (or one of its keys) missing from the set" },
  { id: "K8S041", severity: "error", title: "Referenced Secret (or one of its keys) missing from the set" },
  { id: "K8S042", severity: "error", title: "Secret-looking key or value in a ConfigMap" },
  { id: "K8S050", severity: "error", title: "HPA scaleTargetRef names no object in the set" },
  {
    id: "K8S051",
    severity: "error",
    title: "HPA scales on cpu/memory utilisation but target containers lack that request",
  },
  { id: "K8S052", severity: "error", title: "HPA minReplicas > maxReplicas" },
  { id: "K8S053", severity: "info", title: "Deployment sets spec.replicas while an HPA manages it" },
  {
    id: "K8S060",
    severity: "error",
    title:
      "kustomize layout: missing file or folder, cycle, patch matching nothing or failing, file outside the folder",
  },
  {
    id: "K8S061",
    severity: "warning",
    title: "kustomize feature this checker does not support (ignored, not guessed)",
  },
];

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
