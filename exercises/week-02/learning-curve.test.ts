// Grades exercises/week-02/learning-curve.ts (and proves solutions/week-02/learning-curve.ts with the same file).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import type { Fit } from "./cross-validation";
import { learningCurve } from "./learning-curve";

// ml-cart ships no type declarations, so it is loaded with require() and given the small shape used here.
interface CartClassifier {
  train(X: number[][], y: number[]): void;
  predict(X: number[][]): number[];
}
const { DecisionTreeClassifier } = createRequire(import.meta.url)("ml-cart") as {
  DecisionTreeClassifier: new (opts: {
    maxDepth: number;
    minNumSamples: number;
    gainThreshold: number;
  }) => CartClassifier;
};

/** A model that remembers its training rows (by the id in column 0) and answers -1 for any row it has not seen. */
const memorizer: Fit = (XTrain, yTrain) => {
  const seen = new Map(XTrain.map((row, i) => [row[0], yTrain[i]]));
  return (X) => X.map((row) => seen.get(row[0]) ?? -1);
};

const X50 = Array.from({ length: 50 }, (_, i) => [i, i % 3]);
const y50 = X50.map(([i]) => i % 2);

test("one point per size, each with k train and k validation scores, on the right rows", () => {
  const sizes = [5, 10, 40];
  const points = learningCurve(X50, y50, sizes, memorizer, { k: 5, seed: 1 });
  assert.deepEqual(
    points.map((p) => p.size),
    sizes,
    "one point per requested size, in order",
  );
  for (const p of points) {
    assert.equal(p.trainScores.length, 5, `size ${p.size}: expected 5 train scores (one per fold)`);
    assert.equal(p.validationScores.length, 5, `size ${p.size}: expected 5 validation scores`);
    assert.deepEqual(
      p.trainScores,
      [1, 1, 1, 1, 1],
      `size ${p.size}: train scores must be measured on the training rows`,
    );
    assert.deepEqual(
      p.validationScores,
      [0, 0, 0, 0, 0],
      `size ${p.size}: a validation row was in the training set (the memorizer got it right)`,
    );
    assert.equal(p.trainMean, 1);
    assert.equal(p.trainStd, 0);
    assert.equal(p.validationMean, 0);
  }
});

test("the model is trained on exactly `size` rows, once per fold and size, and bigger sets contain smaller ones", () => {
  // Each fit records its training ids; its predict function records which validation fold it was shown.
  const fits: { train: number[]; fold: string }[] = [];
  const recording: Fit = (XTrain) => {
    const fit = { train: XTrain.map((r) => r[0]), fold: "" };
    fits.push(fit);
    return (rows) => {
      const ids = rows.map((r) => r[0]);
      if (!ids.some((i) => fit.train.includes(i))) fit.fold = ids.sort((a, b) => a - b).join(",");
      return rows.map(() => 0);
    };
  };
  learningCurve(X50, y50, [4, 12, 30], recording, { k: 5, seed: 3 });
  assert.equal(fits.length, 15, `3 sizes × 5 folds = 15 fits, got ${fits.length}`);
  const counts = [4, 12, 30].map((s) => fits.filter((f) => f.train.length === s).length);
  assert.deepEqual(counts, [5, 5, 5], "each size is trained once per fold");
  assert.ok(
    fits.every((f) => new Set(f.train).size === f.train.length),
    "a training subset must not repeat a row",
  );
  const folds = [...new Set(fits.map((f) => f.fold))];
  assert.ok(
    folds.length === 5 && !folds.includes(""),
    "each model must be scored on a validation fold it never trained on",
  );
  // The rows are sorted in the datasets (by class), so the subsets must be random, not the lowest row numbers.
  const sortedPrefix = folds.every((fold) => {
    const validation = new Set(fold.split(",").map(Number));
    const pool = X50.map((r) => r[0]).filter((i) => !validation.has(i));
    const smallest = fits.find((f) => f.fold === fold && f.train.length === 4)!;
    return [...smallest.train].sort((a, b) => a - b).join(",") === pool.slice(0, 4).join(",");
  });
  assert.ok(!sortedPrefix, "every 4-row subset is the fold's first 4 rows: shuffle each fold's training rows first");
  // Within a fold, the 4 training rows are among the 12, which are among the 30.
  for (const fold of folds) {
    const [a, b, c] = fits.filter((f) => f.fold === fold).sort((p, q) => p.train.length - q.train.length);
    assert.ok(
      a.train.every((i) => b.train.includes(i)) && b.train.every((i) => c.train.includes(i)),
      "the subsets of one fold should be nested: take prefixes of one shuffle per fold",
    );
  }
});

test("mean and std summarise the per-fold scores", () => {
  const halfRight: Fit = () => (rows) => rows.map((r) => (r[0] % 4 === 0 ? 0 : 1));
  for (const p of learningCurve(X50, y50, [10, 40], halfRight, { k: 5, seed: 2 })) {
    for (const [scores, mean, std] of [
      [p.trainScores, p.trainMean, p.trainStd],
      [p.validationScores, p.validationMean, p.validationStd],
    ] as const) {
      const m = scores.reduce((a, b) => a + b, 0) / scores.length;
      const sd = Math.sqrt(scores.reduce((s, v) => s + (v - m) ** 2, 0) / scores.length);
      assert.ok(
        Math.abs(mean - m) < 1e-12 && Math.abs(std - sd) < 1e-12,
        `expected mean ${m} std ${sd}, got ${mean} ${std}`,
      );
    }
  }
});

test("direction on breast cancer: with more data the train score falls, validation rises, the gap shrinks", () => {
  const data = loadDataset("breast-cancer");
  // The ten "mean_*" measurements keep the reference tree quick; the picture is the same with all thirty.
  const X = data.X.map((row) => row.slice(0, 10));
  const cart: Fit = (XTrain, yTrain) => {
    const tree = new DecisionTreeClassifier({ maxDepth: 4, minNumSamples: 1, gainThreshold: 0 });
    tree.train(XTrain, yTrain);
    return (rows) => tree.predict(rows);
  };
  // 569 rows in 5 folds: every fold has at least 455 training rows.
  const [small, large] = learningCurve(X, data.y, [20, 450], cart, { k: 5, seed: 42 });
  // Reference values: train 1.000 -> 0.972, validation 0.875 -> 0.921 (seeds 1 to 3 give the same picture).
  assert.ok(
    small.trainMean > large.trainMean,
    `a depth-4 tree memorises 20 rows (train ${small.trainMean.toFixed(3)}) but not 450 (${large.trainMean.toFixed(3)})`,
  );
  assert.ok(
    large.validationMean > small.validationMean,
    `validation accuracy should rise with data: ${small.validationMean.toFixed(3)} at 20 rows, ${large.validationMean.toFixed(3)} at 450`,
  );
  const gapSmall = small.trainMean - small.validationMean;
  const gapLarge = large.trainMean - large.validationMean;
  assert.ok(
    gapLarge < gapSmall,
    `the train-validation gap should shrink: ${gapSmall.toFixed(3)} -> ${gapLarge.toFixed(3)}`,
  );
});

test("learningCurve rejects no sizes, impossible sizes and different lengths", () => {
  assert.throws(() => learningCurve(X50, y50, [], memorizer), /empty/i);
  assert.throws(() => learningCurve(X50, y50, [41], memorizer, { k: 5 }), /size/i);
  assert.throws(() => learningCurve(X50, y50, [0], memorizer, { k: 5 }), /size/i);
  assert.throws(() => learningCurve(X50, y50.slice(1), [10], memorizer), /length/i);
});
