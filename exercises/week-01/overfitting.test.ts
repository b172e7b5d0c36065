// Grades exercises/week-01/overfitting.ts (and proves solutions/week-01/overfitting.ts with this file).
import assert from "node:assert/strict";
import { Matrix, solve } from "ml-matrix";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { degreeSweep, polynomialFeatures } from "./overfitting";

/**
 * The data: body mass index -> disease progression (diabetes), a seeded 10% of the patients for training (44) and the
 * other 398 for testing. Few training points is what makes overfitting visible; seed 8 is fixed so the numbers repeat.
 */
function diabetesBmi() {
  const data = loadDataset("diabetes");
  const col = data.featureNames.indexOf("bmi");
  const split = trainTestSplit(
    data.X.map((row) => [row[col]]),
    data.y,
    { testSize: 0.9, seed: 8 },
  );
  return {
    xTrain: split.XTrain.map((r) => r[0]),
    yTrain: split.yTrain,
    xTest: split.XTest.map((r) => r[0]),
    yTest: split.yTest,
  };
}

/**
 * The trusted reference: least squares by ml-matrix's SVD solver (stable without forming AᵀA) on the powers of the
 * standardized x. Any rescaling of x spans the same polynomials, so the MSEs do not depend on how you standardize.
 */
function referenceMse(xTrain: number[], yTrain: number[], xTest: number[], yTest: number[], degree: number) {
  const mean = xTrain.reduce((s, v) => s + v, 0) / xTrain.length;
  const std = Math.sqrt(xTrain.reduce((s, v) => s + (v - mean) ** 2, 0) / xTrain.length);
  const rows = (x: number[]) => x.map((v) => Array.from({ length: degree + 1 }, (_, k) => ((v - mean) / std) ** k));
  const w = solve(new Matrix(rows(xTrain)), Matrix.columnVector(yTrain), true).to1DArray();
  const mse = (x: number[], y: number[]) =>
    rows(x).reduce((s, r, i) => s + (r.reduce((acc, a, k) => acc + a * w[k], 0) - y[i]) ** 2, 0) / x.length;
  return { train: mse(xTrain, yTrain), test: mse(xTest, yTest) };
}

const DEGREES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

test("polynomialFeatures lists the powers x, x², ..., x^degree (hand-computed)", () => {
  assert.deepEqual(polynomialFeatures([2, -1, 0], 3), [
    [2, 4, 8],
    [-1, 1, -1],
    [0, 0, 0],
  ]);
  assert.deepEqual(polynomialFeatures([1.5], 1), [[1.5]], "degree 1 is the plain feature (no column of ones)");
  assert.throws(() => polynomialFeatures([1], 0), /degree/i);
  assert.throws(() => polynomialFeatures([1], 2.5), /degree/i);
});

test("degreeSweep's train and test MSE match the SVD least-squares reference for every degree (diabetes, bmi)", () => {
  const { xTrain, yTrain, xTest, yTest } = diabetesBmi();
  const results = degreeSweep(xTrain, yTrain, xTest, yTest, DEGREES);
  assert.deepEqual(
    results.map((r) => r.degree),
    DEGREES,
    "one result per degree, in the order given",
  );
  for (const r of results) {
    const ref = referenceMse(xTrain, yTrain, xTest, yTest, r.degree);
    // 1e-6 relative: a least-squares fit done right lands within ~1e-9 here; raw (unscaled) powers of bmi do not.
    assert.ok(
      Math.abs(r.trainMse - ref.train) <= 1e-6 * ref.train,
      `degree ${r.degree}: expected train MSE ${ref.train.toFixed(3)}, got ${r.trainMse} (did you standardize x first?)`,
    );
    assert.ok(
      Math.abs(r.testMse - ref.test) <= 1e-6 * ref.test,
      `degree ${r.degree}: expected test MSE ${ref.test.toFixed(3)}, got ${r.testMse} (scale test x with the TRAINING mean and std)`,
    );
    // predict is the same curve, as a function of the original x.
    const again = yTrain.reduce((s, y, i) => s + (r.predict(xTrain[i]) - y) ** 2, 0) / yTrain.length;
    assert.ok(
      Math.abs(again - r.trainMse) <= 1e-9 * r.trainMse,
      `degree ${r.degree}: predict(x) should reproduce the train MSE ${r.trainMse}, got ${again}`,
    );
  }
});

test("the direction of overfitting: train MSE only falls, test MSE falls then climbs", () => {
  const { xTrain, yTrain, xTest, yTest } = diabetesBmi();
  const results = degreeSweep(xTrain, yTrain, xTest, yTest, DEGREES);
  for (let k = 1; k < results.length; k++) {
    // Each degree can copy the previous fit (a zero weight on the new power), so it can never fit the train set worse.
    assert.ok(
      results[k].trainMse <= results[k - 1].trainMse * (1 + 1e-9),
      `train MSE rose from ${results[k - 1].trainMse} (degree ${results[k - 1].degree}) to ${results[k].trainMse} (degree ${results[k].degree})`,
    );
  }
  const testMse = results.map((r) => r.testMse);
  const best = testMse.indexOf(Math.min(...testMse));
  assert.ok(results[best].degree <= 3, `the best test degree should be small (≤ 3), got ${results[best].degree}`);
  assert.ok(
    testMse[testMse.length - 1] >= 2 * testMse[best],
    `degree 10's test MSE ${testMse[testMse.length - 1]} should be at least twice the best ${testMse[best]}`,
  );
});

test("the units of x do not matter (standardizing makes the fit scale-free)", () => {
  const { xTrain, yTrain, xTest, yTest } = diabetesBmi();
  // bmi in other units, far from zero: 100·x + 5000. Raw powers of that overflow any normal equation.
  const shift = (x: number[]) => x.map((v) => 100 * v + 5000);
  const plain = degreeSweep(xTrain, yTrain, xTest, yTest, [2, 6]);
  const shifted = degreeSweep(shift(xTrain), yTrain, shift(xTest), yTest, [2, 6]);
  plain.forEach((r, k) => {
    assert.ok(
      Math.abs(shifted[k].testMse - r.testMse) <= 1e-6 * r.testMse,
      `degree ${r.degree}: test MSE ${r.testMse} with bmi, ${shifted[k].testMse} with 100·bmi + 5000`,
    );
  });
});

test("bad input gets a clear error", () => {
  assert.throws(() => degreeSweep([], [], [1], [1], [1]), /empty/i);
  assert.throws(() => degreeSweep([1, 2, 3], [1, 2], [1], [1], [1]), /length/i);
  assert.throws(() => degreeSweep([1, 2, 3], [1, 2, 3], [1, 2], [1], [1]), /length/i);
});
