// Reference solution for exercises/week-02/cross-validation.ts.
import { Random } from "../../src/data/random";

export type Predict = (X: number[][]) => number[];
export type Fit = (XTrain: number[][], yTrain: number[]) => Predict;
export type Scorer = (yTrue: number[], yPred: number[]) => number;

export interface CrossValidateOptions {
  seed?: number;
  score?: Scorer;
}

export interface CrossValidationResult {
  scores: number[];
  mean: number;
  std: number;
}

export function accuracyScore(yTrue: number[], yPred: number[]): number {
  if (yTrue.length === 0) throw new Error("accuracyScore: empty input");
  if (yTrue.length !== yPred.length) {
    throw new Error(`accuracyScore: length mismatch (${yTrue.length} vs ${yPred.length})`);
  }
  let right = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) right++;
  return right / yTrue.length;
}

export function kFoldIndices(n: number, k: number, seed = 42): number[][] {
  if (n === 0) throw new Error("kFoldIndices: empty input (n = 0)");
  if (!Number.isInteger(n) || n < 0) throw new Error(`kFoldIndices: n must be a whole number, got ${n}`);
  if (!Number.isInteger(k) || k < 2) throw new Error(`kFoldIndices: need a whole number k >= 2 of folds, got ${k}`);
  if (k > n) throw new Error(`kFoldIndices: k = ${k} folds is more than the n = ${n} rows`);
  const order = new Random(seed).permutation(n);
  // The first n % k folds get one extra row, so sizes differ by at most one.
  const base = Math.floor(n / k);
  const extra = n % k;
  const folds: number[][] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    folds.push(order.slice(start, start + size));
    start += size;
  }
  return folds;
}

export function meanStd(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

export function crossValidate(
  X: number[][],
  y: number[],
  k: number,
  fit: Fit,
  opts: CrossValidateOptions = {},
): CrossValidationResult {
  if (X.length !== y.length) throw new Error(`crossValidate: X has ${X.length} rows but y has length ${y.length}`);
  const score = opts.score ?? accuracyScore;
  const folds = kFoldIndices(X.length, k, opts.seed ?? 42);
  const scores = folds.map((testIdx) => {
    const isTest = new Array<boolean>(X.length).fill(false);
    for (const i of testIdx) isTest[i] = true;
    const trainIdx = X.map((_, i) => i).filter((i) => !isTest[i]);
    const predict = fit(
      trainIdx.map((i) => X[i]),
      trainIdx.map((i) => y[i]),
    );
    const yPred = predict(testIdx.map((i) => X[i]));
    return score(
      testIdx.map((i) => y[i]),
      yPred,
    );
  });
  return { scores, ...meanStd(scores) };
}
