// Grades exercises/week-01/linreg-gd.ts (and proves solutions/week-01/linreg-gd.ts with the very same file).
import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { test } from "vitest";
import { fitStandardizer, loadDataset } from "../../src/data";
import { fitGradientDescent } from "./linreg-gd";

function leastSquares(X: number[][], y: number[]) {
  const w = solve(new Matrix(X.map((r) => [1, ...r])), Matrix.columnVector(y), true).to1DArray();
  return { bias: w[0], weights: w.slice(1) };
}

test("one epoch from zero takes exactly the step the update rule gives", () => {
  // X = [[1],[2]], y = [2,4]: at w=b=0 the MSE gradient is dw = (2/2)·(-2·1 - 4·2) = -10, db = (2/2)·(-2 - 4) = -6.
  const { model, history } = fitGradientDescent([[1], [2]], [2, 4], { learningRate: 0.01, epochs: 1 });
  assert.ok(Math.abs(model.weights[0] - 0.1) < 1e-12, `w after one step: expected 0.1, got ${model.weights[0]}`);
  assert.ok(Math.abs(model.bias - 0.06) < 1e-12, `b after one step: expected 0.06, got ${model.bias}`);
  assert.equal(history.length, 1);
});

test("gradient descent reaches the least-squares solution on standardized diabetes features", () => {
  const { X, y } = loadDataset("diabetes");
  const Xs = fitStandardizer(X).transform(X);
  const ref = leastSquares(Xs, y);
  const { model, history } = fitGradientDescent(Xs, y, { learningRate: 0.1, epochs: 3000 });
  assert.equal(history.length, 3000, "one history entry per epoch");
  for (let i = 1; i < history.length; i++) {
    assert.ok(history[i] <= history[i - 1] + 1e-9, `the loss went up at epoch ${i}: check the gradient's sign`);
  }
  assert.ok(Math.abs(model.bias - ref.bias) < 1e-3, `bias: expected ${ref.bias.toFixed(4)}, got ${model.bias}`);
  for (let j = 0; j < ref.weights.length; j++) {
    assert.ok(
      Math.abs(model.weights[j] - ref.weights[j]) < 0.02 * Math.max(1, Math.abs(ref.weights[j])),
      `weight ${j}: expected ≈${ref.weights[j].toFixed(3)}, got ${model.weights[j].toFixed(3)}`,
    );
  }
});

test("a learning rate that is too large is reported as divergence, not returned as NaN", () => {
  const { X, y } = loadDataset("diabetes");
  assert.throws(() => fitGradientDescent(X, y, { learningRate: 10, epochs: 500 }), /diverged/i);
});
