// Week 1 · Linear regression from scratch, part 1: the normal equation.
// Read the "Linear regression" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade linreg-normal-equation`; stuck? `npm run hint linreg-normal-equation`.
import { todo } from "../../src/grader/todo";

/** A fitted linear model: prediction = bias + sum_j weights[j] * x[j]. */
export interface LinearModel {
  weights: number[];
  bias: number;
}

/**
 * Mean squared error: the average of (yTrue[i] - yPred[i])^2.
 * Throws an Error whose message contains "empty" for empty input, and "length" when the lengths differ.
 */
export function mse(yTrue: number[], yPred: number[]): number {
  return todo("linreg-normal-equation");
}

/** Predictions of a linear model for each row of X. */
export function predict(model: LinearModel, X: number[][]): number[] {
  return todo("linreg-normal-equation");
}

/**
 * Fits a linear model with the normal equation: w = (AᵀA)⁻¹ Aᵀ y, where A is X with a column of ones prepended
 * (the ones column's weight is the bias). Solve the linear system; do not rely on a library's regression.
 * Throws an Error mentioning "length" when X and y have different numbers of rows.
 */
export function fitNormalEquation(X: number[][], y: number[]): LinearModel {
  return todo("linreg-normal-equation");
}
