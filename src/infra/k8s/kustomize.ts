// A small, dependency-free kustomize: enough to render a base plus dev/prod overlays offline so the same checks
// run on what `kubectl apply -k` would send. Supported (per kustomization.yaml):
//   resources (files, and folders holding a kustomization; `bases` too), namespace, namePrefix, nameSuffix,
//   commonLabels (metadata + selectors + pod templates), labels (pairs, includeSelectors, includeTemplates),
//   commonAnnotations, images (newName/newTag/digest), replicas, configMapGenerator and secretGenerator
//   (literals, files, envs; behavior create/merge/replace; the name hash suffix unless disableNameSuffixHash),
//   patchesStrategicMerge (files or inline), patches (strategic-merge, or JSON6902 op lists that need a target,
//   from a file or inline; target by kind/name/namespace, exact or regex name), patchesJson6902.
// Like kustomize's default load restrictor, a FILE outside the kustomization's folder is refused (K8S060): reuse
// another folder by listing the folder (its kustomization), never its files.
// Renames (prefix/suffix/hash) are propagated to references: ConfigMap/Secret refs in pod specs, HPA
// scaleTargetRef, Ingress backends, serviceAccountName, PVC claims.
// `replicas` finds an object by its name before or after this layer's prefix/suffix, as kustomize does.
// Not supported (reported as K8S061 warnings, never silently): remote resources (URLs), components,
// replacements/vars, helmCharts, crds, openapi, transformers/generators plugins, labelSelector targets. Our hash
// suffix is deterministic but not byte-identical to kustomize's. Build order follows kustomize: resources ->
// generators -> patches -> namespace -> prefix/suffix -> labels -> annotations -> replicas -> images, and the hash
// suffix last at the top level.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { LineCounter, parseAllDocuments, parseDocument } from "yaml";
import { applyJsonPatch } from "./json-patch";
import { strategicMerge } from "./merge";
import { parseManifests } from "./parse";
import { type Finding, isObject, type Json, type JsonObject, type ManifestObject } from "./types";
import { containersOf, podTemplateOf } from "./workload";

export interface KustomizeResult {
  /** The rendered objects, each keeping the file and line it came from. */
  objects: ManifestObject[];
  /** K8S001/K8S002 from the YAML files, K8S060 (broken layout), K8S061 (unsupported feature, ignored). */
  errors: Finding[];
}

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const SUPPORTED = new Set([
  "apiVersion",
  "kind",
  "metadata",
  "resources",
  "bases",
  "namespace",
  "namePrefix",
  "nameSuffix",
  "commonLabels",
  "labels",
  "commonAnnotations",
  "images",
  "replicas",
  "configMapGenerator",
  "secretGenerator",
  "generatorOptions",
  "patchesStrategicMerge",
  "patchesJson6902",
  "patches",
]);

interface Item {
  obj: ManifestObject;
  /** Set on ConfigMaps/Secrets made by a generator that still need their hash suffix. */
  hash?: boolean;
  /** Names the object had before a namePrefix/nameSuffix renamed it: `replicas` matches any of them, as kustomize's does. */
  previousNames?: string[];
}

interface Ctx {
  root: string;
  errors: Finding[];
}

function rel(ctx: Ctx, p: string): string {
  return relative(ctx.root, p) || basename(p);
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function sync(o: ManifestObject): ManifestObject {
  const meta = isObject(o.body.metadata) ? o.body.metadata : {};
  o.name = typeof meta.name === "string" ? meta.name : o.name;
  o.namespace = typeof meta.namespace === "string" ? meta.namespace : undefined;
  return o;
}

function metadata(o: ManifestObject): JsonObject {
  if (!isObject(o.body.metadata)) o.body.metadata = {};
  return o.body.metadata as JsonObject;
}

function setIn(obj: JsonObject, path: string[], extra: Record<string, string>) {
  let cur = obj;
  for (const k of path) {
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k] as JsonObject;
  }
  Object.assign(cur, extra);
}

