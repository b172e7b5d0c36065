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
// replacements/vars, helmCharts, crds, openapi, transformers/generators plugins, labelSelector targets. The hash
// suffix is kustomize's own (`npm run crosscheck` compares every rendering with kubectl kustomize). Build order follows kustomize: resources ->
// generators -> patches -> namespace -> prefix/suffix -> labels -> annotations -> replicas -> images, and the hash
// suffix last at the top level.
import { resolve } from "node:path";
import { runGenerators } from "./kustomize/generators";
import { type Ctx, openLayer } from "./kustomize/layer";
import { clone, contentHash, type Item, rename } from "./kustomize/objects";
import { applyPatches } from "./kustomize/patches";
import { addResources } from "./kustomize/resources";
import {
  addAnnotations,
  addLabels,
  addNamePrefixSuffix,
  setImages,
  setNamespace,
  setReplicas,
} from "./kustomize/transformers";
import type { Finding, ManifestObject } from "./types";

export { splitImage } from "./kustomize/objects";

export interface KustomizeResult {
  /** The rendered objects, each keeping the file and line it came from. */
  objects: ManifestObject[];
  /** K8S001/K8S002 from the YAML files, K8S060 (broken layout), K8S061 (unsupported feature, ignored). */
  errors: Finding[];
}

/** One kustomization folder, rendered: every step in kustomize's order, each in its own function. */
function build(dir: string, ctx: Ctx, stack: string[]): Item[] {
  const layer = openLayer(dir, ctx, stack);
  if (!layer) return [];
  addResources(layer, (folder) => build(folder, ctx, [...stack, layer.abs]));
  runGenerators(layer);
  applyPatches(layer);
  setNamespace(layer);
  addNamePrefixSuffix(layer);
  addLabels(layer);
  addAnnotations(layer);
  setReplicas(layer);
  setImages(layer);
  return layer.items;
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
