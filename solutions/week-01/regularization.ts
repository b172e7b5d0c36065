// Reference solution for exercises/week-01/regularization.ts.
import type { LinearModel } from "./linreg";

export interface LassoOptions {
  iterations?: number;
  tolerance?: number;
}

function checkInput(X: number[][], y: number[], lambda: number, what: string): void {
  if (X.length === 0) throw new Error(`${what}: empty X`);
  if (X.length !== y.length) throw new Error(`${what}: length mismatch (${X.length} rows in X, ${y.length} in y)`);
  if (!(lambda >= 0)) throw new Error(`${what}: lambda must be ≥ 0, got ${lambda}`);
}

/** Solves the square system M θ = v by Gaussian elimination with partial pivoting. */
function solveSystem(M: number[][], v: number[]): number[] {
  const n = v.length;
  const a = M.map((row, i) => [...row, v[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (a[pivot][col] === 0) throw new Error("ridge: singular system (λ = 0 with duplicate features?)");
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const theta = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * theta[c];
    theta[r] = s / a[r][r];
  }
  return theta;
}

export function ridge(X: number[][], y: number[], lambda: number): LinearModel {
  checkInput(X, y, lambda, "ridge");
  const A = X.map((row) => [1, ...row]);
  const d = A[0].length;
  const M = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const v = new Array<number>(d).fill(0);
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < d; j++) {
      v[j] += A[i][j] * y[i];
      for (let k = 0; k < d; k++) M[j][k] += A[i][j] * A[i][k];
    }
  }
  // λ on the diagonal of every weight; entry 0 is the bias, left unpenalised.
  for (let j = 1; j < d; j++) M[j][j] += lambda;
  const [bias, ...weights] = solveSystem(M, v);
  return { weights, bias };
}

export function softThreshold(rho: number, lambda: number): number {
  if (rho > lambda) return rho - lambda;
  if (rho < -lambda) return rho + lambda;
  return 0;
}

export function lasso(X: number[][], y: number[], lambda: number, options: LassoOptions = {}): LinearModel {
  checkInput(X, y, lambda, "lasso");
  const { iterations = 1000, tolerance = 1e-10 } = options;
  const n = X.length;
  const d = X[0].length;
  const w = new Array<number>(d).fill(0);
  // (1/n) Σ x_ij²: the curvature along weight j. 1 for standardized columns; 0 for an all-zero column (skip it).
  const curvature = Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[j] * row[j], 0) / n);
  // Residuals r = y - b - Xw, kept up to date after every change so each update costs O(n), not O(n·d).
  let bias = 0;
  const r = y.slice();
  for (let sweep = 0; sweep < iterations; sweep++) {
    // Best bias for the current weights: shift it by the mean residual.
    const shift = r.reduce((s, v) => s + v, 0) / n;
    bias += shift;
    for (let i = 0; i < n; i++) r[i] -= shift;
    let biggest = Math.abs(shift);
    for (let j = 0; j < d; j++) {
      if (curvature[j] === 0) continue;
      let rho = 0;
      for (let i = 0; i < n; i++) rho += X[i][j] * (r[i] + X[i][j] * w[j]);
      rho /= n;
      const next = softThreshold(rho, lambda) / curvature[j];
      const delta = next - w[j];
      if (delta !== 0) {
        for (let i = 0; i < n; i++) r[i] -= X[i][j] * delta;
        w[j] = next;
      }
      biggest = Math.max(biggest, Math.abs(delta));
    }
    if (biggest < tolerance) break;
  }
  return { weights: w, bias };
}
