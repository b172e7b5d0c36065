// The kubectl commands and flags the course uses, and the resource type spellings kubectl treats as the same
// (`deploy`, `deployments.apps` and `deployment`).
import { type CommandSpec, type FlagSpec, f } from "./spec";

export const K_GLOBAL: FlagSpec[] = [
  f("namespace", "n", "required"),
  f("context", undefined, "required"),
  f("kubeconfig", undefined, "required"),
  f("request-timeout", undefined, "required"),
];
const selector = f("selector", "l", "required");
const output = f("output", "o", "required");
const filename = f("filename", "f", "required", { set: true, normalize: (v) => v.replace(/^\.\//, "") });
const dryRun = f("dry-run", undefined, "optional", { bare: "client" });

/** Long-only flags that each take a value. */
const valueFlags = (...names: string[]) => names.map((name) => f(name, undefined, "required"));

/** Where kubectl create secret generic / create configmap take their data from, and their output flags. */
const FROM_SOURCES = [
  f("from-literal", undefined, "required", { set: true }),
  f("from-file", undefined, "required", { set: true }),
  f("from-env-file", undefined, "required"),
  dryRun,
  output,
];

export const KUBECTL: Record<string, CommandSpec> = {
  get: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [
      output,
      selector,
      f("watch", "w"),
      f("all-namespaces", "A"),
      f("show-labels"),
      f("field-selector", undefined, "required"),
      f("sort-by", undefined, "required"),
      filename,
    ],
  },
  describe: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [selector, f("all-namespaces", "A"), filename],
  },
  logs: {
    positionals: "pod-first",
    containerPositional: true,
    flags: [
      f("follow", "f"),
      f("previous", "p"),
      f("container", "c", "required"),
      f("tail", undefined, "required"),
      f("since", undefined, "required"),
      f("timestamps"),
      f("all-containers"),
      f("prefix"),
      selector,
    ],
  },
  apply: {
    positionals: "plain",
    flags: [
      filename,
      f("kustomize", "k", "required"),
      dryRun,
      f("server-side"),
      f("recursive", "R"),
      selector,
      f("prune"),
    ],
  },
  delete: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [
      filename,
      f("kustomize", "k", "required"),
      selector,
      f("grace-period", undefined, "required"),
      f("force"),
      f("wait", undefined, "optional", { bare: "true" }),
      f("all"),
    ],
  },
  scale: {
    positionals: "resources",
    flags: [f("replicas", undefined, "required"), f("current-replicas", undefined, "required"), filename],
  },
  "rollout status": {
    positionals: "resources",
    flags: [
      f("watch", "w", "optional", { bare: "true" }),
      f("timeout", undefined, "required"),
      f("revision", undefined, "required"),
    ],
  },
  "rollout undo": { positionals: "resources", flags: [f("to-revision", undefined, "required"), dryRun] },
  "rollout history": { positionals: "resources", flags: [f("revision", undefined, "required"), output] },
  "rollout restart": { positionals: "resources", flags: [selector] },
  "rollout pause": { positionals: "resources", flags: [] },
  "rollout resume": { positionals: "resources", flags: [] },
  "port-forward": {
    positionals: "pod-first",
    flags: [f("address", undefined, "required"), f("pod-running-timeout", undefined, "required")],
  },
  exec: { positionals: "pod-first", flags: [f("stdin", "i"), f("tty", "t"), f("container", "c", "required")] },
  "top pod": {
    positionals: "plain",
    flags: [f("containers"), selector, f("all-namespaces", "A"), f("sort-by", undefined, "required")],
  },
  "top node": { positionals: "plain", flags: [selector, f("sort-by", undefined, "required")] },
  "set image": { positionals: "resources", flags: [selector, f("all")] },
  autoscale: {
    positionals: "resources",
    flags: valueFlags("min", "max", "cpu-percent", "name"),
  },
  expose: {
    positionals: "resources",
    flags: valueFlags("port", "target-port", "type", "name"),
  },
  "create secret generic": { positionals: "plain", flags: [...FROM_SOURCES, f("type", undefined, "required")] },
  "create configmap": { positionals: "plain", flags: FROM_SOURCES },
  "create namespace": { positionals: "plain", flags: [dryRun, output] },
  "create deployment": {
    positionals: "plain",
    flags: [
      f("image", undefined, "required", { set: true }),
      f("replicas", "r", "required"),
      f("port", undefined, "required"),
      dryRun,
      output,
    ],
  },
  events: {
    positionals: "plain",
    flags: [
      f("for", undefined, "required"),
      f("types", undefined, "required"),
      f("watch", "w"),
      f("all-namespaces", "A"),
      output,
    ],
  },
  "config use-context": { positionals: "plain", flags: [] },
  "config current-context": { positionals: "plain", flags: [] },
  "config get-contexts": { positionals: "plain", flags: [f("output", "o", "required")] },
  "cluster-info": { positionals: "plain", flags: [] },
  "api-resources": { positionals: "plain", flags: [f("namespaced", undefined, "optional", { bare: "true" }), output] },
  explain: { positionals: "plain", flags: [f("recursive")] },
  run: {
    positionals: "plain",
    flags: [
      f("image", undefined, "required"),
      f("rm"),
      f("stdin", "i"),
      f("tty", "t"),
      f("restart", undefined, "required"),
      f("port", undefined, "required"),
      f("env", undefined, "required", { set: true }),
      f("command"),
    ],
  },
  label: { positionals: "resources", flags: [f("overwrite")] },
  annotate: { positionals: "resources", flags: [f("overwrite")] },
  edit: { positionals: "resources", flags: [] },
};

export const KUBECTL_ALIASES: Record<string, string> = {
  "top pods": "top pod",
  "top po": "top pod",
  "top nodes": "top node",
  "top no": "top node",
  "create cm": "create configmap",
  "create ns": "create namespace",
  "create deploy": "create deployment",
};

/** kubectl's resource types, one a line: the canonical singular name, then the short names and plurals kubectl accepts. */
const RESOURCE_NAMES = `
  pod po pods
  deployment deploy deployments
  service svc services
  replicaset rs replicasets
  configmap cm configmaps
  secret secrets
  namespace ns namespaces
  node no nodes
  horizontalpodautoscaler hpa horizontalpodautoscalers
  endpoints ep
  endpointslice endpointslices
  ingress ing ingresses
  statefulset sts statefulsets
  daemonset ds daemonsets
  job jobs
  cronjob cj cronjobs
  persistentvolumeclaim pvc persistentvolumeclaims
  event ev events
  serviceaccount sa serviceaccounts
  all
`;
const RESOURCE_ALIAS = new Map<string, string>();
for (const line of RESOURCE_NAMES.trim().split("\n")) {
  const [canon, ...aliases] = line.trim().split(/\s+/);
  for (const a of [canon, ...aliases]) RESOURCE_ALIAS.set(a, canon);
}

/** "deploy" -> "deployment", "deployments.apps" -> "deployment", "pods" -> "pod"; unknown types stay as written. */
export function canonicalResource(type: string): string {
  const lower = type.toLowerCase();
  const base = lower.split(".")[0];
  return RESOURCE_ALIAS.get(lower) ?? RESOURCE_ALIAS.get(base) ?? lower;
}