/** Rewrite names that refer to renamed objects. `renamed` maps "Kind/namespace/old" -> new name. */
function rewriteReferences(items: Item[], renamed: Map<string, string>) {
  const ns = (o: ManifestObject) => o.namespace ?? "";
  const map = (kind: string, o: ManifestObject, name: Json | undefined) =>
    typeof name === "string" ? renamed.get(`${kind}/${ns(o)}/${name}`) : undefined;
  const fix = (holder: Json | undefined, key: string, kind: string, o: ManifestObject) => {
    if (!isObject(holder)) return;
    const n = map(kind, o, holder[key]);
    if (n) holder[key] = n;
  };
  for (const { obj: o } of items) {
    const tpl = podTemplateOf(o);
    if (tpl) {
      fix(tpl.spec, "serviceAccountName", "ServiceAccount", o);
      for (const { container } of containersOf(tpl.spec)) {
        for (const e of Array.isArray(container.envFrom) ? container.envFrom : []) {
          if (!isObject(e)) continue;
          fix(e.configMapRef, "name", "ConfigMap", o);
          fix(e.secretRef, "name", "Secret", o);
        }
        for (const e of Array.isArray(container.env) ? container.env : []) {
          if (!isObject(e) || !isObject(e.valueFrom)) continue;
          fix(e.valueFrom.configMapKeyRef, "name", "ConfigMap", o);
          fix(e.valueFrom.secretKeyRef, "name", "Secret", o);
        }
      }
      for (const v of Array.isArray(tpl.spec.volumes) ? tpl.spec.volumes : []) {
        if (!isObject(v)) continue;
        fix(v.configMap, "name", "ConfigMap", o);
        fix(v.secret, "secretName", "Secret", o);
        fix(v.persistentVolumeClaim, "claimName", "PersistentVolumeClaim", o);
        const sources = isObject(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
        for (const s of sources) {
          if (!isObject(s)) continue;
          fix(s.configMap, "name", "ConfigMap", o);
          fix(s.secret, "name", "Secret", o);
        }
      }
    }
    const spec = isObject(o.body.spec) ? o.body.spec : undefined;
    if (o.kind === "HorizontalPodAutoscaler" && spec && isObject(spec.scaleTargetRef)) {
      const t = spec.scaleTargetRef;
      if (typeof t.kind === "string") fix(t, "name", t.kind, o);
    }
    if (o.kind === "Ingress" && spec) {
      const backends: Json[] = [];
      if (isObject(spec.defaultBackend)) backends.push(spec.defaultBackend);
      for (const r of Array.isArray(spec.rules) ? spec.rules : []) {
        const paths = isObject(r) && isObject(r.http) && Array.isArray(r.http.paths) ? r.http.paths : [];
        for (const p of paths) if (isObject(p) && isObject(p.backend)) backends.push(p.backend);
      }
      for (const b of backends) if (isObject(b)) fix(b.service, "name", "Service", o);
    }
  }
}

function rename(items: Item[], newName: (item: Item) => string | undefined) {
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

/** kustomize-style name hash: 10 characters from a sha256 of the content, with vowels-free letters. */
function contentHash(o: ManifestObject): string {
  const hex = createHash("sha256")
    .update(
      JSON.stringify({ kind: o.kind, name: o.name, data: o.body.data ?? {}, binaryData: o.body.binaryData ?? {} }),
    )
    .digest("hex")
    .slice(0, 10);
  return hex.replace(/0/g, "g").replace(/1/g, "h").replace(/3/g, "k").replace(/a/g, "t").replace(/e/g, "m");
}

function kustomizationFile(dir: string): string | undefined {
  return KUSTOMIZATION_FILES.map((f) => join(dir, f)).find((f) => existsSync(f));
}

function parseEnvLines(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const i = l.indexOf("=");
      return (i < 0 ? [l, ""] : [l.slice(0, i), l.slice(i + 1)]) as [string, string];
    });
}

