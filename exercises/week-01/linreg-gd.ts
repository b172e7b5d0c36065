// Week 1 · Linear regression from scratch, part 2: gradient descent.
// Grade it with `npm run grade linreg-gradient-descent`; stuck? `npm run hint linreg-gradient-descent`.
import { todo } from "../../src/grader/todo";
import type { LinearModel } from "./linreg";

export interface GradientDescentOptions {
  /** Step size. @default 0.1 */
  learningRate?: number;
  /** Full passes over the data. @default 1000 */
  epochs?: number;
}

export interface GradientDescentResult {
  model: LinearModel;
  /** The training MSE after each epoch, so you can plot the loss curve. history.length === epochs. */
  history: number[];
}

/**
 * Fits a linear model by batch gradient descent on the MSE, starting from all-zero weights and bias.
 * Each epoch: compute predictions, the gradient of the MSE with respect to every weight and the bias, take one
 * step against it, then record the MSE of the updated model in history.
 * Throws an Error mentioning "diverged" as soon as the loss becomes NaN or Infinity (a learning rate too large).
 */
export function fitGradientDescent(
  X: number[][],
  y: number[],
  options: GradientDescentOptions = {},
): GradientDescentResult {
  return todo("linreg-gradient-descent");
}
