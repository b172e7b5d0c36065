// Grades exercises/week-01/regularization.ts (and proves solutions/week-01/regularization.ts with this file).
import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { test } from "vitest";
import { fitStandardizer, loadDataset } from "../../src/data";
import { lasso, ridge, softThreshold } from "./regularization";

const diabetes = loadDataset("diabetes");
const Z = fitStandardizer(diabetes.X).transform(diabetes.X);
const y = diabetes.y;
const n = y.length;

function close(got: number, expected: number, what: string, tol: number): void {
  assert.ok(Math.abs(got - expected) <= tol, `${what}: expected ${expected}, got ${got}`);
}

/**
 * The ridge reference: ridge is ordinary least squares on an AUGMENTED system. Below the n rows [1 | X] with targets y,
 * stack one row per weight, √λ in that weight's column and 0 elsewhere (0 in the bias column: no penalty), target 0.
 * Its squared residuals are exactly Σ(y - b - Xw)² + λΣw². ml-matrix solves it by SVD, never forming AᵀA.
 */
function ridgeReference(X: number[][], yy: number[], lambda: number) {
  const d = X[0].length;
  const rows = X.map((row) => [1, ...row]);
  const targets = [...yy];
  for (let j = 0; j < d; j++) {
    const row = new Array<number>(d + 1).fill(0);
    row[j + 1] = Math.sqrt(lambda);
    rows.push(row);
    targets.push(0);
  }
  const theta = solve(new Matrix(rows), Matrix.columnVector(targets), true).to1DArray();
  return { bias: theta[0], weights: theta.slice(1) };
}

/** Residuals y - b - Xw, and the gradient of the lasso's smooth part (1/2n)Σr² for each weight: -(1/n) Σ xᵢⱼ rᵢ. */
function smoothGradient(X: number[][], yy: number[], model: { weights: number[]; bias: number }) {
  const r = yy.map((v, i) => v - model.bias - X[i].reduce((s, x, j) => s + x * model.weights[j], 0));
  const grad = model.weights.map((_, j) => -X.reduce((s, row, i) => s + row[j] * r[i], 0) / yy.length);
  return { r, grad };
}

/**
 * The lasso's optimality (KKT) conditions, checked at the returned solution. At the minimum, for every weight j:
 * wⱼ = 0 needs |gⱼ| ≤ λ (moving wⱼ off 0 in either direction costs more penalty than it saves), and wⱼ ≠ 0 needs
 * gⱼ = -λ·sign(wⱼ) (the smooth slope exactly balances the penalty's). And the unpenalised bias needs Σrᵢ = 0.
 */
function checkKkt(
  X: number[][],
  yy: number[],
  lambda: number,
  model: { weights: number[]; bias: number },
  tol: number,
) {
  const { r, grad } = smoothGradient(X, yy, model);
  model.weights.forEach((w, j) => {
    if (w === 0) {
      assert.ok(
        Math.abs(grad[j]) <= lambda + tol,
        `λ = ${lambda}, weight ${j} = 0: needs |∂/∂w| ≤ λ, got |${grad[j]}| (it should not be 0)`,
      );
    } else {
      assert.ok(
        Math.abs(grad[j] + lambda * Math.sign(w)) <= tol,
        `λ = ${lambda}, weight ${j} = ${w}: needs ∂/∂w = ${-lambda * Math.sign(w)}, got ${grad[j]} (not converged?)`,
      );
    }
  });
  const meanResidual = r.reduce((s, v) => s + v, 0) / yy.length;
  assert.ok(Math.abs(meanResidual) <= tol, `λ = ${lambda}: the best bias leaves mean residual 0, got ${meanResidual}`);
}

test("ridge matches ml-matrix on the augmented least-squares system (raw diabetes features)", () => {
  const X = diabetes.X;
  for (const lambda of [0, 0.5, 10, 1000]) {
    const ref = ridgeReference(X, y, lambda);
    const got = ridge(X, y, lambda);
    assert.equal(got.weights.length, X[0].length, "one weight per feature");
    ref.weights.forEach((w, j) => {
      close(
        got.weights[j],
        w,
        `λ = ${lambda}, weight ${j} (${diabetes.featureNames[j]})`,
        1e-6 * Math.max(1, Math.abs(w)),
      );
    });
    close(got.bias, ref.bias, `λ = ${lambda}, bias`, 1e-6 * Math.max(1, Math.abs(ref.bias)));
  }
});

test("ridge does not penalise the bias, and shrinks the weights as λ grows", () => {
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  const huge = ridge(Z, y, 1e12);
  for (const w of huge.weights) assert.ok(Math.abs(w) < 1e-6, `λ = 1e12 should crush every weight to ~0, got ${w}`);
  close(huge.bias, meanY, "with the weights at ~0 the bias is the mean of y (a penalised bias would go to 0)", 1e-6);
  // Adding 1000 to every target moves only the bias.
  const shifted = ridge(
    Z,
    y.map((v) => v + 1000),
    50,
  );
  const plain = ridge(Z, y, 50);
  close(shifted.bias - plain.bias, 1000, "bias after adding 1000 to y", 1e-6);
  for (const [j, w] of plain.weights.entries())
    close(shifted.weights[j], w, `weight ${j} after adding 1000 to y`, 1e-6);
  let previous = Number.POSITIVE_INFINITY;
  for (const lambda of [0, 1, 10, 100, 1000, 10000]) {
    const norm = Math.hypot(...ridge(Z, y, lambda).weights);
    assert.ok(norm < previous, `‖w‖ should shrink as λ grows: ${norm} at λ = ${lambda}, ${previous} before`);
    previous = norm;
  }
});

