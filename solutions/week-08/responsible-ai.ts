// Reference solution for responsible-ai.
import { Random } from "../../src/data/index";

function checkLengths(what: string, ...arrays: ArrayLike<unknown>[]): void {
  const n = arrays[0].length;
  if (n === 0) throw new Error(`${what}: no rows (length 0)`);
  if (arrays.some((a) => a.length !== n)) throw new Error(`${what}: arrays of different length`);
}

function rateDifference(rates: Record<string, number>): number {
  const values = Object.values(rates);
  return Math.max(...values) - Math.min(...values);
}

export interface GroupRates {
  rates: Record<string, number>;
  difference: number;
}

export function demographicParity(pred: ArrayLike<number>, group: readonly string[]): GroupRates {
  checkLengths("demographicParity", pred, group);
  const pos: Record<string, number> = {};
  const all: Record<string, number> = {};
  for (let i = 0; i < group.length; i++) {
    all[group[i]] = (all[group[i]] ?? 0) + 1;
    pos[group[i]] = (pos[group[i]] ?? 0) + (pred[i] === 1 ? 1 : 0);
  }
  if (Object.keys(all).length < 2) throw new Error("demographicParity: needs at least two groups");
  const rates = Object.fromEntries(Object.keys(all).map((g) => [g, pos[g] / all[g]]));
  return { rates, difference: rateDifference(rates) };
}

export function equalOpportunity(
  yTrue: ArrayLike<number>,
  pred: ArrayLike<number>,
  group: readonly string[],
): GroupRates {
  checkLengths("equalOpportunity", yTrue, pred, group);
  const tp: Record<string, number> = {};
  const positives: Record<string, number> = {};
  for (const g of new Set(group)) positives[g] = 0;
  for (let i = 0; i < group.length; i++) {
    if (yTrue[i] !== 1) continue;
    positives[group[i]] += 1;
    tp[group[i]] = (tp[group[i]] ?? 0) + (pred[i] === 1 ? 1 : 0);
  }
  if (Object.keys(positives).length < 2) throw new Error("equalOpportunity: needs at least two groups");
  for (const [g, n] of Object.entries(positives)) {
    if (n === 0)
      throw new Error(`equalOpportunity: group "${g}" has no positives, so its true positive rate is undefined`);
  }
  const rates = Object.fromEntries(Object.keys(positives).map((g) => [g, (tp[g] ?? 0) / positives[g]]));
  return { rates, difference: rateDifference(rates) };
}

export function accuracyScore(yTrue: ArrayLike<number>, pred: ArrayLike<number>): number {
  checkLengths("accuracy", yTrue, pred);
  let right = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === pred[i]) right++;
  return right / yTrue.length;
}

export interface Importance {
  baseline: number;
  mean: number[];
  std: number[];
}

export function permutationImportance(
  predict: (X: number[][]) => ArrayLike<number>,
  X: readonly (readonly number[])[],
  y: ArrayLike<number>,
  opts: { repeats: number; seed: number },
): Importance {
  checkLengths("permutationImportance", X, y);
  if (!Number.isInteger(opts.repeats) || opts.repeats < 1) throw new Error("repeats must be an integer >= 1");
  const rng = new Random(opts.seed);
  const baseline = accuracyScore(y, predict(X.map((r) => [...r])));
  const nFeatures = X[0].length;
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < nFeatures; j++) {
    const drops: number[] = [];
    for (let r = 0; r < opts.repeats; r++) {
      const order = rng.permutation(X.length);
      const shuffled = X.map((row, i) => {
        const copy = [...row];
        copy[j] = X[order[i]][j];
        return copy;
      });
      drops.push(baseline - accuracyScore(y, predict(shuffled)));
    }
    const m = drops.reduce((a, b) => a + b, 0) / drops.length;
    mean.push(m);
    std.push(Math.sqrt(drops.reduce((a, d) => a + (d - m) ** 2, 0) / drops.length));
  }
  return { baseline, mean, std };
}
