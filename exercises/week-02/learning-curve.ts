// Week 2 · Learning curves: would more data help, or a different model?
// Needs your kFoldIndices, meanStd and accuracyScore from ./cross-validation (solve `cross-validation` first).
// Grade it with `npm run grade learning-curve`; stuck? `npm run hint learning-curve`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; shuffle each fold's training rows with it.
import { Random } from "../../src/data/random";
import { todo } from "../../src/grader/todo";
// biome-ignore lint/correctness/noUnusedImports: imported for you; reuse your cross-validation code.
import { accuracyScore, type Fit, kFoldIndices, meanStd, type Scorer } from "./cross-validation";

export interface LearningCurveOptions {
  /** Folds (default 5): each size is measured k times, once per validation fold, giving a mean and a spread. */
  k?: number;
  /** Seed for the folds and for the subsets (default 42). */
  seed?: number;
  /** Default accuracyScore (higher is better). */
  score?: Scorer;
}

/** The scores at one training-set size. */
export interface LearningCurvePoint {
  size: number;
  /** One per fold: the model's score on the very rows it was trained on. */
  trainScores: number[];
  /** One per fold: the same model's score on that fold's validation rows. */
  validationScores: number[];
  trainMean: number;
  trainStd: number;
  validationMean: number;
  validationStd: number;
}

/**
 * For each validation fold of kFoldIndices(X.length, k, seed): shuffle that fold's training rows once (seeded),
 * and for each size in trainSizes train with fit() on the FIRST `size` of them (so bigger sets contain the
 * smaller ones), then score the model on those training rows and on the validation fold. Returns one point per
 * size, in the order given, with the per-fold scores and their mean and (population) std from meanStd.
 * Throws an Error mentioning "empty" when trainSizes is empty, one mentioning "size" when a size is not a whole
 * number between 1 and the smallest fold's training-row count, and "length" when X and y differ in length.
 */
export function learningCurve(
  X: number[][],
  y: number[],
  trainSizes: number[],
  fit: Fit,
  opts: LearningCurveOptions = {},
): LearningCurvePoint[] {
  return todo("learning-curve");
}
