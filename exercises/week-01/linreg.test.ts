// Grades exercises/week-01/linreg.ts (and proves solutions/week-01/linreg.ts with the very same file).
import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import { fitNormalEquation, mse, predict } from "./linreg";

/** The trusted reference: least squares by ml-matrix's SVD solver on [1 | X]. */
function referenceFit(X: number[][], y: number[]) {
  const A = new Matrix(X.map((row) => [1, ...row]));
  const w = solve(A, Matrix.columnVector(y), true).to1DArray();
  return { bias: w[0], weights: w.slice(1) };
}

test("mse averages the squared errors", () => {
  assert.equal(mse([1, 2, 3], [1, 2, 3]), 0);
  assert.equal(mse([0, 0], [3, -1]), 5, "mse([0,0],[3,-1]) is (9 + 1) / 2 = 5");
});

test("mse rejects empty input and different lengths", () => {
  assert.throws(() => mse([], []), /empty/i);
  assert.throws(() => mse([1, 2], [1]), /length/i);
});

test("predict computes bias + weights · x for each row", () => {
  const model = { weights: [2, -1], bias: 0.5 };
  assert.deepEqual(
    predict(model, [
      [1, 1],
      [0, 3],
    ]),
    [1.5, -2.5],
  );
});

test("fitNormalEquation recovers an exact line", () => {
  const X = [[0], [1], [2], [3]];
  const y = X.map(([x]) => 3 * x - 2);
  const m = fitNormalEquation(X, y);
  assert.ok(Math.abs(m.weights[0] - 3) < 1e-9, `slope should be 3, got ${m.weights[0]}`);
  assert.ok(Math.abs(m.bias + 2) < 1e-9, `bias should be -2, got ${m.bias}`);
});

test("fitNormalEquation matches the ml-matrix least-squares reference on the diabetes dataset", () => {
  const { X, y } = loadDataset("diabetes");
  const ref = referenceFit(X, y);
  const got = fitNormalEquation(X, y);
  assert.equal(got.weights.length, X[0].length, "one weight per feature");
  for (let j = 0; j < ref.weights.length; j++) {
    const tol = 1e-6 * Math.max(1, Math.abs(ref.weights[j]));
    assert.ok(
      Math.abs(got.weights[j] - ref.weights[j]) < tol,
      `weight ${j}: expected ${ref.weights[j].toFixed(6)}, got ${got.weights[j]}`,
    );
  }
  assert.ok(Math.abs(got.bias - ref.bias) < 1e-6 * Math.max(1, Math.abs(ref.bias)), `bias: expected ${ref.bias}`);
  const refMse = mse(y, predict(ref, X));
  assert.ok(Math.abs(mse(y, predict(got, X)) - refMse) < 1e-6 * refMse, "training MSE equals the reference's");
});

test("fitNormalEquation rejects X and y of different lengths", () => {
  assert.throws(() => fitNormalEquation([[1], [2]], [1]), /length/i);
});
