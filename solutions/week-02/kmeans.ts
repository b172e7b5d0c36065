// Reference solution for exercises/week-02/kmeans.ts.
import { Random } from "../../src/data/random";

export interface KMeansOptions {
  seed?: number;
  nInit?: number;
  maxIterations?: number;
  initialCentroids?: number[][];
}

export interface KMeansResult {
  centroids: number[][];
  labels: number[];
  inertia: number;
  iterations: number;
}

function squaredDistance(a: number[], b: number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return s;
}

export function assignClusters(X: number[][], centroids: number[][]): number[] {
  return X.map((x) => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    centroids.forEach((c, k) => {
      const d = squaredDistance(x, c);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    return best;
  });
}

export function inertia(X: number[][], centroids: number[][], labels: number[]): number {
  return X.reduce((s, x, i) => s + squaredDistance(x, centroids[labels[i]]), 0);
}

/** k-means++: the first centroid uniformly, each next one with probability ∝ squared distance to the nearest so far. */
function kMeansPlusPlus(X: number[][], k: number, rng: Random): number[][] {
  const centroids = [X[rng.randInt(0, X.length)].slice()];
  const nearest = X.map((x) => squaredDistance(x, centroids[0]));
  while (centroids.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    let pick = 0;
    if (total > 0) {
      let r = rng.next() * total;
      pick = X.length - 1; // if rounding leaves r >= 0 after the last row
      for (let i = 0; i < nearest.length; i++) {
        r -= nearest[i];
        if (r < 0) {
          pick = i;
          break;
        }
      }
    } else {
      pick = rng.randInt(0, X.length); // every point coincides with a centroid already
    }
    const c = X[pick].slice();
    centroids.push(c);
    X.forEach((x, i) => {
      nearest[i] = Math.min(nearest[i], squaredDistance(x, c));
    });
  }
  return centroids;
}

function lloyd(X: number[][], start: number[][], maxIterations: number): KMeansResult {
  let centroids = start.map((c) => c.slice());
  let labels: number[] = [];
  let iterations = 0;
  while (iterations < maxIterations) {
    const next = assignClusters(X, centroids);
    iterations++;
    const changed = next.some((l, i) => l !== labels[i]);
    labels = next;
    if (!changed) break;
    const d = X[0].length;
    const sums = centroids.map(() => new Array<number>(d).fill(0));
    const counts = new Array<number>(centroids.length).fill(0);
    X.forEach((x, i) => {
      counts[labels[i]]++;
      for (let j = 0; j < d; j++) sums[labels[i]][j] += x[j];
    });
    centroids = centroids.map((old, c) => (counts[c] === 0 ? old : sums[c].map((s) => s / counts[c])));
  }
  return { centroids, labels, inertia: inertia(X, centroids, labels), iterations };
}

export function kMeans(X: number[][], k: number, opts: KMeansOptions = {}): KMeansResult {
  if (X.length === 0) throw new Error("kMeans: X is empty");
  const d = X[0].length;
  if (X.some((r) => r.length !== d)) throw new Error(`kMeans: every row must have ${d} values`);
  if (!Number.isInteger(k) || k < 1 || k > X.length)
    throw new Error(`kMeans: k must be a whole number from 1 to ${X.length}, got ${k}`);
  const { seed = 42, nInit = 10, maxIterations = 300, initialCentroids } = opts;
  if (initialCentroids) {
    if (initialCentroids.length !== k || initialCentroids.some((c) => c.length !== d)) {
      throw new Error(`kMeans: initialCentroids must be ${k} rows of ${d} values`);
    }
    return lloyd(X, initialCentroids, maxIterations);
  }
  const rng = new Random(seed);
  let best: KMeansResult | undefined;
  for (let run = 0; run < nInit; run++) {
    const result = lloyd(X, kMeansPlusPlus(X, k, rng), maxIterations);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}
