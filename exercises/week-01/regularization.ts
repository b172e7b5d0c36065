// Week 1 · L2 (ridge) and L1 (lasso) regularization.
// Read the "Regularization" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade regularization`; stuck? `npm run hint regularization`.
//
// Both penalise the weights, NEVER the bias: shrinking the bias toward 0 would only pull every prediction toward 0,
// which is not "simpler", just wrong. The two use scikit-learn's scalings (Ridge(alpha=λ) and Lasso(alpha=λ)), which
// differ, so a λ for one is not comparable with a λ for the other.
// Every function throws an Error mentioning "empty" for an empty X, "length" when X and y have different numbers of
// rows, and "lambda" when lambda is negative.
import { todo } from "../../src/grader/todo";
import type { LinearModel } from "./linreg";

/**
 * Ridge regression in closed form: the weights w and bias b minimising
 *   Σᵢ (yᵢ - b - w·xᵢ)² + λ · Σⱼ wⱼ²
 * Setting the gradient to zero gives (AᵀA + λ·D) θ = Aᵀy, with A = [1 | X], θ = [b, w] and D the identity matrix
 * except D[0][0] = 0, the bias's entry (not penalised). Solve that linear system.
 * λ = 0 is ordinary least squares; as λ grows, the weights shrink toward 0 (never exactly 0).
 */
export function ridge(X: number[][], y: number[], lambda: number): LinearModel {
  return todo("regularization");
}

/** sign(rho) · max(|rho| - lambda, 0): moves rho toward 0 by lambda, and stops at 0. The heart of the lasso. */
export function softThreshold(rho: number, lambda: number): number {
  return todo("regularization");
}

export interface LassoOptions {
  /** Maximum number of sweeps over all the weights. @default 1000 */
  iterations?: number;
  /** Stop early once a whole sweep changes no weight by more than this. @default 1e-10 */
  tolerance?: number;
}

/**
 * The lasso by coordinate descent: the weights w and bias b minimising
 *   (1 / 2n) Σᵢ (yᵢ - b - w·xᵢ)² + λ · Σⱼ |wⱼ|
 * from all-zero weights, one weight at a time: with the residuals r = y - b - Xw, and ρⱼ = (1/n) Σᵢ xᵢⱼ (rᵢ + xᵢⱼ wⱼ)
 * (the fit weight j would get on its own, given all the others), set wⱼ = softThreshold(ρⱼ, λ) / ((1/n) Σᵢ xᵢⱼ²).
 * Before each sweep, set b to the mean of y - Xw (the best unpenalised bias for the current weights).
 * Assumes standardized columns (mean 0, std 1), as the penalty treats every weight alike; it must still give the
 * right answer for other columns, since the formula above divides by (1/n) Σᵢ xᵢⱼ².
 * Large λ sets weights EXACTLY to 0: the lasso selects features.
 */
export function lasso(X: number[][], y: number[], lambda: number, options: LassoOptions = {}): LinearModel {
  return todo("regularization");
}
