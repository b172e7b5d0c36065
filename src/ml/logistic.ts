// A reference logistic regression for the notebooks: Newton's method (iteratively reweighted least squares) on the
// mean cross-entropy plus (λ/2)·Σw², the bias unpenalised. Newton uses the curvature, so it reaches the exact optimum
// in a handful of steps where gradient descent (the week-1 exercise) needs hundreds: the notebooks draw it first,
// then lay the learner's gradient-descent fit over it.
import { Matrix, solve } from "ml-matrix";

export interface NewtonLogisticModel {
  weights: number[];
  bias: number;
  /** The penalised loss before the first step and after each step. */
  history: number[];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** P(y = 1) for each row. */
export function newtonLogisticProba(model: { weights: number[]; bias: number }, X: number[][]): number[] {
  return X.map((row) => sigmoid(row.reduce((z, v, j) => z + v * model.weights[j], model.bias)));
}

/** Mean cross-entropy (probabilities clipped to [1e-15, 1 - 1e-15]) plus (λ/2)·Σw². */
export function penalisedLogLoss(model: { weights: number[]; bias: number }, X: number[][], y: number[], l2: number) {
  const p = newtonLogisticProba(model, X).map((v) => Math.min(1 - 1e-15, Math.max(1e-15, v)));
  const ce = -p.reduce((s, pi, i) => s + y[i] * Math.log(pi) + (1 - y[i]) * Math.log(1 - pi), 0) / X.length;
  return ce + (l2 / 2) * model.weights.reduce((s, w) => s + w * w, 0);
}

/** Fits by Newton's method until the step is below `tol` (or `maxIter` steps). Labels must be 0 or 1. */
export function fitLogisticNewton(
  X: number[][],
  y: number[],
  opts: { l2?: number; maxIter?: number; tol?: number } = {},
): NewtonLogisticModel {
  const { l2 = 0, maxIter = 50, tol = 1e-10 } = opts;
  if (X.length === 0 || X.length !== y.length)
    throw new Error(`fitLogisticNewton: ${X.length} rows, ${y.length} labels`);
  if (y.some((v) => v !== 0 && v !== 1)) throw new Error("fitLogisticNewton: labels must be 0 or 1");
  const A = new Matrix(X.map((r) => [1, ...r]));
  const n = A.rows;
  const d = A.columns;
  let w = Matrix.zeros(d, 1);
  const asModel = () => ({ bias: w.get(0, 0), weights: w.to1DArray().slice(1) });
  const history = [penalisedLogLoss(asModel(), X, y, l2)];
  for (let iter = 0; iter < maxIter; iter++) {
    const p = A.mmul(w).to1DArray().map(sigmoid);
    const grad = A.transpose().mmul(Matrix.columnVector(p.map((pi, i) => (pi - y[i]) / n)));
    // Hessian AᵀSA/n with S = diag(p(1 − p)), plus λ on the weights' diagonal (not the bias's).
    const SA = A.clone();
    for (const [i, pi] of p.entries()) SA.mulRow(i, (pi * (1 - pi)) / n);
    const H = A.transpose().mmul(SA);
    for (let j = 1; j < d; j++) {
      grad.set(j, 0, grad.get(j, 0) + l2 * w.get(j, 0));
      H.set(j, j, H.get(j, j) + l2);
    }
    const step = solve(H, grad);
    w = w.sub(step);
    history.push(penalisedLogLoss(asModel(), X, y, l2));
    if (step.norm() < tol) break;
  }
  return { ...asModel(), history };
}
