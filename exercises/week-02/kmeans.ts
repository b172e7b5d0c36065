// Week 2 · k-means clustering, with k-means++ starts and restarts.
// Read the "2. k-means clustering" section of notebooks/week-02-unsupervised-learning.ipynb first.
// Grade it with `npm run grade kmeans`; stuck? `npm run hint kmeans`.
// biome-ignore lint/correctness/noUnusedImports: imported for you; the k-means++ starts and restarts draw from it.
import { Random } from "../../src/data/random";
import { todo } from "../../src/grader/todo";

export interface KMeansOptions {
  /** Seed for the k-means++ starts (default 42): the same seed gives the same result. */
  seed?: number;
  /** How many k-means++ starts to run; the result with the lowest inertia wins (default 10). */
  nInit?: number;
  /** Lloyd iterations per start at most (default 300). */
  maxIterations?: number;
  /** Start from these k centroids instead (then there is one run, and seed and nInit are ignored). */
  initialCentroids?: number[][];
}

export interface KMeansResult {
  /** k rows: the mean of the points assigned to each cluster. */
  centroids: number[][];
  /** labels[i]: the cluster (0..k-1) of X[i], its nearest centroid. */
  labels: number[];
  /** Sum over all points of the squared distance to their centroid: what k-means minimises. */
  inertia: number;
  /** Lloyd iterations of the winning run (an iteration = assign every point, then move every centroid). */
  iterations: number;
}

/**
 * The index of the nearest centroid (squared Euclidean distance) for every row of X. A tie goes to the lower index.
 */
export function assignClusters(X: number[][], centroids: number[][]): number[] {
  return todo("kmeans");
}

/** The sum of squared distances from each X[i] to centroids[labels[i]]. */
export function inertia(X: number[][], centroids: number[][], labels: number[]): number {
  return todo("kmeans");
}

/**
 * k-means by Lloyd's algorithm: assign every point to its nearest centroid, move every centroid to the mean of its
 * points, repeat until no label changes (or maxIterations). Each start picks its first centroid as a uniformly random
 * row and every next one as a row drawn with probability proportional to its squared distance to the nearest centroid
 * chosen so far (k-means++). A cluster that ends an assignment with no points keeps its previous centroid.
 * Throws an Error mentioning "empty" for no rows, "row" when the rows differ in length, "k" when k is not a whole
 * number from 1 to the number of rows, and "initialCentroids" when they are not k rows of the right length.
 */
export function kMeans(X: number[][], k: number, opts: KMeansOptions = {}): KMeansResult {
  return todo("kmeans");
}