function build(dir: string, ctx: Ctx, stack: string[]): Item[] {
  const abs = resolve(dir);
  const file = kustomizationFile(abs);
  const err = (line: number, message: string, fix: string, where = file ?? abs) =>
    ctx.errors.push({ rule: "K8S060", severity: "error", file: rel(ctx, where), line, message, fix });
  const warn = (line: number, message: string) =>
    ctx.errors.push({
      rule: "K8S061",
      severity: "warning",
      file: rel(ctx, file ?? abs),
      line,
      message,
      fix: "This checker ignores it; verify the result with `kubectl kustomize` or simplify the kustomization.",
    });
  if (stack.includes(abs)) {
    const cycle = [...stack.slice(stack.indexOf(abs)), abs].map((d) => rel(ctx, d) || ".").join(" -> ");
    err(
      1,
      `Kustomization cycle: ${cycle}.`,
      "A base must never include (directly or indirectly) the overlay that uses it.",
    );
    return [];
  }
  if (!file) {
    err(
      1,
      `No kustomization.yaml in ${rel(ctx, abs) || "."}.`,
      "Add a kustomization.yaml listing the folder's resources.",
      abs,
    );
    return [];
  }
  const text = readFileSync(file, "utf8");
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      ctx.errors.push({
        rule: "K8S001",
        severity: "error",
        file: rel(ctx, file),
        line: e.linePos?.[0]?.line ?? 1,
        message: `YAML ${e.code}: ${e.message.split("\n")[0]}`,
        fix: "Fix the YAML syntax of the kustomization.",
      });
    }
    return [];
  }
  const k = doc.toJS() as unknown;
  if (!isObject(k)) {
    err(
      1,
      "kustomization.yaml is not a mapping.",
      "Start it with `apiVersion: kustomize.config.k8s.io/v1beta1` and `kind: Kustomization`.",
    );
    return [];
  }
  const lineOf = (...path: (string | number)[]): number => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : 1;
  };
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key))
      warn(lineOf(key), `kustomization field "${key}" is not supported by this checker and was ignored.`);
  }
  const list = (key: string): Json[] => (Array.isArray(k[key]) ? (k[key] as Json[]) : []);
  const inner = [...stack, abs];
  const outside = (path: string) => {
    const first = relative(abs, path).split(/[\\/]/)[0];
    return first === "..";
  };
  const restricted = (line: number, entry: string) =>
    err(
      line,
      `"${entry}" is a file outside this kustomization's folder; kustomize refuses it (load restrictor LoadRestrictionsRootOnly).`,
      "List the other folder itself (it needs its own kustomization.yaml), e.g. `resources: [../../base]`, or move the file here.",
    );

  // 1. resources (files and folders, recursively)
  const items: Item[] = [];
  for (const key of ["resources", "bases"]) {
    list(key).forEach((entry, i) => {
      if (typeof entry !== "string") return;
      if (/^[a-z]+:\/\/|^github\.com\//.test(entry) || entry.includes("?ref=")) {
        warn(lineOf(key, i), `remote resource "${entry}" is not supported and was skipped.`);
        return;
      }
      const target = resolve(abs, entry);
      if (!existsSync(target)) {
        err(
          lineOf(key, i),
          `${key} entry "${entry}" does not exist (looked for ${rel(ctx, target)}).`,
          "Fix the path; it is relative to the folder of this kustomization.yaml.",
        );
        return;
      }
      if (statSync(target).isDirectory()) {
        items.push(...build(target, ctx, inner));
      } else if (outside(target)) {
        restricted(lineOf(key, i), entry);
      } else {
        const parsed = parseManifests(readFileSync(target, "utf8"), rel(ctx, target));
        ctx.errors.push(...parsed.errors);
        items.push(...parsed.objects.map((obj) => ({ obj })));
      }
    });
  }

  // 2. generators
  const options = isObject(k.generatorOptions) ? k.generatorOptions : {};
  for (const [key, kind] of [
    ["configMapGenerator", "ConfigMap"],
    ["secretGenerator", "Secret"],
  ] as const) {
    list(key).forEach((g, i) => {
      if (!isObject(g) || typeof g.name !== "string") {
        err(lineOf(key, i), `${key} entry ${i + 1} has no name.`, "Give every generator entry a `name:`.");
        return;
      }
      const data: Record<string, string> = {};
      for (const lit of Array.isArray(g.literals) ? g.literals : []) {
        const [kk, ...rest] = String(lit).split("=");
        data[kk] = rest.join("=");
      }
      for (const f of Array.isArray(g.files) ? g.files : []) {
        const [kk, p] = String(f).includes("=") ? String(f).split("=", 2) : [basename(String(f)), String(f)];
        const path = resolve(abs, p);
        if (!existsSync(path)) err(lineOf(key, i), `${key} "${g.name}": file "${p}" does not exist.`, "Fix the path.");
        else if (outside(path)) restricted(lineOf(key, i), p);
        else data[kk] = readFileSync(path, "utf8");
      }
      for (const f of Array.isArray(g.envs) ? g.envs : g.env ? [g.env] : []) {
        const path = resolve(abs, String(f));
        if (!existsSync(path))
          err(lineOf(key, i), `${key} "${g.name}": env file "${f}" does not exist.`, "Fix the path.");
        else if (outside(path)) restricted(lineOf(key, i), String(f));
        else for (const [kk, v] of parseEnvLines(readFileSync(path, "utf8"))) data[kk] = v;
      }
      const encoded: JsonObject = {};
      for (const [kk, v] of Object.entries(data))
        encoded[kk] = kind === "Secret" ? Buffer.from(v).toString("base64") : v;
      const behavior = typeof g.behavior === "string" ? g.behavior : "create";
      const ns = typeof g.namespace === "string" ? g.namespace : undefined;
      if (behavior === "merge" || behavior === "replace") {
        const existing = items.find((it) => it.obj.kind === kind && it.obj.name === g.name);
        if (!existing) {
          err(
            lineOf(key, i),
            `${key} "${g.name}" has behavior ${behavior} but no ${kind} "${g.name}" comes from the resources.`,
            "Use behavior: create (the default), or fix the name to match the base's generator.",
          );
          return;
        }
        const old = isObject(existing.obj.body.data) ? existing.obj.body.data : {};
        existing.obj.body.data = behavior === "merge" ? { ...old, ...encoded } : encoded;
        return;
      }
      const gOpts = isObject(g.options) ? g.options : {};
      const body: JsonObject = {
        apiVersion: "v1",
        kind,
        metadata: ns ? { name: g.name, namespace: ns } : { name: g.name },
        ...(kind === "Secret" ? { type: typeof g.type === "string" ? g.type : "Opaque" } : {}),
        data: encoded,
      };
      const noHash = options.disableNameSuffixHash === true || gOpts.disableNameSuffixHash === true;
      items.push({
        obj: {
          docIndex: 0,
          line: lineOf(key, i),
          file: rel(ctx, file),
          apiVersion: "v1",
          kind,
          name: g.name,
          namespace: ns,
          body,
        },
        hash: !noHash,
      });
    });
  }

  // 3. patches
  const targetsOf = (kind?: string, name?: string, namespace?: string, regexName = false) => {
    const nameRe = regexName && name ? new RegExp(`^(?:${name})$`) : undefined;
    return items.filter(
      (it) =>
        (!kind || it.obj.kind === kind) &&
        (!name || (nameRe ? nameRe.test(it.obj.name) : it.obj.name === name)) &&
        (!namespace || it.obj.namespace === namespace),
    );
  };
  const noMatch = (line: number, source: string, kind?: string, name?: string) =>
    err(
      line,
      `${source} targets ${kind ?? "*"}/${name ?? "*"}, which is not among the resources of this kustomization (names before this layer's namePrefix).`,
      "Match the patch's kind and metadata.name to an object from `resources` exactly.",
    );
  const str = (v: Json | undefined) => (typeof v === "string" ? v : undefined);
  const applyOps = (ops: Json[], line: number, source: string, target: JsonObject | undefined) => {
    if (!target || (!str(target.kind) && !str(target.name))) {
      err(
        line,
        `${source} is a JSON6902 patch (a list of ops) without a target, so it applies to nothing.`,
        "Add `target: {kind: Service, name: forest-inference}` next to the patch.",
      );
      return;
    }
    const hits = targetsOf(str(target.kind), str(target.name), str(target.namespace), true);
    if (hits.length === 0) return noMatch(line, source, str(target.kind), str(target.name));
    for (const it of hits) {
      try {
        it.obj.body = applyJsonPatch(it.obj.body, ops) as JsonObject;
        sync(it.obj);
      } catch (e) {
        err(
          line,
          `${source} on ${it.obj.kind}/${it.obj.name}: ${(e as Error).message}.`,
          "Check each op's path against the object (paths start with /, list items by index, ~1 for a / in a key).",
        );
      }
    }
  };
  const applyPatch = (patch: Json, line: number, source: string, target?: JsonObject) => {
    if (Array.isArray(patch)) return applyOps(patch, line, source, target);
    if (!isObject(patch)) return;
    const meta = isObject(patch.metadata) ? patch.metadata : {};
    const kind = str(target?.kind) ?? str(patch.kind);
    const name = str(target?.name) ?? str(meta.name);
    const namespace = str(target?.namespace) ?? str(meta.namespace);
    const hits = targetsOf(kind, name, namespace, target !== undefined);
    if (hits.length === 0) return noMatch(line, source, kind, name);
    for (const it of hits) {
      // With an explicit target the patch's own metadata.name is a placeholder, so never rename through it.
      const p = target ? { ...patch, metadata: { ...meta, name: it.obj.name } } : patch;
      it.obj.body = strategicMerge(it.obj.body, p) as JsonObject;
      sync(it.obj);
    }
  };
  const patchDocs = (text: string, line: number, source: string, target?: JsonObject) => {
    const parsed = parseDocumentsLoose(text);
    if (parsed.error) err(line, `${source}: ${parsed.error}`, "Fix the patch's YAML.");
    for (const d of parsed.docs) applyPatch(d, line, source, target);
  };
  /** A patch file: it must exist and, like every file kustomize reads, sit inside this kustomization's folder. */
  const patchFile = (p: string, line: number): string | undefined => {
    const path = resolve(abs, p);
    if (!existsSync(path)) {
      err(line, `patch file "${p}" does not exist.`, "Fix the path (relative to this kustomization).");
      return undefined;
    }
    if (outside(path)) {
      restricted(line, p);
      return undefined;
    }
    return readFileSync(path, "utf8");
  };
  list("patchesStrategicMerge").forEach((p, i) => {
    if (typeof p !== "string") return;
    const line = lineOf("patchesStrategicMerge", i);
    if (!p.includes("\n") && !p.trim().startsWith("apiVersion")) {
      const text = patchFile(p, line);
      if (text !== undefined) patchDocs(text, line, `patch ${p}`);
    } else patchDocs(p, line, "inline patch");
  });
  const targeted = (key: string) => {
    list(key).forEach((p, i) => {
      if (!isObject(p)) return;
      const line = lineOf(key, i);
      const target = isObject(p.target) ? p.target : undefined;
      if (target?.labelSelector || target?.annotationSelector) {
        warn(line, "patch targets by labelSelector/annotationSelector are not supported; the patch was skipped.");
        return;
      }
      if (typeof p.path === "string") {
        const text = patchFile(p.path, line);
        if (text !== undefined) patchDocs(text, line, `patch ${p.path}`, target);
      } else if (typeof p.patch === "string") patchDocs(p.patch, line, "inline patch", target);
    });
  };
  targeted("patches");
  targeted("patchesJson6902");
  // 4. namespace
  if (typeof k.namespace === "string") {
    const namespace = k.namespace;
    for (const it of items) {
      if (CLUSTER_SCOPED.has(it.obj.kind)) continue;
      metadata(it.obj).namespace = namespace;
      sync(it.obj);
    }
  }
  // 5. namePrefix / nameSuffix
  const prefix = typeof k.namePrefix === "string" ? k.namePrefix : "";
  const suffix = typeof k.nameSuffix === "string" ? k.nameSuffix : "";
  if (prefix || suffix)
    rename(items, (it) => (it.obj.kind === "Namespace" ? undefined : `${prefix}${it.obj.name}${suffix}`));
  // 6. labels and annotations
  const stringMap = (v: Json | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    if (isObject(v)) for (const [kk, x] of Object.entries(v)) out[kk] = String(x);
    return out;
  };
  const labelSets: { pairs: Record<string, string>; selectors: boolean; templates: boolean }[] = [];
  if (isObject(k.commonLabels)) labelSets.push({ pairs: stringMap(k.commonLabels), selectors: true, templates: true });
  for (const l of list("labels")) {
    if (!isObject(l)) continue;
    const selectors = l.includeSelectors === true;
    labelSets.push({ pairs: stringMap(l.pairs), selectors, templates: selectors || l.includeTemplates === true });
  }
  for (const { pairs, selectors, templates } of labelSets) {
    for (const it of items) {
      setIn(it.obj.body, ["metadata", "labels"], pairs);
      const spec = isObject(it.obj.body.spec) ? it.obj.body.spec : undefined;
      const tpl = podTemplateOf(it.obj);
      if (templates && tpl && it.obj.kind !== "Pod") {
        const t = valueAtPath(it.obj.body, tpl.path) as JsonObject;
        setIn(t, ["metadata", "labels"], pairs);
      }
      if (selectors && spec) {
        if (it.obj.kind === "Service") setIn(spec, ["selector"], pairs);
        else if (["Deployment", "StatefulSet", "ReplicaSet", "DaemonSet"].includes(it.obj.kind))
          setIn(spec, ["selector", "matchLabels"], pairs);
      }
    }
  }
  if (isObject(k.commonAnnotations)) {
    const pairs = stringMap(k.commonAnnotations);
    for (const it of items) {
      setIn(it.obj.body, ["metadata", "annotations"], pairs);
      const tpl = podTemplateOf(it.obj);
      if (tpl && it.obj.kind !== "Pod")
        setIn(valueAtPath(it.obj.body, tpl.path) as JsonObject, ["metadata", "annotations"], pairs);
    }
  }
  // 7. replicas
  list("replicas").forEach((r, i) => {
    if (!isObject(r) || typeof r.name !== "string" || typeof r.count !== "number") return;
    const name = r.name; // a local: TypeScript 5.0 (tslab) does not keep r.name's narrowing inside the callback
    const hits = items.filter(
      (it) =>
        (it.obj.name === name || it.previousNames?.includes(name)) &&
        ["Deployment", "StatefulSet", "ReplicaSet"].includes(it.obj.kind),
    );
    if (hits.length === 0)
      err(
        lineOf("replicas", i),
        `replicas: no Deployment/StatefulSet named "${r.name}".`,
        "Use the name as the resources define it (before or after this layer's namePrefix).",
      );
    for (const it of hits) {
      if (!isObject(it.obj.body.spec)) it.obj.body.spec = {};
      (it.obj.body.spec as JsonObject).replicas = r.count;
    }
  });
  // 8. images
  for (const img of list("images")) {
    if (!isObject(img) || typeof img.name !== "string") continue;
    for (const it of items) {
      const tpl = podTemplateOf(it.obj);
      if (!tpl) continue;
      for (const { container } of containersOf(tpl.spec)) {
        if (typeof container.image !== "string") continue;
        const { name, tag, digest } = splitImage(container.image);
        if (name !== img.name) continue;
        const newName = typeof img.newName === "string" ? img.newName : name;
        if (typeof img.digest === "string") container.image = `${newName}@${img.digest}`;
        else if (img.newTag !== undefined && img.newTag !== null) container.image = `${newName}:${String(img.newTag)}`;
        else container.image = `${newName}${digest ? `@${digest}` : tag ? `:${tag}` : ""}`;
      }
    }
  }
  return items;
}

