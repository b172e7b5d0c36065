/**
 * Cross-validation folds as plain index lists, so the same folds can be handed to another library (or to Python:
 * bench/forest-vs-sklearn.ts does exactly that) and every model is scored on identical splits.
 */
import { Random } from "../data/random";

export interface Fold {
  train: number[];
  test: number[];
}

function checkK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new Error(`k must be an integer >= 2, got ${k}.`);
  if (k > n) throw new Error(`k = ${k} folds need at least ${k} rows, got ${n}.`);
}

/** Deal the rows (shuffled with the seed) into k folds whose sizes differ by at most one. */
export function kFold(n: number, k = 5, seed = 42): Fold[] {
  checkK(n, k);
  return foldsFrom(new Random(seed).permutation(n), n, k);
}

/**
 * Like kFold, but every fold keeps each class's share of y (y holds class indices): shuffle each class, then deal
 * the rows class after class into the folds in turn, so a class with 10 rows puts 2 in each of 5 folds.
 */
export function stratifiedKFold(y: readonly number[], k = 5, seed = 42): Fold[] {
  checkK(y.length, k);
  const rng = new Random(seed);
  const classes = [...new Set(y)].sort((a, b) => a - b);
  const order = classes.flatMap((c) => rng.shuffle(y.flatMap((v, i) => (v === c ? [i] : []))));
  return foldsFrom(order, y.length, k);
}

function foldsFrom(order: number[], n: number, k: number): Fold[] {
  const foldOf = new Int32Array(n);
  order.forEach((row, pos) => {
    foldOf[row] = pos % k;
  });
  return Array.from({ length: k }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i++) (foldOf[i] === f ? test : train).push(i);
    return { train, test };
  });
}
