// Steps 4 to 8, in kustomize's order: namespace, namePrefix/nameSuffix, labels, annotations, replicas, images.
import { isObject, type Json, type JsonObject } from "../types";
import { containersOf, podTemplateOf } from "../workload";
import type { Layer } from "./layer";
import { CLUSTER_SCOPED, metadata, rename, setIn, splitImage, sync, valueAtPath } from "./objects";

export function setNamespace(layer: Layer) {
  const namespace = layer.k.namespace;
  if (typeof namespace !== "string") return;
  for (const it of layer.items) {
    if (CLUSTER_SCOPED.has(it.obj.kind)) continue;
    metadata(it.obj).namespace = namespace;
    sync(it.obj);
  }
}

export function addNamePrefixSuffix(layer: Layer) {
  const prefix = typeof layer.k.namePrefix === "string" ? layer.k.namePrefix : "";
  const suffix = typeof layer.k.nameSuffix === "string" ? layer.k.nameSuffix : "";
  if (prefix || suffix)
    rename(layer.items, (it) => (it.obj.kind === "Namespace" ? undefined : `${prefix}${it.obj.name}${suffix}`));
}

function stringMap(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return out;
}

/** commonLabels (metadata, selectors and templates) and labels (pairs, includeSelectors, includeTemplates). */
export function addLabels(layer: Layer) {
  const labelSets: { pairs: Record<string, string>; selectors: boolean; templates: boolean }[] = [];
  if (isObject(layer.k.commonLabels))
    labelSets.push({ pairs: stringMap(layer.k.commonLabels), selectors: true, templates: true });
  for (const l of layer.list("labels")) {
    if (!isObject(l)) continue;
    const selectors = l.includeSelectors === true;
    labelSets.push({ pairs: stringMap(l.pairs), selectors, templates: selectors || l.includeTemplates === true });
  }
  for (const { pairs, selectors, templates } of labelSets) {
    for (const { obj } of layer.items) {
      setIn(obj.body, ["metadata", "labels"], pairs);
      const spec = isObject(obj.body.spec) ? obj.body.spec : undefined;
      const tpl = podTemplateOf(obj);
      if (templates && tpl && obj.kind !== "Pod")
        setIn(valueAtPath(obj.body, tpl.path) as JsonObject, ["metadata", "labels"], pairs);
      if (!selectors || !spec) continue;
      if (obj.kind === "Service") setIn(spec, ["selector"], pairs);
      else if (["Deployment", "StatefulSet", "ReplicaSet", "DaemonSet"].includes(obj.kind))
        setIn(spec, ["selector", "matchLabels"], pairs);
    }
  }
}

export function addAnnotations(layer: Layer) {
  if (!isObject(layer.k.commonAnnotations)) return;
  const pairs = stringMap(layer.k.commonAnnotations);
  for (const { obj } of layer.items) {
    setIn(obj.body, ["metadata", "annotations"], pairs);
    const tpl = podTemplateOf(obj);
    if (tpl && obj.kind !== "Pod")
      setIn(valueAtPath(obj.body, tpl.path) as JsonObject, ["metadata", "annotations"], pairs);
  }
}

/** replicas: by the name before or after this layer's prefix/suffix, as kustomize's does. */
export function setReplicas(layer: Layer) {
  layer.list("replicas").forEach((r, i) => {
    if (!isObject(r) || typeof r.name !== "string" || typeof r.count !== "number") return;
    const name = r.name; // a local: TypeScript 5.0 (tslab) does not keep r.name's narrowing inside the callback
    const hits = layer.items.filter(
      (it) =>
        (it.obj.name === name || it.previousNames?.includes(name)) &&
        ["Deployment", "StatefulSet", "ReplicaSet"].includes(it.obj.kind),
    );
    if (hits.length === 0)
      layer.err(
        layer.lineOf("replicas", i),
        `replicas: no Deployment/StatefulSet named "${r.name}".`,
        "Use the name as the resources define it (before or after this layer's namePrefix).",
      );
    for (const it of hits) {
      if (!isObject(it.obj.body.spec)) it.obj.body.spec = {};
      (it.obj.body.spec as { replicas?: number }).replicas = r.count;
    }
  });
}

/** images: newName / newTag / digest for every container whose image has that name (any tag). */
export function setImages(layer: Layer) {
  for (const img of layer.list("images")) {
    if (!isObject(img) || typeof img.name !== "string") continue;
    for (const it of layer.items) {
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
}
