// The objects a kustomization renders, and the edits every step shares: keeping name/namespace in step with the
// body, renaming with references following, and kustomize's name hash for generated ConfigMaps and Secrets.
import { createHash } from "node:crypto";
import { isObject, type Json, type JsonObject, type ManifestObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";

export interface Item {
  obj: ManifestObject;
  /** Set on ConfigMaps/Secrets made by a generator that still need their hash suffix. */
  hash?: boolean;
  /** Names the object had before a namePrefix/nameSuffix renamed it: `replicas` matches any of them, as kustomize's does. */
  previousNames?: string[];
}

export const CLUSTER_SCOPED = new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "IngressClass",
]);

export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Copy metadata.name / metadata.namespace back onto the object's summary fields after an edit of its body. */
export function sync(o: ManifestObject): ManifestObject {
  const meta = isObject(o.body.metadata) ? o.body.metadata : {};
  o.name = typeof meta.name === "string" ? meta.name : o.name;
  o.namespace = typeof meta.namespace === "string" ? meta.namespace : undefined;
  return o;
}

export function metadata(o: ManifestObject): JsonObject {
  if (!isObject(o.body.metadata)) o.body.metadata = {};
  return o.body.metadata as JsonObject;
}

/** Merge `extra` into the mapping at `path`, creating the mappings on the way. */
export function setIn(obj: JsonObject, path: string[], extra: Record<string, string>) {
  let cur = obj;
  for (const k of path) {
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k] as JsonObject;
  }
  Object.assign(cur, extra);
}

export function valueAtPath(body: JsonObject, pointer: string): Json | undefined {
  let cur: Json | undefined = body;
  for (const key of pointer.split("/").slice(1)) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}

type Fix = (holder: Json | undefined, key: string, kind: string) => void;

/** Names a pod template refers to: service account, ConfigMaps and Secrets (env, envFrom, volumes), PVCs. */
function fixPodReferences(spec: JsonObject, fix: Fix) {
  fix(spec, "serviceAccountName", "ServiceAccount");
  for (const { container } of containersOf(spec)) {
    for (const e of Array.isArray(container.envFrom) ? container.envFrom : []) {
      if (!isObject(e)) continue;
      fix(e.configMapRef, "name", "ConfigMap");
      fix(e.secretRef, "name", "Secret");
    }
    for (const e of Array.isArray(container.env) ? container.env : []) {
      if (!isObject(e) || !isObject(e.valueFrom)) continue;
      fix(e.valueFrom.configMapKeyRef, "name", "ConfigMap");
      fix(e.valueFrom.secretKeyRef, "name", "Secret");
    }
  }
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (!isObject(v)) continue;
    fix(v.configMap, "name", "ConfigMap");
    fix(v.secret, "secretName", "Secret");
    fix(v.persistentVolumeClaim, "claimName", "PersistentVolumeClaim");
    const sources = isObject(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
    for (const s of sources) {
      if (!isObject(s)) continue;
      fix(s.configMap, "name", "ConfigMap");
      fix(s.secret, "name", "Secret");
    }
  }
}

/** Names an HPA (scaleTargetRef) or an Ingress (backends' services) refers to. */
function fixSpecReferences(o: ManifestObject, spec: JsonObject, fix: Fix) {
  if (o.kind === "HorizontalPodAutoscaler" && isObject(spec.scaleTargetRef)) {
    const t = spec.scaleTargetRef;
    if (typeof t.kind === "string") fix(t, "name", t.kind);
  }
  if (o.kind !== "Ingress") return;
  const backends: Json[] = [];
  if (isObject(spec.defaultBackend)) backends.push(spec.defaultBackend);
  for (const r of Array.isArray(spec.rules) ? spec.rules : []) {
    const paths = isObject(r) && isObject(r.http) && Array.isArray(r.http.paths) ? r.http.paths : [];
    for (const p of paths) if (isObject(p) && isObject(p.backend)) backends.push(p.backend);
  }
  for (const b of backends) if (isObject(b)) fix(b.service, "name", "Service");
}

/** Rewrite names that refer to renamed objects. `renamed` maps "Kind/namespace/old" -> new name. */
function rewriteReferences(items: Item[], renamed: Map<string, string>) {
  for (const { obj: o } of items) {
    const fix: Fix = (holder, key, kind) => {
      if (!isObject(holder) || typeof holder[key] !== "string") return;
      const n = renamed.get(`${kind}/${o.namespace ?? ""}/${holder[key]}`);
      if (n) holder[key] = n;
    };
    const tpl = podTemplateOf(o);
    if (tpl) fixPodReferences(tpl.spec, fix);
    if (isObject(o.body.spec)) fixSpecReferences(o, o.body.spec, fix);
  }
}

/** Rename objects (undefined keeps the name); references to them in the other objects follow. */
export function rename(items: Item[], newName: (item: Item) => string | undefined) {
  const renamed = new Map<string, string>();
  for (const item of items) {
    const n = newName(item);
    if (!n || n === item.obj.name) continue;
    renamed.set(`${item.obj.kind}/${item.obj.namespace ?? ""}/${item.obj.name}`, n);
    item.previousNames = [...(item.previousNames ?? []), item.obj.name];
    metadata(item.obj).name = n;
    sync(item.obj);
  }
  rewriteReferences(items, renamed);
}

/** Go's json.Marshal of a map: keys sorted at every level, and <, >, & and U+2028/2029 escaped. */
function goJson(v: Json | undefined): string {
  const sorted = (x: Json | undefined): Json | undefined =>
    isObject(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, sorted(x[k]) as Json]),
        )
      : x;
  return JSON.stringify(sorted(v)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * kustomize's name hash (api/hasher): sha256 of the JSON of kind, type (Secrets), data, binaryData (when set) and
 * an empty name, the first 10 hex digits with 0, 1, 3, a, e swapped for g, h, k, m, t so the suffix never spells a
 * word. Byte-identical to kustomize's, so rendered names match `kubectl kustomize`.
 */
export function contentHash(o: ManifestObject): string {
  const b = o.body;
  const encoded: JsonObject = { kind: o.kind, name: "", data: b.data ?? {} };
  if (o.kind === "Secret") encoded.type = b.type ?? "";
  if (isObject(b.binaryData) && Object.keys(b.binaryData).length > 0) encoded.binaryData = b.binaryData;
  if (b.immutable === true) encoded.immutable = true;
  const hex = createHash("sha256").update(goJson(encoded)).digest("hex").slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ "0": "g", "1": "h", "3": "k", a: "m", e: "t" })[c] ?? c);
}

/** "registry:5000/app:1.2@sha256:..." -> name "registry:5000/app", tag "1.2", digest "sha256:...". */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split("@", 2);
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}
