// Week 1 · Overfitting, seen: polynomial regression of growing degree, scored on train and test data.
// Read the "Overfitting" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade overfitting-degree-sweep`; stuck? `npm run hint overfitting-degree-sweep`.
//
// This exercise builds on your linear regression: a polynomial in x is a LINEAR model of the features x, x², x³...,
// so fit it with your own fitNormalEquation, predict and mse from ./linreg (solve linreg-normal-equation first).
import { todo } from "../../src/grader/todo";
// biome-ignore lint/correctness/noUnusedImports: imported for you; your degreeSweep will use all three.
import { fitNormalEquation, mse, predict } from "./linreg";

/** The scores of one polynomial degree. */
export interface DegreeResult {
  degree: number;
  /** MSE of the fitted curve on the training points (the ones it was fitted on). */
  trainMse: number;
  /** MSE on the held-out test points: the number that tells you how good the model really is. */
  testMse: number;
  /** The fitted curve as a function of the ORIGINAL x (standardize it, expand it, predict), for plotting. */
  predict: (x: number) => number;
}

/**
 * Expands each value into its powers: x -> [x, x², ..., x^degree] (no column of ones: fitNormalEquation adds the bias).
 * It does NOT rescale anything; give it values that are already standardized (see degreeSweep).
 * Throws an Error mentioning "degree" unless degree is a whole number ≥ 1.
 */
export function polynomialFeatures(x: number[], degree: number): number[][] {
  return todo("overfitting-degree-sweep");
}

/**
 * For each degree in `degrees` (in that order), fits a least-squares polynomial of that degree on the training
 * points with fitNormalEquation, and measures its MSE on the training and on the test points.
 *
 * Standardize first: compute the mean and (population) standard deviation of xTrain, map every x (train AND test) to
 * z = (x - mean) / std, and build polynomial features of z. The fitted curves are the same polynomials in x, but raw
 * powers like 40¹⁰ ≈ 10¹⁶ make the normal equation numerically singular, while powers of z stay moderate. The test
 * points use the TRAINING mean and std: the test set must not influence anything about the fit.
 *
 * Throws an Error mentioning "empty" when xTrain or xTest is empty, and "length" when an x array and its y array
 * differ in length.
 */
export function degreeSweep(
  xTrain: number[],
  yTrain: number[],
  xTest: number[],
  yTest: number[],
  degrees: number[],
): DegreeResult[] {
  return todo("overfitting-degree-sweep");
}
