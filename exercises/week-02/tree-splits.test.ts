// Grades exercises/week-02/tree-splits.ts (and proves solutions/week-02/tree-splits.ts with the very same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import { bestSplit, entropy, gini } from "./tree-splits";

const close = (got: number, want: number, tol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: expected ${want}, got ${got}`);

/** The trusted reference: Gini from its definition, 1 - Σ p², written independently of the learner's code. */
function refGini(labels: number[]): number {
  const counts = new Map<number, number>();
  for (const c of labels) counts.set(c, (counts.get(c) ?? 0) + 1);
  let s = 0;
  for (const k of counts.values()) s += (k / labels.length) ** 2;
  return 1 - s;
}

/** The Gini decrease of one (feature, threshold), by brute force. */
function refDecrease(X: number[][], y: number[], feature: number, threshold: number): number {
  const left = y.filter((_, i) => X[i][feature] <= threshold);
  const right = y.filter((_, i) => X[i][feature] > threshold);
  const n = y.length;
  return refGini(y) - (left.length / n) * refGini(left) - (right.length / n) * refGini(right);
}

/** The best decrease over every feature and every midpoint between distinct values: the exhaustive check. */
function exhaustiveBest(X: number[][], y: number[], features: number[], minLeaf = 1): number | null {
  let best: number | null = null;
  for (const f of features) {
    const values = [...new Set(X.map((r) => r[f]))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < values.length; i++) {
      const t = (values[i] + values[i + 1]) / 2;
      const nLeft = X.filter((r) => r[f] <= t).length;
      if (nLeft < minLeaf || X.length - nLeft < minLeaf) continue;
      const d = refDecrease(X, y, f, t);
      if (best === null || d > best) best = d;
    }
  }
  return best;
}

/** Checks a returned split is a legal midpoint, really achieves its claimed decrease, and that it is the best. */
function assertBest(X: number[][], y: number[], features: number[], minLeaf: number, what: string): void {
  const got = bestSplit(X, y, { features, minSamplesLeaf: minLeaf });
  const want = exhaustiveBest(X, y, features, minLeaf);
  assert.ok(want !== null, "test set-up: a split must exist");
  assert.ok(got !== null, `${what}: expected a split with decrease ${want}, got null`);
  assert.ok(features.includes(got.feature), `${what}: feature ${got.feature} is not one of [${features}]`);
  const values = [...new Set(X.map((r) => r[got.feature]))].sort((a, b) => a - b);
  const isMidpoint = values.some(
    (v, i) => i + 1 < values.length && Math.abs((v + values[i + 1]) / 2 - got.threshold) < 1e-9,
  );
  assert.ok(isMidpoint, `${what}: threshold ${got.threshold} is not a midpoint between two distinct values`);
  const nLeft = X.filter((r) => r[got.feature] <= got.threshold).length;
  assert.ok(
    nLeft >= minLeaf && X.length - nLeft >= minLeaf,
    `${what}: the split leaves ${nLeft} and ${X.length - nLeft} rows, fewer than minSamplesLeaf = ${minLeaf}`,
  );
  const actual = refDecrease(X, y, got.feature, got.threshold);
  close(got.decrease, actual, 1e-9, `${what}: the decrease reported for feature ${got.feature} ≤ ${got.threshold}`);
  close(got.decrease, want, 1e-9, `${what}: the best decrease found by trying every split`);
}

test("gini and entropy match hand-computed values", () => {
  close(gini([5, 5]), 0.5, 1e-12, "gini([5, 5])");
  close(gini([10, 0]), 0, 1e-12, "gini([10, 0]) (a pure node)");
  close(gini([2, 1, 1]), 0.625, 1e-12, "gini([2, 1, 1]) = 1 - (1/4 + 1/16 + 1/16)");
  close(gini([1, 1, 1]), 2 / 3, 1e-12, "gini([1, 1, 1])");
  close(entropy([5, 5]), 1, 1e-12, "entropy([5, 5]) in bits");
  close(entropy([1, 1, 1, 1]), 2, 1e-12, "entropy([1, 1, 1, 1]) = log2(4)");
  close(entropy([3, 1]), 0.8112781244591328, 1e-12, "entropy([3, 1]) = -(3/4)log2(3/4) - (1/4)log2(1/4)");
  close(entropy([7, 0]), 0, 1e-12, "entropy([7, 0]): 0 · log 0 counts as 0, not NaN");
});

test("gini and entropy reject an empty node", () => {
  assert.throws(() => gini([]), /empty/i);
  assert.throws(() => gini([0, 0]), /empty/i);
  assert.throws(() => entropy([0, 0, 0]), /empty/i);
});

test("bestSplit finds the one perfect split in a small table", () => {
  // Feature 0 separates the classes exactly between 3 and 3.5; feature 1 is noise.
  const X = [
    [2, 7],
    [3.5, 1],
    [1, 4],
    [4, 9],
    [3, 3],
    [5, 6],
  ];
  const y = [0, 1, 0, 1, 0, 1];
  const s = bestSplit(X, y);
  assert.ok(s !== null, "expected a split, got null");
  assert.equal(s.feature, 0, `expected feature 0, got ${s.feature}`);
  close(s.threshold, 3.25, 1e-12, "threshold (the midpoint of 3 and 3.5)");
  close(s.decrease, 0.5, 1e-12, "decrease (gini 0.5 down to two pure children)");
  assertBest(X, y, [1], 1, "restricted to feature 1");
});

test("bestSplit never cuts between two equal values", () => {
  // Cutting between the two 1s would look great (decrease 0.375) but no threshold can do it: x <= t keeps both.
  const X = [[1], [1], [2], [2]];
  const y = [0, 1, 1, 1];
  const s = bestSplit(X, y);
  assert.ok(s !== null, "expected the split at 1.5, got null");
  close(s.threshold, 1.5, 1e-12, "threshold");
  close(s.decrease, 0.125, 1e-12, "decrease: gini 0.375 down to (2/4)·0.5 + (2/4)·0");
});

test("bestSplit is the best of every possible split on iris (many repeated values)", () => {
  const { X, y } = loadDataset("iris");
  assertBest(X, y, [0, 1, 2, 3], 1, "iris, all features");
  assertBest(X, y, [0, 1], 1, "iris, features [0, 1]");
  // The best unrestricted split isolates the 50 setosas; with at least 60 rows per side it is not allowed.
  assertBest(X, y, [0, 1, 2, 3], 60, "iris, minSamplesLeaf 60");
});

test("bestSplit returns null when nothing can be split", () => {
  assert.equal(
    bestSplit(
      [
        [1, 5],
        [1, 5],
        [1, 5],
      ],
      [0, 1, 0],
    ),
    null,
    "every feature is constant: no threshold separates anything",
  );
  assert.equal(bestSplit([[1], [2], [3]], [0, 1, 0], { minSamplesLeaf: 2 }), null, "3 rows cannot give 2 + 2");
});

test("bestSplit rejects empty input and different lengths", () => {
  assert.throws(() => bestSplit([], []), /empty/i);
  assert.throws(() => bestSplit([[1], [2]], [0]), /length/i);
});
