import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { kFold, stratifiedKFold, takeRows, toColumnMajor } from "./index";

describe("folds", () => {
  test("kFold: every row is tested exactly once, fold sizes differ by at most one, same seed same folds", () => {
    const folds = kFold(23, 5, 1);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    assert.deepEqual(
      tested,
      Array.from({ length: 23 }, (_, i) => i),
    );
    assert.deepEqual(
      folds.map((f) => f.test.length),
      [5, 5, 5, 4, 4],
    );
    for (const f of folds) assert.equal(f.train.length + f.test.length, 23);
    assert.deepEqual(kFold(23, 5, 1), folds);
    assert.notDeepEqual(kFold(23, 5, 2), folds);
  });

  test("stratifiedKFold keeps each class's share in every fold", () => {
    const y = [...new Array(40).fill(0), ...new Array(10).fill(1)];
    for (const f of stratifiedKFold(y, 5, 3)) {
      assert.equal(f.test.filter((i) => y[i] === 1).length, 2, "10 rows of class 1 over 5 folds: 2 each");
      assert.equal(f.test.length, 10);
    }
  });

  test("clear errors", () => {
    assert.throws(() => kFold(3, 5), /5 folds need at least 5 rows/);
    assert.throws(() => kFold(10, 1), /k must be an integer >= 2/);
  });

  test("takeRows picks the same rows from both layouts", () => {
    const X = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    assert.deepEqual(takeRows(X, [2, 0]), [X[2], X[0]]);
    const cm = takeRows(toColumnMajor(X), [2, 0]);
    assert.deepEqual(Array.from(cm.values), [5, 1, 6, 2]);
    assert.equal(cm.rows, 2);
  });
});
