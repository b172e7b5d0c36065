// Step 3: patches. patchesStrategicMerge (files or inline), patches (strategic-merge, or JSON6902 op lists with a
// target) and patchesJson6902. A target selects by kind/name/namespace, the name as an anchored regex.
import { parseAllDocuments } from "yaml";
import { applyJsonPatch } from "../json-patch";
import { strategicMerge } from "../merge";
import { isObject, type Json, type JsonObject } from "../types";
import { type Layer, warn } from "./layer";
import { sync } from "./objects";

const str = (v: Json | undefined) => (typeof v === "string" ? v : undefined);

function targetsOf(layer: Layer, kind?: string, name?: string, namespace?: string, regexName = false) {
  const nameRe = regexName && name ? new RegExp(`^(?:${name})$`) : undefined;
  return layer.items.filter(
    (it) =>
      (!kind || it.obj.kind === kind) &&
      (!name || (nameRe ? nameRe.test(it.obj.name) : it.obj.name === name)) &&
      (!namespace || it.obj.namespace === namespace),
  );
}

function noMatch(layer: Layer, line: number, source: string, kind?: string, name?: string) {
  layer.err(
    line,
    `${source} targets ${kind ?? "*"}/${name ?? "*"}, which is not among the resources of this kustomization (names before this layer's namePrefix).`,
    "Match the patch's kind and metadata.name to an object from `resources` exactly.",
  );
}

function applyOps(layer: Layer, ops: Json[], line: number, source: string, target: JsonObject | undefined) {
  if (!target || (!str(target.kind) && !str(target.name))) {
    layer.err(
      line,
      `${source} is a JSON6902 patch (a list of ops) without a target, so it applies to nothing.`,
      "Add `target: {kind: Service, name: forest-inference}` next to the patch.",
    );
    return;
  }
  const hits = targetsOf(layer, str(target.kind), str(target.name), str(target.namespace), true);
  if (hits.length === 0) return noMatch(layer, line, source, str(target.kind), str(target.name));
  for (const it of hits) {
    try {
      it.obj.body = applyJsonPatch(it.obj.body, ops) as JsonObject;
      sync(it.obj);
    } catch (e) {
      layer.err(
        line,
        `${source} on ${it.obj.kind}/${it.obj.name}: ${(e as Error).message}.`,
        "Check each op's path against the object (paths start with /, list items by index, ~1 for a / in a key).",
      );
    }
  }
}

function applyPatch(layer: Layer, patch: Json, line: number, source: string, target?: JsonObject) {
  if (Array.isArray(patch)) return applyOps(layer, patch, line, source, target);
  if (!isObject(patch)) return;
  const meta = isObject(patch.metadata) ? patch.metadata : {};
  const kind = str(target?.kind) ?? str(patch.kind);
  const name = str(target?.name) ?? str(meta.name);
  const namespace = str(target?.namespace) ?? str(meta.namespace);
  const hits = targetsOf(layer, kind, name, namespace, target !== undefined);
  if (hits.length === 0) return noMatch(layer, line, source, kind, name);
  for (const it of hits) {
    // With an explicit target the patch's own metadata.name is a placeholder, so never rename through it.
    const p = target ? { ...patch, metadata: { ...meta, name: it.obj.name } } : patch;
    it.obj.body = strategicMerge(it.obj.body, p) as JsonObject;
    sync(it.obj);
  }
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

function patchDocs(layer: Layer, text: string, line: number, source: string, target?: JsonObject) {
  const parsed = parseDocumentsLoose(text);
  if (parsed.error) layer.err(line, `${source}: ${parsed.error}`, "Fix the patch's YAML.");
  for (const d of parsed.docs) applyPatch(layer, d, line, source, target);
}

const readPatch = (layer: Layer, p: string, line: number) =>
  layer.readInside(p, line, `patch file "${p}" does not exist.`);

function targetedPatches(layer: Layer, key: string) {
  layer.list(key).forEach((p, i) => {
    if (!isObject(p)) return;
    const line = layer.lineOf(key, i);
    const target = isObject(p.target) ? p.target : undefined;
    if (target?.labelSelector || target?.annotationSelector) {
      warn(layer, line, "patch targets by labelSelector/annotationSelector are not supported; the patch was skipped.");
      return;
    }
    if (typeof p.path === "string") {
      const text = readPatch(layer, p.path, line);
      if (text !== undefined) patchDocs(layer, text, line, `patch ${p.path}`, target);
    } else if (typeof p.patch === "string") patchDocs(layer, p.patch, line, "inline patch", target);
  });
}

export function applyPatches(layer: Layer) {
  layer.list("patchesStrategicMerge").forEach((p, i) => {
    if (typeof p !== "string") return;
    const line = layer.lineOf("patchesStrategicMerge", i);
    if (!p.includes("\n") && !p.trim().startsWith("apiVersion")) {
      const text = readPatch(layer, p, line);
      if (text !== undefined) patchDocs(layer, text, line, `patch ${p}`);
    } else patchDocs(layer, p, line, "inline patch");
  });
  targetedPatches(layer, "patches");
  targetedPatches(layer, "patchesJson6902");
}
