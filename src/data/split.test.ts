import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { loadDataset } from "./load";
import { trainTestSplit } from "./split";

const iris = loadDataset("iris");
const cancer = loadDataset("breast-cancer");

function count(y: number[], c: number): number {
  return y.filter((v) => v === c).length;
}

describe("trainTestSplit", () => {
  test("sizes: the test set gets ceil(testSize * n) rows, and every row lands in exactly one side", () => {
    const X = Array.from({ length: 10 }, (_, i) => [i]);
    const y = X.map(([i]) => i * 10);
    const s = trainTestSplit(X, y, { testSize: 0.25 });
    assert.equal(s.XTest.length, 3);
    assert.equal(s.XTrain.length, 7);
    assert.deepEqual(
      [...s.XTrain, ...s.XTest].map(([i]) => i).sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    // X and y rows stay paired.
    assert.deepEqual(
      s.yTrain,
      s.XTrain.map(([i]) => i * 10),
    );
    assert.deepEqual(
      s.yTest,
      s.XTest.map(([i]) => i * 10),
    );
  });

  test("deterministic: same seed, same split; another seed, another split", () => {
    const a = trainTestSplit(iris.X, iris.y, { seed: 7 });
    const b = trainTestSplit(iris.X, iris.y, { seed: 7 });
    const c = trainTestSplit(iris.X, iris.y, { seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.XTest, c.XTest);
    // The defaults are testSize 0.2 and seed 42.
    assert.deepEqual(trainTestSplit(iris.X, iris.y), trainTestSplit(iris.X, iris.y, { testSize: 0.2, seed: 42 }));
  });

  test("the inputs are not modified", () => {
    const X = [[1], [2], [3], [4]];
    const y = [0, 1, 0, 1];
    trainTestSplit(X, y, { testSize: 0.5, stratify: true });
    assert.deepEqual(X, [[1], [2], [3], [4]]);
    assert.deepEqual(y, [0, 1, 0, 1]);
  });

  test("stratify keeps iris at exactly 10 / 10 / 10 in the test set", () => {
    const s = trainTestSplit(iris.X, iris.y, { stratify: true, seed: 1 });
    assert.deepEqual(
      [0, 1, 2].map((c) => count(s.yTest, c)),
      [10, 10, 10],
    );
    assert.deepEqual(
      [0, 1, 2].map((c) => count(s.yTrain, c)),
      [40, 40, 40],
    );
  });

  test("stratify keeps breast cancer's 37% malignant share on both sides", () => {
    const s = trainTestSplit(cancer.X, cancer.y, { stratify: true, testSize: 0.25, seed: 3 });
    // 569 rows: 143 test rows; 212/569 of them is 53.3, so 53 malignant and 90 benign.
    assert.equal(s.yTest.length, 143);
    assert.equal(count(s.yTest, 1), 53);
    assert.equal(count(s.yTrain, 1), 212 - 53);
    const share = (y: number[]) => count(y, 1) / y.length;
    assert.ok(Math.abs(share(s.yTest) - 212 / 569) < 0.01);
    assert.ok(Math.abs(share(s.yTrain) - 212 / 569) < 0.01);
  });

  test("stratified test rows are mixed, not grouped by class", () => {
    const s = trainTestSplit(iris.X, iris.y, { stratify: true });
    assert.notDeepEqual(
      s.yTest,
      [...s.yTest].sort((a, b) => a - b),
    );
  });

  test("input errors say exactly what is wrong", () => {
    const X = [[1], [2], [3]];
    assert.throws(() => trainTestSplit(X, [0, 1]), {
      message: "X has 3 rows but y has 2 values: they must be the same length.",
    });
    for (const testSize of [0, 1, -0.1, 1.5, Number.NaN]) {
      assert.throws(() => trainTestSplit(X, [0, 1, 0], { testSize }), {
        message: `testSize must be between 0 and 1 (exclusive), got ${testSize}.`,
      });
    }
    assert.throws(() => trainTestSplit([[1]], [0]), {
      message: "Need at least 2 rows to split into train and test, got 1.",
    });
    assert.throws(() => trainTestSplit([[1], [2]], [0, 1], { testSize: 0.9 }), {
      message: "testSize 0.9 of 2 rows leaves no rows to train on: use a smaller testSize.",
    });
    assert.throws(() => trainTestSplit(X, [0, 0, 1], { stratify: true }), {
      message: "Class 1 has only 1 row: stratify needs at least 2 rows in every class.",
    });
    assert.throws(() => trainTestSplit(X, [0, 0.5, 1], { stratify: true }), {
      message: "stratify needs class indices in y, but y[1] is 0.5.",
    });
  });
});
