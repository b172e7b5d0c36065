// Week 2 · k-fold cross-validation: a score you can trust, with an error bar.
// Read the "Cross-validation" section of notebooks/week-02-supervised-learning.ipynb first.
// Grade it with `npm run grade cross-validation`; stuck? `npm run hint cross-validation`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; kFoldIndices shuffles with it.
import { Random } from "../../src/data/random";
import { todo } from "../../src/grader/todo";

/** A trained model: predictions for the rows of X. */
export type Predict = (X: number[][]) => number[];
/** Trains a model on (XTrain, yTrain) and returns its predict function. Any model fits this shape. */
export type Fit = (XTrain: number[][], yTrain: number[]) => Predict;
/** Higher is better, e.g. accuracy; use -MSE for regression. */
export type Scorer = (yTrue: number[], yPred: number[]) => number;

export interface CrossValidateOptions {
  /** Seed for the fold assignment (default 42). */
  seed?: number;
  /** Default accuracyScore. */
  score?: Scorer;
}

export interface CrossValidationResult {
  /** scores[f]: the score of the model trained on every fold but f, measured on fold f. */
  scores: number[];
  mean: number;
  /** Population standard deviation of the scores (divide by k, as numpy's default does). */
  std: number;
}

/**
 * The fraction of positions where yPred equals yTrue.
 * Throws an Error mentioning "empty" for no rows and "length" when the lengths differ.
 */
export function accuracyScore(yTrue: number[], yPred: number[]): number {
  return todo("cross-validation");
}

/** Mean and population standard deviation (divide by the count, not count - 1) of a non-empty list. */
export function meanStd(values: number[]): { mean: number; std: number } {
  return todo("cross-validation");
}

/**
 * Splits the row indices 0..n-1 into k folds: shuffle them with new Random(seed).permutation(n), then cut the
 * shuffled list into k consecutive pieces whose sizes differ by at most one (the first n % k folds get the extra
 * row). Every index is in exactly one fold. The same seed always gives the same folds.
 * Throws an Error mentioning "empty" when n is 0, and one mentioning "fold" when k < 2 or k > n.
 */
export function kFoldIndices(n: number, k: number, seed = 42): number[][] {
  return todo("cross-validation");
}

/**
 * k-fold cross-validation: for each fold f of kFoldIndices(X.length, k, seed), in order, train with fit() on all
 * the other rows, predict fold f's rows, and score those predictions with opts.score. Each row is used for
 * validation exactly once and never by the model that is scored on it.
 * Throws like kFoldIndices for bad k or empty input, and an Error mentioning "length" when X and y differ.
 */
export function crossValidate(
  X: number[][],
  y: number[],
  k: number,
  fit: Fit,
  opts: CrossValidateOptions = {},
): CrossValidationResult {
  return todo("cross-validation");
}
