import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { createRng } from "../data";
import { rocAuc } from "../mlops/stats";
import { confusionAt, rocPoints, thresholdCounts } from "./binary-curves";

describe("thresholdCounts, rocPoints, confusionAt", () => {
  // Worked by hand: the two 0.9 scores (one positive, one negative) turn positive together: one diagonal step.
  const y = [1, 0, 1, 0];
  const s = [0.9, 0.9, 0.5, 0.1];

  test("tied scores form one threshold", () => {
    assert.deepEqual(thresholdCounts(y, s), {
      thresholds: [0.9, 0.5, 0.1],
      tp: [1, 2, 2],
      fp: [1, 1, 2],
      positives: 2,
      negatives: 2,
    });
    assert.deepEqual(rocPoints(y, s), { fpr: [0, 0.5, 0.5, 1], tpr: [0, 0.5, 1, 1] });
  });

  test("the confusion matrix at a threshold, including one above every score", () => {
    const c = thresholdCounts(y, s);
    assert.deepEqual(confusionAt(c, 0.5), [
      [1, 1],
      [0, 2],
    ]);
    assert.deepEqual(confusionAt(c, 0.95), [
      [2, 0],
      [2, 0],
    ]);
    assert.deepEqual(confusionAt(c, 0), [
      [0, 2],
      [0, 2],
    ]);
  });

  test("the trapezoid area under rocPoints equals the rank-based AUC, ties included", () => {
    const rng = createRng(5);
    const labels = Array.from({ length: 300 }, () => (rng.next() < 0.4 ? 1 : 0));
    const scores = labels.map((l) => Math.round((rng.next() + 0.3 * l) * 10) / 10); // coarse: many ties
    const { fpr, tpr } = rocPoints(labels, scores);
    let area = 0;
    for (let k = 1; k < fpr.length; k++) area += ((fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1])) / 2;
    assert.ok(Math.abs(area - rocAuc(labels, scores)) < 1e-12, `${area} vs ${rocAuc(labels, scores)}`);
  });

  test("bad input is refused with a clear error", () => {
    assert.throws(() => rocPoints([1, 1], [0.2, 0.3]), /both classes/);
    assert.throws(() => thresholdCounts([1, 2], [0.2, 0.3]), /0 or 1/);
    assert.throws(() => thresholdCounts([1], [0.2, 0.3]), /1 labels, 2 scores/);
  });
});
