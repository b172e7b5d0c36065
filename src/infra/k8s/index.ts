// Kubernetes manifest checks: parse, schema-validate, review rules and a small offline kustomize.
// Notebooks must name this file, `import { checkManifests } from "./src/infra/k8s/index"` (tslab resolves files only).

export {
  CommandParseError,
  type CompareOptions,
  canonicalResource,
  commandDifferences,
  formatCommand,
  type ParsedCommand,
  parseCommand,
  sameCommand,
} from "../commands/index";
export { type CheckOptions, checkKustomization, checkManifests, formatFindings, summarize } from "./check";
export { applyJsonPatch, JsonPatchError, type JsonPatchOp } from "./json-patch";
export { type KustomizeResult, loadKustomization, splitImage } from "./kustomize";
export { strategicMerge } from "./merge";
export { type ParseResult, parseManifests } from "./parse";
export { RULES, type RuleInfo, runRules } from "./rules/index";
export { PREFERRED_API_VERSION, validateSchemas } from "./schema";
export type { Finding, Json, JsonObject, ManifestObject, Severity } from "./types";
export { containersOf, podTemplateOf } from "./workload";
