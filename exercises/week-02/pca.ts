// Week 2 · Principal component analysis: the directions of largest variance, and how much each one explains.
// Read the "3. PCA" section of notebooks/week-02-unsupervised-learning.ipynb first.
// Grade it with `npm run grade pca`; stuck? `npm run hint pca`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; its EigenvalueDecomposition does the heavy lifting.
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { todo } from "../../src/grader/todo";

export interface PcaModel {
  /** The mean of each column of the training data (PCA works on centred data). */
  mean: number[];
  /**
   * The principal components, one per row, largest variance first: unit-length vectors, orthogonal to each other.
   * Each one's sign is fixed so that its entry with the largest absolute value is positive.
   */
  components: number[][];
  /** The variance of the data along each component (the covariance matrix's eigenvalues, divided by n - 1). */
  explainedVariance: number[];
  /** explainedVariance divided by the total variance of all columns: the share each component explains. */
  explainedVarianceRatio: number[];
}

/**
 * Fits PCA to X (rows are examples) and keeps the first nComponents components (default: all of them, one per column).
 * Throws an Error mentioning "two rows" for fewer than 2 rows, "row" when rows differ in length, and "nComponents"
 * when it is not a whole number from 1 to the number of columns.
 */
export function fitPca(X: number[][], nComponents?: number): PcaModel {
  return todo("pca");
}

/** Projects rows onto the components: (x - mean) · componentᵀ, one value per component. */
export function transformPca(model: PcaModel, X: number[][]): number[][] {
  return todo("pca");
}
