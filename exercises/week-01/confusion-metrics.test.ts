// Grades exercises/week-01/confusion-metrics.ts (and proves solutions/week-01/confusion-metrics.ts with this file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, Random } from "../../src/data";
import { confusionMatrix, f1, macroF1, precision, recall } from "./confusion-metrics";

function close(got: number, expected: number, what: string, tol = 1e-12): void {
  assert.ok(Math.abs(got - expected) <= tol, `${what}: expected ${expected}, got ${got}`);
}

test("a hand-computed binary case: TP 2, FN 2, FP 1, TN 5", () => {
  const yTrue = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
  const yPred = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0];
  assert.deepEqual(
    confusionMatrix(yTrue, yPred, 2),
    [
      [5, 1],
      [2, 2],
    ],
    "rows are the true class, columns the predicted class: [[TN, FP], [FN, TP]]",
  );
  close(precision(yTrue, yPred), 2 / 3, "precision = TP / (TP + FP) = 2 / 3");
  close(recall(yTrue, yPred), 1 / 2, "recall = TP / (TP + FN) = 2 / 4");
  close(f1(yTrue, yPred), 4 / 7, "F1 = 2·(2/3)·(1/2) / (2/3 + 1/2) = 4/7");
  // Class 0 as the positive class: TP 5, FP 2, FN 1.
  close(precision(yTrue, yPred, 0), 5 / 7, "precision of class 0 = 5 / 7");
  close(recall(yTrue, yPred, 0), 5 / 6, "recall of class 0 = 5 / 6");
  close(
    macroF1(yTrue, yPred, 2),
    (4 / 7 + 10 / 13) / 2,
    "macro-F1 = mean of F1(class 0) = 10/13 and F1(class 1) = 4/7",
  );
});

test("all one class: the 0/0 cases return 0, never NaN (scikit-learn's zero_division=0)", () => {
  const zeros = [0, 0, 0, 0];
  const ones = [1, 1, 1, 1];
  // Nothing is positive, and nothing is predicted positive.
  assert.deepEqual(confusionMatrix(zeros, zeros, 2), [
    [4, 0],
    [0, 0],
  ]);
  assert.equal(precision(zeros, zeros), 0, "no predicted positives: precision 0/0 counts as 0");
  assert.equal(recall(zeros, zeros), 0, "no actual positives: recall 0/0 counts as 0");
  assert.equal(f1(zeros, zeros), 0, "precision + recall = 0: F1 counts as 0");
  assert.equal(precision(zeros, zeros, 0), 1, "class 0 as the positive class is predicted perfectly");
  assert.equal(macroF1(zeros, zeros, 2), 0.5, "macro-F1 averages F1(class 0) = 1 and F1(class 1) = 0");
  // Every example positive, the model says negative to all: 0/0 precision, 0/4 recall.
  assert.equal(precision(ones, zeros), 0);
  assert.equal(recall(ones, zeros), 0);
  assert.equal(f1(ones, zeros), 0);
  // Every example negative, the model says positive to all: 0/4 precision, 0/0 recall.
  assert.equal(precision(zeros, ones), 0);
  assert.equal(recall(zeros, ones), 0);
  // The model predicts one class everywhere and the truth is mixed: recall 1, precision = the positive share.
  close(precision([1, 0, 0, 1], ones), 0.5, "precision when everything is predicted positive");
  assert.equal(recall([1, 0, 0, 1], ones), 1);
});

test("empty input and different lengths get a clear error", () => {
  for (const [name, fn] of [
    ["precision", precision],
    ["recall", recall],
    ["f1", f1],
  ] as const) {
    assert.throws(() => fn([], []), /empty/i, `${name}([], []) should throw mentioning "empty"`);
    assert.throws(() => fn([1, 0], [1]), /length/i, `${name} with 2 labels and 1 prediction should mention "length"`);
  }
  assert.throws(() => confusionMatrix([], [], 2), /empty/i);
  assert.throws(() => confusionMatrix([0, 1], [0], 2), /length/i);
  assert.throws(() => macroF1([], [], 3), /empty/i);
  assert.throws(() => macroF1([0, 1, 2], [0, 1], 3), /length/i);
  assert.throws(() => confusionMatrix([0, 3], [0, 1], 3), /label/i, "label 3 does not exist when nClasses = 3");
  assert.throws(() => confusionMatrix([0, 1], [0, -1], 3), /label/i, "label -1 does not exist");
});

test("a 3-class, iris-sized case matches an independent count (fixed seed)", () => {
  const yTrue = loadDataset("iris").y;
  // A noisy "model": right 70% of the time, a random class otherwise.
  const rng = new Random(3);
  const yPred = yTrue.map((c) => (rng.next() < 0.7 ? c : rng.randInt(0, 3)));

  const count = (t: number, p: number) => yTrue.filter((c, i) => c === t && yPred[i] === p).length;
  const expected = [0, 1, 2].map((t) => [0, 1, 2].map((p) => count(t, p)));
  assert.deepEqual(confusionMatrix(yTrue, yPred, 3), expected);

  let f1Sum = 0;
  for (const c of [0, 1, 2]) {
    const tp = count(c, c);
    const fp = yPred.filter((p, i) => p === c && yTrue[i] !== c).length;
    const fn = yTrue.filter((t, i) => t === c && yPred[i] !== c).length;
    close(precision(yTrue, yPred, c), tp / (tp + fp), `precision of class ${c}`);
    close(recall(yTrue, yPred, c), tp / (tp + fn), `recall of class ${c}`);
    // An independent formula: 2·P·R / (P + R) simplifies to 2·TP / (2·TP + FP + FN).
    const f = (2 * tp) / (2 * tp + fp + fn);
    close(f1(yTrue, yPred, c), f, `F1 of class ${c}`);
    f1Sum += f;
  }
  close(macroF1(yTrue, yPred, 3), f1Sum / 3, "macro-F1 = mean of the three per-class F1");
  // A 4th class that never occurs still counts, with F1 = 0: macro-F1 averages over ALL nClasses classes.
  close(macroF1(yTrue, yPred, 4), f1Sum / 4, "macro-F1 over 4 classes, the 4th absent");
});