const CLUSTER_SCOPED = new Set([
  "Namespace",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "PersistentVolume",
  "StorageClass",
  "PriorityClass",
  "IngressClass",
]);

function valueAtPath(body: JsonObject, pointer: string): Json | undefined {
  let cur: Json | undefined = body;
  for (const key of pointer.split("/").slice(1)) cur = isObject(cur) ? cur[key] : undefined;
  return cur;
}

/** "registry:5000/app:1.2@sha256:..." -> name "registry:5000/app", tag "1.2", digest "sha256:...". */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const [rest, digest] = image.split("@", 2);
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/** All YAML documents of a patch, as plain values (patches may omit apiVersion, so no object checks here). */
function parseDocumentsLoose(text: string): { docs: Json[]; error?: string } {
  const docs: Json[] = [];
  for (const d of parseAllDocuments(text)) {
    if (d.errors.length > 0)
      return { docs: [], error: `YAML ${d.errors[0].code}: ${d.errors[0].message.split("\n")[0]}` };
    const v = d.toJS() as Json;
    if (v !== null && v !== undefined) docs.push(v);
  }
  return { docs };
}

/**
 * Render the kustomization in `dir` (a base or an overlay) into objects. Errors are findings, never exceptions:
 * a missing folder or file, a cycle, a patch that matches nothing, or an unsupported feature.
 */
export function loadKustomization(dir: string): KustomizeResult {
  const ctx: Ctx = { root: resolve(dir), errors: [] };
  const items = build(dir, ctx, []);
  // Generated ConfigMaps/Secrets get a content hash suffix so a config change rolls the pods; references follow.
  rename(items, (it) => (it.hash ? `${it.obj.name}-${contentHash(it.obj)}` : undefined));
  const objects = items.map((it, i) => ({ ...clone(it.obj), docIndex: i }));
  const errors = ctx.errors.sort((a, b) => (a.file ?? "").localeCompare(b.file ?? "") || a.line - b.line);
  return { objects, errors };
}
