// Grades exercises/week-02/gradient-boosting.ts (and proves solutions/week-02/gradient-boosting.ts with the same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { fitGradientBoosting, fitRegressionTree, predictBoosting, predictRegressionTree } from "./gradient-boosting";

const close = (got: number, want: number, tol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= tol, `${what}: expected ${want}, got ${got}`);

function mse(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length;
}

/** Sum of squared errors around the mean. */
function sse(values: number[]): number {
  if (values.length === 0) return 0;
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((s, v) => s + (v - m) ** 2, 0);
}

/** The reference for a stump: the smallest SSE over every feature and every midpoint, by brute force. */
function bestStumpSse(X: number[][], y: number[]): number {
  let best = sse(y);
  for (let f = 0; f < X[0].length; f++) {
    const values = [...new Set(X.map((r) => r[f]))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < values.length; i++) {
      const t = (values[i] + values[i + 1]) / 2;
      const total = sse(y.filter((_, r) => X[r][f] <= t)) + sse(y.filter((_, r) => X[r][f] > t));
      best = Math.min(best, total);
    }
  }
  return best;
}

const diabetes = loadDataset("diabetes");
const split = trainTestSplit(diabetes.X, diabetes.y, { testSize: 0.2, seed: 42 });

test("two stages by hand: stumps on the residuals with learning rate 0.5", () => {
  const X = [[1], [2], [3], [4]];
  const y = [1, 1, 3, 5];
  const { model, trainLoss } = fitGradientBoosting(X, y, { nEstimators: 2, learningRate: 0.5, maxDepth: 1 });
  // init = mean(y) = 2.5; residuals -1.5, -1.5, 0.5, 2.5; the best stump cuts at 2.5 with leaves -1.5 and 1.5.
  close(model.init, 2.5, 1e-12, "init (the mean of y)");
  assert.equal(model.trees.length, 2, `expected 2 trees, got ${model.trees.length}`);
  assert.deepEqual(
    model.trees[0],
    {
      kind: "split",
      feature: 0,
      threshold: 2.5,
      left: { kind: "leaf", value: -1.5 },
      right: { kind: "leaf", value: 1.5 },
    },
    "the first stump",
  );
  // After stage 1: predictions 1.75, 1.75, 3.25, 3.25 -> MSE (0.5625·2 + 0.0625 + 3.0625)/4 = 1.0625.
  // Stage 2 cuts at 3.5 (leaves -7/12 and 1.75): predictions 35/24, 35/24, 71/24, 99/24 -> MSE 684/2304.
  assert.equal(trainLoss.length, 2, "one loss per stage");
  close(trainLoss[0], 1.0625, 1e-12, "training MSE after stage 1");
  close(trainLoss[1], 0.296875, 1e-12, "training MSE after stage 2");
  const pred = predictBoosting(model, X);
  [35 / 24, 35 / 24, 71 / 24, 99 / 24].forEach((want, i) => {
    close(pred[i], want, 1e-12, `prediction for row ${i}`);
  });
});

test("a regression stump minimises the squared error (exhaustive check on diabetes)", () => {
  const X = split.XTrain;
  const y = split.yTrain;
  const stump = fitRegressionTree(X, y, { maxDepth: 1 });
  assert.equal(stump.kind, "split", "maxDepth 1 on varied data: expected a split");
  const pred = predictRegressionTree(stump, X);
  const got = y.reduce((s, v, i) => s + (v - pred[i]) ** 2, 0);
  const want = bestStumpSse(X, y);
  assert.ok(
    Math.abs(got - want) <= 1e-6 * want,
    `the stump's SSE ${got.toFixed(2)} should equal the best possible ${want.toFixed(2)}`,
  );
  const leafOnly = fitRegressionTree(X, y, { maxDepth: 0 });
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  assert.equal(leafOnly.kind, "leaf", "maxDepth 0 is a single leaf");
  close(predictRegressionTree(leafOnly, [X[0]])[0], mean, 1e-9, "a single leaf predicts the mean");
});

test("on diabetes the training loss falls at every stage and the test MSE beats the mean baseline", () => {
  const { model, trainLoss } = fitGradientBoosting(split.XTrain, split.yTrain, {
    nEstimators: 100,
    learningRate: 0.1,
    maxDepth: 2,
  });
  assert.equal(trainLoss.length, 100, `expected 100 losses, got ${trainLoss.length}`);
  // Each tree is a least-squares fit to the residuals, so a step of 0 < ν ≤ 1 along it always lowers the MSE.
  for (let m = 1; m < trainLoss.length; m++) {
    assert.ok(
      trainLoss[m] < trainLoss[m - 1],
      `stage ${m}: loss ${trainLoss[m]} did not fall below ${trainLoss[m - 1]}`,
    );
  }
  const mean = split.yTrain.reduce((a, b) => a + b, 0) / split.yTrain.length;
  const baseline = mse(
    split.yTest,
    split.yTest.map(() => mean),
  );
  const testMse = mse(split.yTest, predictBoosting(model, split.XTest));
  // The reference solution reaches 0.57 of the baseline (3324 vs 5855).
  assert.ok(
    testMse <= 0.75 * baseline,
    `test MSE ${testMse.toFixed(0)} should be at most 0.75 × the mean-prediction baseline ${baseline.toFixed(0)}`,
  );
  const flat = fitGradientBoosting(split.XTrain, split.yTrain, { nEstimators: 0, learningRate: 0.1, maxDepth: 2 });
  close(predictBoosting(flat.model, [split.XTest[0]])[0], mean, 1e-9, "with 0 stages the model predicts the mean");
});

test("fitGradientBoosting rejects empty input, different lengths and a bad learning rate", () => {
  const opts = { nEstimators: 3, learningRate: 0.1, maxDepth: 1 };
  assert.throws(() => fitGradientBoosting([], [], opts), /empty/i);
  assert.throws(() => fitGradientBoosting([[1], [2]], [1], opts), /length/i);
  assert.throws(() => fitGradientBoosting([[1], [2]], [1, 2], { ...opts, learningRate: 0 }), /learningRate/);
});
