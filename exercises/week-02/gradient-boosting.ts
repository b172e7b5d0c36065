// Week 2 · Gradient boosting for regression, from scratch: small trees fitted to the residuals.
// Read the "Gradient boosting" section of notebooks/week-02-supervised-learning.ipynb first.
// Grade it with `npm run grade gradient-boosting`; stuck? `npm run hint gradient-boosting`.
import { todo } from "../../src/grader/todo";

/** A regression tree: leaves hold a number (the mean target of their training rows), not a class. */
export type RegressionNode =
  | { kind: "leaf"; value: number }
  | { kind: "split"; feature: number; threshold: number; left: RegressionNode; right: RegressionNode };

export interface RegressionTreeOptions {
  /** Splits on the longest path; 1 = a "stump" with two leaves, 0 = a single leaf. */
  maxDepth: number;
  /** Every leaf keeps at least this many rows (default 1). */
  minSamplesLeaf?: number;
}

export interface BoostingOptions {
  /** How many trees (stages). 0 is allowed: the model is then the constant init. */
  nEstimators: number;
  /** Shrinkage ν in (0, 1]: each tree's prediction is multiplied by it before being added. */
  learningRate: number;
  /** Depth of each tree (small: 1 to 3). */
  maxDepth: number;
  minSamplesLeaf?: number;
}

/** prediction(x) = init + learningRate · Σ_m tree_m(x). */
export interface BoostedModel {
  init: number;
  learningRate: number;
  trees: RegressionNode[];
}

/**
 * Grows a regression tree that minimises the sum of squared errors (SSE): at each node, over every feature and
 * every midpoint between two different consecutive values, take the split whose two sides have the smallest
 * SSE around their own means; stop at maxDepth, when fewer than 2·minSamplesLeaf rows are left, or when no split
 * lowers the SSE. Each leaf's value is the mean y of its rows. Rows with x[feature] <= threshold go left.
 * Throws an Error mentioning "empty" for no rows and "length" when X and y differ in length.
 */
export function fitRegressionTree(X: number[][], y: number[], opts: RegressionTreeOptions): RegressionNode {
  return todo("gradient-boosting");
}

/** The tree's value for each row of X. */
export function predictRegressionTree(tree: RegressionNode, X: number[][]): number[] {
  return todo("gradient-boosting");
}

/**
 * Gradient boosting with squared error. Start from F(x) = init = mean(y). Then for each of nEstimators stages:
 * compute the residuals r_i = y_i - F(x_i) (the negative gradient of ½(y - F)²), fit a regression tree of depth
 * maxDepth to (X, r), and update F(x) ← F(x) + learningRate · tree(x).
 * trainLoss[m] is the training MSE right after stage m (so its length is nEstimators).
 * Throws an Error mentioning "empty" for no rows, "length" when X and y differ, "learningRate" unless it is > 0.
 */
export function fitGradientBoosting(
  X: number[][],
  y: number[],
  opts: BoostingOptions,
): { model: BoostedModel; trainLoss: number[] } {
  return todo("gradient-boosting");
}

/** init + learningRate · (sum of the trees' values) for each row of X. */
export function predictBoosting(model: BoostedModel, X: number[][]): number[] {
  return todo("gradient-boosting");
}