test("softThreshold moves toward 0 by λ and stops at 0", () => {
  close(softThreshold(3, 1), 2, "softThreshold(3, 1)", 1e-15);
  close(softThreshold(-3, 1), -2, "softThreshold(-3, 1)", 1e-15);
  // -0 is as good as 0 here.
  assert.ok(softThreshold(0.5, 1) === 0, `softThreshold(0.5, 1) should be 0, got ${softThreshold(0.5, 1)}`);
  assert.ok(softThreshold(-1, 1) === 0, `softThreshold(-1, 1) should be 0, got ${softThreshold(-1, 1)}`);
  close(softThreshold(2.5, 0), 2.5, "softThreshold(ρ, 0) = ρ", 1e-15);
});

test("lasso on one feature, by hand: w = softThreshold(ρ, λ), b = mean(y)", () => {
  // x = [-1, 1] (mean 0, (1/n)Σx² = 1), y = [0, 4]: b = 2, ρ = ½(-1·-2 + 1·2) = 2, so w = max(2 - λ, 0).
  const X = [[-1], [1]];
  const small = lasso(X, [0, 4], 0.5);
  close(small.weights[0], 1.5, "λ = 0.5: weight", 1e-9);
  close(small.bias, 2, "λ = 0.5: bias", 1e-9);
  const big = lasso(X, [0, 4], 3);
  assert.ok(big.weights[0] === 0, `λ = 3 ≥ ρ = 2: the weight must be EXACTLY 0, got ${big.weights[0]}`);
  close(big.bias, 2, "λ = 3: bias (never penalised)", 1e-9);
});

test("lasso satisfies the optimality (KKT) conditions on standardized diabetes", () => {
  for (const lambda of [0.1, 0.5, 2, 8, 30]) {
    checkKkt(Z, y, lambda, lasso(Z, y, lambda, { iterations: 3000 }), 1e-6);
  }
  // Columns on other scales still reach the optimum, as the update divides by (1/n)Σx².
  const scaled = Z.map((row) => row.map((v, j) => v * [10, 0.5, 1, 3, 1, 1, 1, 1, 1, 1][j]));
  checkKkt(scaled, y, 2, lasso(scaled, y, 2, { iterations: 3000 }), 1e-6);
});

test("lasso's direction: more exact zeros and a smaller ‖w‖₁ as λ grows; λ = 0 is least squares", () => {
  let zeros = -1;
  let l1 = Number.POSITIVE_INFINITY;
  for (const lambda of [0.01, 0.3, 1, 3, 10, 30]) {
    const model = lasso(Z, y, lambda, { iterations: 3000 });
    const nowZeros = model.weights.filter((w) => w === 0).length;
    const nowL1 = model.weights.reduce((s, w) => s + Math.abs(w), 0);
    assert.ok(nowZeros >= zeros, `λ = ${lambda}: ${nowZeros} zero weights, fewer than the ${zeros} at a smaller λ`);
    assert.ok(nowL1 < l1, `λ = ${lambda}: ‖w‖₁ = ${nowL1} should be below ${l1}`);
    zeros = nowZeros;
    l1 = nowL1;
  }
  assert.ok(zeros >= 7, `λ = 30 should zero at least 7 of the 10 weights, zeroed ${zeros}`);
  // Above λ_max = maxⱼ |(1/n) Σ xᵢⱼ (yᵢ - ȳ)| every weight is 0.
  const all = lasso(Z, y, 50);
  assert.deepEqual(
    all.weights.map((w) => w === 0),
    new Array(10).fill(true),
    `λ = 50 > λ_max ≈ 45.2: every weight must be exactly 0, got ${all.weights}`,
  );
  const ols = ridgeReference(Z, y, 0);
  const zero = lasso(Z, y, 0, { iterations: 3000 });
  for (const [j, w] of ols.weights.entries())
    close(zero.weights[j], w, `λ = 0: weight ${j} equals least squares`, 1e-4);
});

test("bad input gets a clear error", () => {
  assert.throws(() => ridge([], [], 1), /empty/i);
  assert.throws(() => ridge([[1], [2]], [1], 1), /length/i);
  assert.throws(() => ridge([[1], [2]], [1, 2], -1), /lambda/i);
  assert.throws(() => lasso([], [], 1), /empty/i);
  assert.throws(() => lasso([[1], [2]], [1], 1), /length/i);
  assert.throws(() => lasso([[1], [2]], [1, 2], -0.5), /lambda/i);
});
