// Reference solution for exercises/week-02/random-forest.ts.
import { mulberry32 } from "../../src/data/random";
import { buildTree, predictTree, type TreeNode } from "./tree-build";

export interface ForestOptions {
  nEstimators: number;
  maxDepth?: number;
  minSamplesLeaf?: number;
  maxFeatures?: "sqrt" | "all" | number;
  seed?: number;
}

export interface Forest {
  trees: TreeNode[];
  samples: number[][];
  nClasses: number;
  nFeatures: number;
}

export function bootstrapSample(n: number, rng: () => number): number[] {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`bootstrapSample: n must be a whole number > 0, got ${n}`);
  return Array.from({ length: n }, () => Math.floor(rng() * n));
}

function featuresPerSplit(maxFeatures: ForestOptions["maxFeatures"], d: number): number {
  if (maxFeatures === undefined || maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(d)));
  if (maxFeatures === "all") return d;
  if (!(Number.isInteger(maxFeatures) && maxFeatures >= 1 && maxFeatures <= d)) {
    throw new Error(`maxFeatures must be "sqrt", "all" or a whole number in 1..${d}, got ${maxFeatures}`);
  }
  return maxFeatures;
}

/** k distinct indices out of 0..d-1: the first k steps of a Fisher–Yates shuffle. */
function randomSubset(d: number, k: number, rng: () => number): number[] {
  const all = Array.from({ length: d }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (d - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k).sort((a, b) => a - b);
}

export function trainForest(X: number[][], y: number[], opts: ForestOptions): Forest {
  if (X.length === 0) throw new Error("trainForest: empty input (no rows)");
  if (X.length !== y.length) throw new Error(`trainForest: X has ${X.length} rows but y has length ${y.length}`);
  if (!(Number.isInteger(opts.nEstimators) && opts.nEstimators >= 1)) {
    throw new Error(`trainForest: nEstimators must be a whole number >= 1, got ${opts.nEstimators}`);
  }
  const rng = mulberry32(opts.seed ?? 42);
  const nFeatures = X[0].length;
  const nClasses = Math.max(...y) + 1;
  const k = featuresPerSplit(opts.maxFeatures, nFeatures);
  const trees: TreeNode[] = [];
  const samples: number[][] = [];
  for (let t = 0; t < opts.nEstimators; t++) {
    const sample = bootstrapSample(X.length, rng);
    trees.push(
      buildTree(
        sample.map((i) => X[i]),
        sample.map((i) => y[i]),
        {
          maxDepth: opts.maxDepth,
          minSamplesLeaf: opts.minSamplesLeaf,
          // nClasses fixed up front: a bootstrap sample can miss a class, and every leaf must count all of them.
          nClasses,
          chooseFeatures: (d) => randomSubset(d, k, rng),
        },
      ),
    );
    samples.push(sample);
  }
  return { trees, samples, nClasses, nFeatures };
}

/** The winning class of each row's vote tally; ties go to the smaller class index. */
function argmaxRows(votes: number[][]): number[] {
  return votes.map((v) => v.reduce((best, count, c) => (count > v[best] ? c : best), 0));
}

export function predictForest(forest: Forest, X: number[][]): number[] {
  const votes = X.map(() => new Array<number>(forest.nClasses).fill(0));
  for (const tree of forest.trees) {
    predictTree(tree, X).forEach((c, i) => {
      votes[i][c]++;
    });
  }
  return argmaxRows(votes);
}

export function oobScore(forest: Forest, X: number[][], y: number[]): number {
  if (X.length !== y.length) throw new Error(`oobScore: X has ${X.length} rows but y has length ${y.length}`);
  if (forest.samples.length !== forest.trees.length) {
    throw new Error("oobScore: the forest has no bootstrap samples (a loaded forest cannot compute its OOB score)");
  }
  const votes = X.map(() => new Array<number>(forest.nClasses).fill(0));
  const voted = new Array<boolean>(X.length).fill(false);
  forest.trees.forEach((tree, t) => {
    const inBag = new Set(forest.samples[t]);
    const oobRows = X.map((_, i) => i).filter((i) => !inBag.has(i));
    predictTree(
      tree,
      oobRows.map((i) => X[i]),
    ).forEach((c, k) => {
      votes[oobRows[k]][c]++;
      voted[oobRows[k]] = true;
    });
  });
  const predicted = argmaxRows(votes);
  let right = 0;
  let counted = 0;
  for (let i = 0; i < X.length; i++) {
    if (!voted[i]) continue;
    counted++;
    if (predicted[i] === y[i]) right++;
  }
  if (counted === 0) throw new Error("oobScore: no row was ever out of bag (train more trees)");
  return right / counted;
}
