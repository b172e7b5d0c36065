import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { loadDataset } from "./load";
import { fitStandardizer, makeStandardizer } from "./scale";
import { trainTestSplit } from "./split";

function columnStats(X: number[][], j: number): { mean: number; std: number } {
  const mean = X.reduce((s, r) => s + r[j], 0) / X.length;
  const std = Math.sqrt(X.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / X.length);
  return { mean, std };
}

describe("fitStandardizer", () => {
  test("transformed training columns have mean ≈ 0 and std ≈ 1 (wine: features from 0.1 to 1680)", () => {
    const { X } = loadDataset("wine");
    const Z = fitStandardizer(X).transform(X);
    for (let j = 0; j < X[0].length; j++) {
      const { mean, std } = columnStats(Z, j);
      assert.ok(Math.abs(mean) < 1e-12, `column ${j} mean ${mean}`);
      assert.ok(Math.abs(std - 1) < 1e-12, `column ${j} std ${std}`);
    }
  });

  test("matches scikit-learn's StandardScaler on iris (population std)", () => {
    const s = fitStandardizer(loadDataset("iris").X);
    // StandardScaler().fit(load_iris().data).mean_ and .scale_ from scikit-learn 1.7.2.
    const sklearnMean = [5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334];
    const sklearnStd = [0.8253012917851409, 0.43441096773549437, 1.7594040657753032, 0.7596926279021594];
    for (let j = 0; j < 4; j++) {
      assert.ok(Math.abs(s.mean[j] - sklearnMean[j]) < 1e-12);
      assert.ok(Math.abs(s.std[j] - sklearnStd[j]) < 1e-12);
    }
  });

  test("inverseTransform undoes transform", () => {
    const { X } = loadDataset("diabetes");
    const s = fitStandardizer(X);
    const back = s.inverseTransform(s.transform(X));
    const worst = Math.max(...back.flatMap((row, i) => row.map((v, j) => Math.abs(v - X[i][j]))));
    assert.ok(worst < 1e-9, `largest round-trip error ${worst}`);
  });

  test("fit on train only, then the same statistics transform the test rows", () => {
    const { X, y } = loadDataset("iris");
    const split = trainTestSplit(X, y);
    const s = fitStandardizer(split.XTrain);
    const [row] = s.transform([split.XTest[0]]);
    assert.deepEqual(
      row,
      split.XTest[0].map((v, j) => (v - s.mean[j]) / s.std[j]),
    );
  });

  test("a constant column gets std 1 and transforms to exact zeros, never NaN", () => {
    const X = [
      [0.1, 1],
      [0.1, 2],
      [0.1, 3],
    ];
    const s = fitStandardizer(X);
    assert.equal(s.mean[0], 0.1);
    assert.equal(s.std[0], 1);
    assert.deepEqual(
      s.transform(X).map((r) => r[0]),
      [0, 0, 0],
    );
  });

  test("the fitted statistics are copies: editing them does not change the transform", () => {
    const s = fitStandardizer([[1], [3]]);
    s.mean[0] = 100;
    assert.deepEqual(s.transform([[3]]), [[1]]);
  });

  test("input errors say what to do", () => {
    assert.throws(() => fitStandardizer([]), { message: "fitStandardizer needs at least one row, got an empty X." });
    assert.throws(() => fitStandardizer([[1, 2], [3]]), { message: "X row 1 has 1 values but row 0 has 2." });
    assert.throws(() => fitStandardizer([[1], [Number.NaN]]), {
      message: "X[1][0] is NaN: drop or fill missing values before standardizing.",
    });
    assert.throws(() => fitStandardizer([[1, 2]]).transform([[1]]), {
      message: "X row 0 has 1 values, but the standardizer was fit on 2 features.",
    });
    assert.throws(() => makeStandardizer([0], [0]), { message: "std[0] is 0: every std must be a positive number." });
  });
});
