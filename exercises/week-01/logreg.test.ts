// Grades exercises/week-01/logreg.ts (and proves solutions/week-01/logreg.ts with the very same file).
import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { test } from "vitest";
import { fitStandardizer, loadDataset, trainTestSplit } from "../../src/data";
import { accuracy, fitLogistic, predictProba, sigmoid } from "./logreg";

/**
 * The trusted reference: Newton's method (IRLS) on the same penalised loss, which converges to the exact optimum
 * in a few dozen steps. The test compares the learner's final loss to this optimum.
 */
function newtonOptimum(X: number[][], y: number[], l2: number): number {
  const A = new Matrix(X.map((r) => [1, ...r]));
  const n = A.rows;
  const d = A.columns;
  let w = Matrix.zeros(d, 1);
  const loss = () => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = A.getRow(i).reduce((acc, a, j) => acc + a * w.get(j, 0), 0);
      const p = Math.min(1 - 1e-15, Math.max(1e-15, 1 / (1 + Math.exp(-z))));
      s -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
    }
    let pen = 0;
    for (let j = 1; j < d; j++) pen += w.get(j, 0) ** 2;
    return s / n + (l2 / 2) * pen;
  };
  for (let iter = 0; iter < 30; iter++) {
    const z = A.mmul(w).to1DArray();
    const p = z.map((v) => 1 / (1 + Math.exp(-v)));
    const grad = A.transpose().mmul(Matrix.columnVector(p.map((pi, i) => (pi - y[i]) / n)));
    // Hessian: Aᵀ S A / n with S = diag(p(1 - p)), plus λ on the weights' diagonal.
    const SA = A.clone();
    for (const [i, pi] of p.entries()) SA.mulRow(i, (pi * (1 - pi)) / n);
    const H = A.transpose().mmul(SA);
    for (let j = 1; j < d; j++) {
      grad.set(j, 0, grad.get(j, 0) + l2 * w.get(j, 0));
      H.set(j, j, H.get(j, j) + l2);
    }
    w = w.sub(solve(H, grad));
  }
  return loss();
}

test("sigmoid is 0.5 at 0, symmetric, and finite at ±1000", () => {
  assert.equal(sigmoid(0), 0.5);
  assert.ok(Math.abs(sigmoid(2) + sigmoid(-2) - 1) < 1e-12, "sigmoid(z) + sigmoid(-z) = 1");
  assert.equal(sigmoid(1000), 1);
  assert.equal(sigmoid(-1000), 0, "e^1000 overflows to Infinity: rearrange the formula for negative z");
});

test("accuracy counts agreements and rejects bad input", () => {
  assert.equal(accuracy([1, 0, 1, 1], [1, 1, 1, 0]), 0.5);
  assert.throws(() => accuracy([], []), /empty/i);
  assert.throws(() => accuracy([1], [1, 0]), /length/i);
});

test("predictProba applies the sigmoid to bias + weights · x", () => {
  const p = predictProba({ weights: [1, -1], bias: 0 }, [
    [2, 2],
    [0, 0],
    [3, 1],
  ]);
  assert.deepEqual(p.slice(0, 2), [0.5, 0.5]);
  assert.ok(Math.abs(p[2] - 1 / (1 + Math.exp(-2))) < 1e-12);
});

test("fitLogistic reaches the optimum of the L2-penalised loss on breast cancer (vs Newton's method)", () => {
  const data = loadDataset("breast-cancer");
  const split = trainTestSplit(data.X, data.y, { testSize: 0.2, seed: 7, stratify: true });
  const scaler = fitStandardizer(split.XTrain);
  const XTrain = scaler.transform(split.XTrain);
  const l2 = 0.01;
  const best = newtonOptimum(XTrain, split.yTrain, l2);
  const { model, history } = fitLogistic(XTrain, split.yTrain, { learningRate: 0.5, epochs: 2000, l2 });
  assert.equal(history.length, 2000);
  assert.ok(history[history.length - 1] < history[0], "the loss must go down");
  const final = history[history.length - 1];
  // 2000 epochs at this rate land within 1e-6 of the optimum; 1e-4 leaves room for other correct loop orders.
  assert.ok(
    final - best < 1e-4,
    `final loss ${final.toFixed(6)} should be within 0.0001 of the optimum ${best.toFixed(6)}`,
  );
  assert.ok(final >= best - 1e-9, `final loss ${final} is below the true optimum ${best}: is the L2 term in the loss?`);

  const yPred = predictProba(model, scaler.transform(split.XTest)).map((p) => (p >= 0.5 ? 1 : 0));
  const acc = accuracy(split.yTest, yPred);
  assert.ok(acc >= 0.95, `test accuracy ${acc.toFixed(3)} should be at least 0.95 on this split`);
});
