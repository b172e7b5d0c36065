// Week 2 · A random forest from scratch: bagging, feature subsampling and the out-of-bag score.
// Needs your tree from ./tree-build (solve `tree-splits` and `tree-build` first).
// Grade it with `npm run grade random-forest`; stuck? `npm run hint random-forest`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; trainForest seeds its rng with it.
import { mulberry32 } from "../../src/data/random";
import { todo } from "../../src/grader/todo";
// biome-ignore lint/correctness/noUnusedImports: imported for you; your forest is made of your own trees.
import { buildTree, predictTree, type TreeNode } from "./tree-build";

export interface ForestOptions {
  /** How many trees. */
  nEstimators: number;
  /** Passed to every tree (default Infinity: fully grown trees, as in a classic random forest). */
  maxDepth?: number;
  minSamplesLeaf?: number;
  /**
   * How many features each SPLIT may look at, drawn afresh at every node: "sqrt" (default) = max(1, floor(√d)),
   * "all" = d (plain bagging), or a whole number 1..d.
   */
  maxFeatures?: "sqrt" | "all" | number;
  /** Seed for mulberry32: the same seed gives the same forest. Default 42. */
  seed?: number;
}

export interface Forest {
  trees: TreeNode[];
  /** samples[t]: the bootstrap row indices tree t was trained on (needed for the out-of-bag score). */
  samples: number[][];
  nClasses: number;
  nFeatures: number;
}

/**
 * n row indices drawn uniformly from 0..n-1 WITH replacement, using rng() (floats in [0, 1)).
 * Some rows appear several times and about (1 - 1/n)^n ≈ 36.8% not at all: those are the tree's out-of-bag rows.
 * Throws an Error mentioning "n must" unless n is a whole number > 0.
 */
export function bootstrapSample(n: number, rng: () => number): number[] {
  return todo("random-forest");
}

/**
 * Trains nEstimators trees, each on its own bootstrap sample, each split choosing among maxFeatures random
 * features (pass a chooseFeatures callback to buildTree). Make ONE rng = mulberry32(seed) and use it for every
 * bootstrap sample and every feature draw, so the whole forest is reproducible.
 * Throws an Error mentioning "empty" for no rows and "length" when X and y differ in length.
 */
export function trainForest(X: number[][], y: number[], opts: ForestOptions): Forest {
  return todo("random-forest");
}

/** Majority vote of the trees for each row (ties: the smaller class index). */
export function predictForest(forest: Forest, X: number[][]): number[] {
  return todo("random-forest");
}

/**
 * The out-of-bag accuracy: for each training row, a majority vote of ONLY the trees whose bootstrap sample did not
 * contain it (ties: the smaller class index); the score is the accuracy of those votes over the rows that got at
 * least one vote. A free estimate of test accuracy, with no held-out set. X and y are the training data.
 * Throws an Error mentioning "samples" if the forest has no bootstrap samples (for example, after loading one).
 */
export function oobScore(forest: Forest, X: number[][], y: number[]): number {
  return todo("random-forest");
}
