// Week 2 · The bias-variance tradeoff, measured: a sweep over tree depth.
// Needs your tree from ./tree-build (solve `tree-splits` and `tree-build` first).
// Grade it with `npm run grade bias-variance-depth`; stuck? `npm run hint bias-variance-depth`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; split once with it.
import { trainTestSplit } from "../../src/data/split";
import { todo } from "../../src/grader/todo";
// biome-ignore lint/correctness/noUnusedImports: imported for you; the sweep trains your own tree.
import { buildTree, predictTree } from "./tree-build";

export interface SweepOptions {
  /** Seed of the train/test split (default 42). */
  seed?: number;
  /** Fraction held out for testing (default 0.3). */
  testSize?: number;
  /** Passed to every tree (default 1). */
  minSamplesLeaf?: number;
}

/** trainError[i] and testError[i] belong to depths[i]; an error is 1 - accuracy. */
export interface DepthSweep {
  depths: number[];
  trainError: number[];
  testError: number[];
}

/**
 * Splits the data ONCE with trainTestSplit(X, y, { testSize, seed, stratify: true }), then for each maxDepth in
 * `depths` (Infinity allowed: a fully grown tree) trains buildTree on the training part and records the error
 * rate on the training part and on the test part.
 * Throws an Error mentioning "empty" when X has no rows or depths is empty.
 */
export function depthSweep(X: number[][], y: number[], depths: number[], opts: SweepOptions = {}): DepthSweep {
  return todo("bias-variance-depth");
}

/** The depth with the lowest test error; on a tie, the smallest such depth (the simpler model). */
export function bestDepth(sweep: DepthSweep): number {
  return todo("bias-variance-depth");
}
