// Grades exercises/week-01/roc-auc.ts (and proves solutions/week-01/roc-auc.ts with this file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { fitStandardizer, loadDataset } from "../../src/data";
import { auc, rocCurve } from "./roc-auc";

function closeArray(got: readonly number[], expected: readonly number[], what: string, tol = 1e-12): void {
  assert.equal(got.length, expected.length, `${what}: expected ${expected.length} values, got ${got.length} (${got})`);
  expected.forEach((e, k) => {
    // got === e first: Infinity - Infinity is NaN, and the first threshold is Infinity.
    assert.ok(got[k] === e || Math.abs(got[k] - e) <= tol, `${what}[${k}]: expected ${e}, got ${got[k]} (all: ${got})`);
  });
}

/**
 * The independent reference: AUC is the probability that a random positive scores higher than a random negative,
 * counting a tie as half (the Mann-Whitney U statistic divided by P·N). Checked pair by pair, no curve involved.
 */
function mannWhitney(yTrue: readonly number[], scores: readonly number[]): number {
  const pos = scores.filter((_, i) => yTrue[i] === 1);
  const neg = scores.filter((_, i) => yTrue[i] === 0);
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

test("a hand-computed curve with ties: each tied score is one diagonal step", () => {
  // Positives score 0.9, 0.8, 0.5; negatives 0.8, 0.5, 0.1. Two ties between a positive and a negative.
  const yTrue = [1, 0, 1, 1, 0, 0];
  const scores = [0.9, 0.8, 0.8, 0.5, 0.5, 0.1];
  const roc = rocCurve(yTrue, scores);
  closeArray(roc.thresholds, [Number.POSITIVE_INFINITY, 0.9, 0.8, 0.5, 0.1], "thresholds (one per distinct score)");
  closeArray(roc.fpr, [0, 0, 1 / 3, 2 / 3, 1], "fpr");
  closeArray(roc.tpr, [0, 1 / 3, 2 / 3, 1, 1], "tpr");
  // Trapezoids: 0 + (1/3)(1/3 + 2/3)/2 + (1/3)(2/3 + 1)/2 + (1/3)(1 + 1)/2 = 1/6 + 5/18 + 1/3 = 7/9.
  const area = auc(roc.fpr, roc.tpr);
  assert.ok(Math.abs(area - 7 / 9) < 1e-12, `AUC: expected 7/9 = ${7 / 9}, got ${area}`);
  // The order of tied examples in the input must not matter.
  const swapped = rocCurve([1, 1, 0, 0, 1, 0], [0.9, 0.8, 0.8, 0.5, 0.5, 0.1]);
  closeArray(swapped.fpr, roc.fpr, "fpr after reordering tied examples");
  closeArray(swapped.tpr, roc.tpr, "tpr after reordering tied examples");
});

test("auc is the trapezoid rule", () => {
  assert.equal(auc([0, 1], [0, 1]), 0.5, "the diagonal has area 1/2");
  assert.equal(auc([0, 0, 1], [0, 1, 1]), 1, "the perfect curve has area 1");
  assert.ok(Math.abs(auc([0, 0.5, 1], [0, 1, 0]) - 0.5) < 1e-15, "a triangle of base 1 and height 1");
  assert.throws(() => auc([0, 1], [0]), /length/i);
  assert.throws(() => auc([0], [0]), /two points/i);
});

test("on real scores (breast cancer), AUC equals the Mann-Whitney probability P(pos > neg) + ½·P(tie)", () => {
  const data = loadDataset("breast-cancer");
  const column = (name: string) => data.X.map((row) => row[data.featureNames.indexOf(name)]);
  // 1. A raw feature as the score: 13 tumours have exactly 0 concave points, so there are many ties.
  const concave = column("mean_concave_points");
  // 2. A fixed linear score on standardized features (no fitting: the test must not depend on another exercise).
  const Z = fitStandardizer(data.X).transform(data.X);
  const pick = ["worst_radius", "worst_texture", "mean_smoothness"].map((n) => data.featureNames.indexOf(n));
  const linear = Z.map((z) => 1.5 * z[pick[0]] + 0.8 * z[pick[1]] + 0.4 * z[pick[2]]);
  for (const [name, scores] of [
    ["mean concave points", concave],
    ["a fixed linear score", linear],
  ] as const) {
    const roc = rocCurve(data.y, scores);
    const expected = mannWhitney(data.y, scores);
    const got = auc(roc.fpr, roc.tpr);
    assert.ok(Math.abs(got - expected) < 1e-12, `${name}: expected AUC ${expected}, got ${got}`);
    const distinct = new Set(scores).size;
    assert.equal(roc.fpr.length, distinct + 1, `${name}: one point per distinct score, plus (0, 0)`);
    assert.deepEqual([roc.fpr[0], roc.tpr[0]], [0, 0], `${name}: the curve starts at (0, 0)`);
    assert.deepEqual([roc.fpr.at(-1), roc.tpr.at(-1)], [1, 1], `${name}: the curve ends at (1, 1)`);
    for (let k = 1; k < roc.fpr.length; k++) {
      assert.ok(roc.fpr[k] >= roc.fpr[k - 1] && roc.tpr[k] >= roc.tpr[k - 1], `${name}: the curve never goes back`);
      assert.ok(roc.thresholds[k] < roc.thresholds[k - 1], `${name}: thresholds strictly decrease`);
    }
  }
});

test("perfectly separated scores give AUC 1, reversed scores give AUC 0", () => {
  const yTrue = [0, 0, 0, 1, 1];
  const perfect = rocCurve(yTrue, [0.1, 0.2, 0.3, 0.8, 0.9]);
  assert.equal(auc(perfect.fpr, perfect.tpr), 1, "every positive above every negative");
  closeArray(perfect.tpr, [0, 0.5, 1, 1, 1, 1], "tpr of the perfect ranking");
  const reversed = rocCurve(yTrue, [0.9, 0.8, 0.7, 0.2, 0.1]);
  assert.equal(auc(reversed.fpr, reversed.tpr), 0, "every positive below every negative");
  const allTied = rocCurve(yTrue, [0.5, 0.5, 0.5, 0.5, 0.5]);
  closeArray(allTied.fpr, [0, 1], "one score for everyone: fpr");
  closeArray(allTied.tpr, [0, 1], "one score for everyone: tpr");
  assert.equal(auc(allTied.fpr, allTied.tpr), 0.5, "a constant score is a coin flip");
});

test("bad input gets a clear error", () => {
  assert.throws(() => rocCurve([1, 1, 1], [0.2, 0.5, 0.9]), /both classes/i, "only positives: AUC is undefined");
  assert.throws(() => rocCurve([0, 0], [0.2, 0.5]), /both classes/i, "only negatives: AUC is undefined");
  assert.throws(() => rocCurve([], []), /empty/i);
  assert.throws(() => rocCurve([0, 1], [0.5]), /length/i);
  assert.throws(() => rocCurve([0, 2], [0.1, 0.5]), /label/i, "labels must be 0 or 1");
});
