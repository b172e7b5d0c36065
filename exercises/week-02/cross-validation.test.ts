// Grades exercises/week-02/cross-validation.ts (and proves solutions/week-02/cross-validation.ts with the same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import { accuracyScore, crossValidate, type Fit, kFoldIndices, meanStd } from "./cross-validation";

/** Checks the k-fold contract: k disjoint folds covering 0..n-1 with sizes differing by at most one. */
function assertFolds(folds: number[][], n: number, k: number): void {
  assert.equal(folds.length, k, `expected ${k} folds, got ${folds.length}`);
  const all = folds.flat().sort((a, b) => a - b);
  assert.deepEqual(
    all,
    Array.from({ length: n }, (_, i) => i),
    `n=${n}, k=${k}: every index 0..${n - 1} must be in exactly one fold`,
  );
  const sizes = folds.map((f) => f.length);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `n=${n}, k=${k}: fold sizes differ by more than 1: ${sizes}`);
}

/** A model that remembers its training rows (by the id in column 0) and answers -1 for any row it has not seen. */
const memorizer: Fit = (XTrain, yTrain) => {
  const seen = new Map(XTrain.map((row, i) => [row[0], yTrain[i]]));
  return (X) => X.map((row) => seen.get(row[0]) ?? -1);
};

test("accuracyScore and meanStd", () => {
  assert.equal(accuracyScore([1, 0, 2, 2], [1, 1, 2, 0]), 0.5);
  assert.throws(() => accuracyScore([], []), /empty/i);
  assert.throws(() => accuracyScore([1], [1, 0]), /length/i);
  const { mean, std } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.equal(mean, 5);
  assert.equal(std, 2, "population std of [2, 4, 4, 4, 5, 5, 7, 9] is 2 (divide by n, not n - 1)");
});

test("kFoldIndices: k disjoint folds that cover every row, sizes within one", () => {
  for (const [n, k] of [
    [10, 3],
    [569, 5],
    [7, 7],
    [100, 10],
    [2, 2],
  ]) {
    assertFolds(kFoldIndices(n, k, 1), n, k);
  }
  const folds = kFoldIndices(10, 3, 1);
  assert.deepEqual(
    folds.map((f) => f.length),
    [4, 3, 3],
    "10 rows in 3 folds: the first n % k folds get the extra row",
  );
});

test("kFoldIndices shuffles with the seed: same seed, same folds; another seed, other folds", () => {
  assert.deepEqual(kFoldIndices(100, 5, 3), kFoldIndices(100, 5, 3));
  assert.notDeepEqual(kFoldIndices(100, 5, 3), kFoldIndices(100, 5, 4), "seeds 3 and 4 gave the same folds");
  const first = kFoldIndices(100, 5, 3)[0];
  assert.notDeepEqual(
    first,
    Array.from({ length: 20 }, (_, i) => i),
    "the folds must be shuffled: the datasets are sorted by class, so fold 0 = rows 0..19 would hold one class",
  );
});

test("kFoldIndices rejects empty input and impossible k", () => {
  assert.throws(() => kFoldIndices(0, 5), /empty/i);
  assert.throws(() => kFoldIndices(10, 1), /fold/i);
  assert.throws(() => kFoldIndices(3, 5), /fold/i);
});

test("crossValidate never scores a model on its own training rows, and uses kFoldIndices' folds in order", () => {
  const n = 23;
  const X = Array.from({ length: n }, (_, i) => [i, i % 4]);
  const y = X.map(([i]) => (i * 7) % 3);
  const result = crossValidate(X, y, 4, memorizer, { seed: 9 });
  assert.equal(result.scores.length, 4, `one score per fold: expected 4, got ${result.scores.length}`);
  assert.deepEqual(result.scores, [0, 0, 0, 0], "the memorizer scored above 0: a validation row was in training");

  // "Always predict 1" scores exactly the share of 1s in each validation fold.
  const alwaysOne: Fit = () => (rows) => rows.map(() => 1);
  const folds = kFoldIndices(n, 4, 9);
  const expected = folds.map((f) => f.filter((i) => y[i] === 1).length / f.length);
  const got = crossValidate(X, y, 4, alwaysOne, { seed: 9 });
  assert.deepEqual(got.scores, expected, "scores[f] must be the score on fold f of kFoldIndices(n, k, seed)");
  const m = expected.reduce((a, b) => a + b, 0) / 4;
  const sd = Math.sqrt(expected.reduce((s, v) => s + (v - m) ** 2, 0) / 4);
  assert.ok(Math.abs(got.mean - m) < 1e-12, `mean: expected ${m}, got ${got.mean}`);
  assert.ok(Math.abs(got.std - sd) < 1e-12, `std: expected ${sd} (population), got ${got.std}`);
});

test("crossValidate trains each fold's model on all the other rows, and takes a custom score", () => {
  const n = 30;
  const X = Array.from({ length: n }, (_, i) => [i]);
  const y = X.map(([i]) => i);
  const sizes: number[] = [];
  const counting: Fit = (XTrain) => {
    sizes.push(XTrain.length);
    return (rows) => rows.map(() => XTrain.length);
  };
  const negMse = (t: number[], p: number[]) => -t.reduce((s, v, i) => s + (v - p[i]) ** 2, 0) / t.length;
  const result = crossValidate(X, y, 3, counting, { seed: 2, score: negMse });
  assert.deepEqual(sizes, [20, 20, 20], "with 30 rows and 3 folds each model trains on 20 rows");
  assert.ok(
    result.scores.every((s) => s < 0),
    "the custom score (negative MSE) must be used instead of accuracy",
  );
});

test("crossValidate on iris: a nearest-centroid classifier averages above 0.9", () => {
  const { X, y } = loadDataset("iris");
  const nearestCentroid: Fit = (XTrain, yTrain) => {
    const classes = [...new Set(yTrain)];
    const centroids = classes.map((c) => {
      const rows = XTrain.filter((_, i) => yTrain[i] === c);
      return rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    });
    const dist = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);
    return (rows) =>
      rows.map((r) => classes[centroids.reduce((best, c, k) => (dist(r, c) < dist(r, centroids[best]) ? k : best), 0)]);
  };
  const result = crossValidate(X, y, 5, nearestCentroid, { seed: 42 });
  assert.ok(
    result.scores.every((s) => s > 0.8),
    `every fold should score above 0.8, got ${result.scores.map((s) => s.toFixed(3))}`,
  );
  assert.ok(result.mean > 0.9, `mean accuracy ${result.mean.toFixed(3)} should be above 0.9`);
});

test("crossValidate rejects empty input, bad k and different lengths", () => {
  assert.throws(() => crossValidate([], [], 5, memorizer), /empty/i);
  assert.throws(() => crossValidate([[1], [2], [3]], [0, 1, 0], 4, memorizer), /fold/i);
  assert.throws(() => crossValidate([[1], [2], [3]], [0, 1], 2, memorizer), /length/i);
});
