// Week 2 checkpoint · Save your random forest and load it back (the TypeScript counterpart of joblib.dump/load).
// Needs your forest from ./random-forest (solve `random-forest` first).
// Grade it with `npm run grade save-forest`; stuck? `npm run hint save-forest`.
import { todo } from "../../src/grader/todo";
import type { Forest } from "./random-forest";
// biome-ignore lint/correctness/noUnusedImports: imported for you; loadForest checks every node against this shape.
import type { TreeNode } from "./tree-build";

/** Marks the JSON as one of ours, so loading some other JSON file fails clearly. */
export const FOREST_FORMAT = "week2-forest";
/** Bump this whenever the saved layout changes; old readers then refuse new files instead of misreading them. */
export const FOREST_SCHEMA_VERSION = 1;

export interface ForestMetadata {
  /** One per feature, in column order: the API that serves the model needs them to build X from named inputs. */
  featureNames: string[];
  /** One per class: className[prediction] is what the API returns. */
  classNames: string[];
}

export interface LoadedForest extends ForestMetadata {
  /** Ready for predictForest. Its `samples` may be empty: the bootstrap samples are not needed to predict. */
  forest: Forest;
}

/**
 * The forest as a JSON string: an object with
 *   format: FOREST_FORMAT, version: FOREST_SCHEMA_VERSION, featureNames, classNames, nFeatures, nClasses, trees.
 * Throws an Error mentioning "feature" when featureNames.length !== forest.nFeatures, and "class" when
 * classNames.length !== forest.nClasses (a model saved with the wrong names would give wrong answers silently).
 */
export function saveForest(forest: Forest, meta: ForestMetadata): string {
  return todo("save-forest");
}

/**
 * Parses a string written by saveForest and checks it before trusting it. Throws an Error mentioning
 *   "JSON"    when the string does not parse (a truncated file, for example),
 *   "format"  when the format field is not FOREST_FORMAT,
 *   "version" when the version is not FOREST_SCHEMA_VERSION,
 *   "node"    when a tree contains a node that is neither a valid leaf (prediction a class in 0..nClasses-1,
 *             counts an array) nor a valid split (feature a whole number in 0..nFeatures-1, a numeric threshold,
 *             and valid left and right nodes).
 */
export function loadForest(json: string): LoadedForest {
  return todo("save-forest");
}
