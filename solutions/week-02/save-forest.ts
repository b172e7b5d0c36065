// Reference solution for exercises/week-02/save-forest.ts.
import type { Forest } from "./random-forest";
import type { TreeNode } from "./tree-build";

export const FOREST_FORMAT = "week2-forest";
export const FOREST_SCHEMA_VERSION = 1;

export interface ForestMetadata {
  featureNames: string[];
  classNames: string[];
}

export interface LoadedForest extends ForestMetadata {
  forest: Forest;
}

export function saveForest(forest: Forest, meta: ForestMetadata): string {
  if (meta.featureNames.length !== forest.nFeatures) {
    throw new Error(
      `saveForest: ${meta.featureNames.length} feature names for a forest of ${forest.nFeatures} features`,
    );
  }
  if (meta.classNames.length !== forest.nClasses) {
    throw new Error(`saveForest: ${meta.classNames.length} class names for a forest of ${forest.nClasses} classes`);
  }
  return JSON.stringify({
    format: FOREST_FORMAT,
    version: FOREST_SCHEMA_VERSION,
    featureNames: meta.featureNames,
    classNames: meta.classNames,
    nFeatures: forest.nFeatures,
    nClasses: forest.nClasses,
    // The bootstrap samples are training-time bookkeeping (for the OOB score): predictions never need them.
    trees: forest.trees,
  });
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === "string");
}

/** Walks a parsed tree and checks every node has the fields prediction needs. */
function checkNode(node: unknown, nFeatures: number, nClasses: number, where: string): asserts node is TreeNode {
  const n = node as Record<string, unknown> | null;
  if (n?.kind === "leaf") {
    const p = n.prediction;
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p >= nClasses || !Array.isArray(n.counts)) {
      throw new Error(`loadForest: bad leaf node at ${where}`);
    }
    return;
  }
  if (n?.kind === "split") {
    const f = n.feature;
    if (typeof f !== "number" || !Number.isInteger(f) || f < 0 || f >= nFeatures || typeof n.threshold !== "number") {
      throw new Error(`loadForest: bad split node at ${where}`);
    }
    checkNode(n.left, nFeatures, nClasses, `${where}.left`);
    checkNode(n.right, nFeatures, nClasses, `${where}.right`);
    return;
  }
  throw new Error(`loadForest: node at ${where} is neither a leaf nor a split`);
}

export function loadForest(json: string): LoadedForest {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`loadForest: not valid JSON, is the file truncated? (${(e as Error).message})`);
  }
  if (data === null || typeof data !== "object" || data.format !== FOREST_FORMAT) {
    throw new Error(`loadForest: not a saved forest (format should be "${FOREST_FORMAT}")`);
  }
  if (data.version !== FOREST_SCHEMA_VERSION) {
    throw new Error(
      `loadForest: schema version ${String(data.version)} is not supported (this code reads version ${FOREST_SCHEMA_VERSION})`,
    );
  }
  const { featureNames, classNames, nFeatures, nClasses, trees } = data;
  if (!isStringArray(featureNames) || !isStringArray(classNames)) {
    throw new Error("loadForest: featureNames and classNames must be arrays of strings");
  }
  if (typeof nFeatures !== "number" || typeof nClasses !== "number") {
    throw new Error("loadForest: missing nFeatures / nClasses");
  }
  if (featureNames.length !== nFeatures || classNames.length !== nClasses) {
    throw new Error("loadForest: the names do not match nFeatures / nClasses");
  }
  if (!Array.isArray(trees) || trees.length === 0) throw new Error("loadForest: missing trees");
  trees.forEach((t, i) => {
    checkNode(t, nFeatures, nClasses, `trees[${i}]`);
  });
  return {
    forest: { trees, samples: [], nFeatures, nClasses },
    featureNames,
    classNames,
  };
}
