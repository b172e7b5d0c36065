// Reference solution for exercises/week-02/pca.ts.
import { EigenvalueDecomposition, Matrix } from "ml-matrix";

export interface PcaModel {
  mean: number[];
  components: number[][];
  explainedVariance: number[];
  explainedVarianceRatio: number[];
}

export function fitPca(X: number[][], nComponents?: number): PcaModel {
  if (X.length < 2) throw new Error("fitPca: needs at least two rows");
  const d = X[0].length;
  if (X.some((r) => r.length !== d)) throw new Error(`fitPca: every row must have ${d} values`);
  const keep = nComponents ?? d;
  if (!Number.isInteger(keep) || keep < 1 || keep > d) {
    throw new Error(`fitPca: nComponents must be a whole number from 1 to ${d}, got ${nComponents}`);
  }
  const n = X.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const centred = new Matrix(X.map((r) => r.map((v, j) => v - mean[j])));
  const covariance = centred
    .transpose()
    .mmul(centred)
    .div(n - 1);
  // The covariance matrix is symmetric: its eigenvectors are orthonormal and its eigenvalues real and >= 0.
  const evd = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const total = values.reduce((s, v) => s + v, 0);
  const chosen = order.slice(0, keep);
  const components = chosen.map((i) => {
    const v = vectors.getColumn(i);
    const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
    return largest < 0 ? v.map((x) => -x) : v;
  });
  const explainedVariance = chosen.map((i) => Math.max(values[i], 0));
  return { mean, components, explainedVariance, explainedVarianceRatio: explainedVariance.map((v) => v / total) };
}

export function transformPca(model: PcaModel, X: number[][]): number[][] {
  return X.map((x) => model.components.map((c) => c.reduce((s, w, j) => s + w * (x[j] - model.mean[j]), 0)));
}
