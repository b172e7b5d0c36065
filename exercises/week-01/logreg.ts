// Week 1 · Logistic regression from scratch, with accuracy.
// Read the "Logistic regression" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade logreg`; stuck? `npm run hint logreg`.
import { todo } from "../../src/grader/todo";

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  /** Step size. @default 0.1 */
  learningRate?: number;
  /** Full passes over the data. @default 1000 */
  epochs?: number;
  /** L2 penalty strength λ: the loss adds (λ/2)·Σw² (the bias is not penalised). @default 0 */
  l2?: number;
}

/** The logistic function 1 / (1 + e^(-z)). Must stay finite (no NaN) for z = ±1000. */
export function sigmoid(z: number): number {
  return todo("logreg");
}

/** P(y = 1 | x) for each row of X. */
export function predictProba(model: LogisticModel, X: number[][]): number[] {
  return todo("logreg");
}

/** The fraction of positions where yTrue and yPred agree. Throws mentioning "empty" / "length" on bad input. */
export function accuracy(yTrue: number[], yPred: number[]): number {
  return todo("logreg");
}

/**
 * Fits logistic regression (labels 0/1) by batch gradient descent on the mean binary cross-entropy plus the L2
 * penalty, from all-zero parameters. Returns the model and the penalised loss after each epoch.
 */
export function fitLogistic(
  X: number[][],
  y: number[],
  options: LogisticOptions = {},
): { model: LogisticModel; history: number[] } {
  return todo("logreg");
}
