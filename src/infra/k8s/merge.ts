// Strategic merge patch, the subset kustomize users rely on: maps merge recursively, scalars and most lists are
// replaced, `key: null` deletes a key, and lists of named things merge item by item on their merge key (containers
// by name, container ports by containerPort, ...). `$patch: replace|delete` on a map or list item is honoured.
import { isObject, type Json, type JsonObject } from "./types";

/** Merge keys of the lists Kubernetes merges item-wise (from the API types' patchMergeKey tags). */
const MERGE_KEYS: Record<string, string[]> = {
  containers: ["name"],
  initContainers: ["name"],
  ephemeralContainers: ["name"],
  volumes: ["name"],
  volumeMounts: ["mountPath"],
  env: ["name"],
  imagePullSecrets: ["name"],
  // Container ports merge on containerPort, Service ports on port: pick by what the items carry.
  ports: ["containerPort", "port"],
};

function mergeList(key: string, base: Json[], patch: Json[]): Json[] {
  const candidates = MERGE_KEYS[key];
  const objects = (l: Json[]) => l.every((x) => isObject(x));
  if (!candidates || !objects(base) || !objects(patch)) return patch.map(clean);
  const mk = candidates.find((k) => [...base, ...patch].some((x) => isObject(x) && x[k] !== undefined));
  if (!mk) return patch.map(clean);
  // kustomize prepends: the patch's items first, in the patch's order (merged into their base item when there is
  // one), then the base items the patch does not mention, in their order. `kubectl kustomize` renders the same.
  const keyOf = (x: Json) => (isObject(x) ? x[mk] : undefined);
  const mentioned = new Set((patch as JsonObject[]).map(keyOf));
  const out: Json[] = [];
  for (const item of patch as JsonObject[]) {
    if (item.$patch === "delete") continue;
    const existing = base.find((b) => keyOf(b) === item[mk]);
    out.push(existing === undefined ? clean(item) : strategicMerge(existing, item));
  }
  return [...out, ...base.filter((b) => !mentioned.has(keyOf(b)))];
}

/** Drop patch directives from a value that is inserted as-is. */
function clean(v: Json): Json {
  if (Array.isArray(v)) return v.map(clean);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith("$") && x !== null) out[k] = clean(x);
  return out;
}

/** base patched by patch; neither input is modified. */
export function strategicMerge(base: Json, patch: Json): Json {
  if (!isObject(patch)) return clean(patch);
  if (patch.$patch === "replace" || !isObject(base)) return clean(patch);
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$")) continue; // $patch, $retainKeys, $setElementOrder/...: directives, not data
    if (v === null) delete out[k];
    else if (isObject(v) && v.$patch === "delete") delete out[k];
    else if (Array.isArray(v) && Array.isArray(out[k])) out[k] = mergeList(k, out[k] as Json[], v);
    else if (isObject(v) && isObject(out[k])) out[k] = strategicMerge(out[k], v);
    else out[k] = clean(v);
  }
  return out;
}
