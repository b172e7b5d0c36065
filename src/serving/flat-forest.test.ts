// The promoted predictor must be the SAME model, not an approximation: on every row of every dataset tried, its
// probabilities and classes equal RandomForest's bit for bit (deepStrictEqual compares numbers with Object.is).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "vitest";
import { loadDataset, trainTestSplit } from "../data";
import { forestToArtifact, loadArtifact, RandomForest, saveArtifact } from "../ml";
import { FlatForest } from "./index";

function firstDifference(a: number[][], b: number[][]): string {
  for (let r = 0; r < a.length; r++) {
    for (let c = 0; c < a[r].length; c++) {
      if (!Object.is(a[r][c], b[r][c])) return `row ${r}, class ${c}: expected ${a[r][c]}, got ${b[r][c]}`;
    }
  }
  return "none";
}

function assertSameModel(forest: RandomForest, flat: FlatForest, X: number[][], label: string): void {
  const expected = forest.predictProba(X);
  const got = flat.predictProba(X);
  assert.equal(got.length, X.length);
  assert.deepStrictEqual(got, expected, `${label}: first differing probability: ${firstDifference(expected, got)}`);
  assert.deepStrictEqual(flat.predict(X), forest.predict(X), `${label}: predicted classes differ`);
}

describe("FlatForest gives exactly the original forest's predictions on whole datasets", () => {
  const cancer = loadDataset("breast-cancer");
  // The capstone's settings (capstone/src/model/train.ts): 100 trees, depth <= 10, split seed 42.
  const split = trainTestSplit(cancer.X, cancer.y, { testSize: 0.2, seed: 42, stratify: true });
  const forest = new RandomForest({ nEstimators: 100, maxDepth: 10, seed: 42 }).fit(split.XTrain, split.yTrain);
  const flat = FlatForest.compile(forest);

  test("breast cancer: all 569 rows (train and test), probabilities and classes", () => {
    assert.equal(cancer.X.length, 569);
    assertSameModel(forest, flat, cancer.X, "breast-cancer");
    assert.equal(flat.nTrees, 100);
    assert.equal(
      flat.nodeCount,
      forest.trees.reduce((a, t) => a + t.nodeCount, 0),
    );
  });

  test("breast cancer, unlimited depth and a different seed", () => {
    const deep = new RandomForest({ nEstimators: 30, seed: 7 }).fit(cancer.X, cancer.y);
    assertSameModel(deep, FlatForest.compile(deep), cancer.X, "breast-cancer deep");
  });

  test("multi-class: iris (3 classes) and wine (3 classes), all rows", () => {
    for (const name of ["iris", "wine"] as const) {
      const data = loadDataset(name);
      const rf = new RandomForest({ nEstimators: 25, maxDepth: 6, seed: 3 }).fit(data.X, data.y);
      assertSameModel(rf, FlatForest.compile(rf), data.X, name);
    }
  });

  test("through the saved artifact: saveArtifact -> loadArtifact -> FlatForest.fromArtifact", () => {
    const dir = mkdtempSync(join(tmpdir(), "flat-forest-"));
    try {
      const path = join(dir, "model.json");
      saveArtifact(
        path,
        forestToArtifact(forest, { featureNames: cancer.featureNames, classNames: cancer.classNames }),
      );
      const reloaded = FlatForest.fromArtifact(loadArtifact(path, { expectKind: "random-forest" }));
      assertSameModel(forest, reloaded, cancer.X, "artifact round trip");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("predictProbaFlat: packed rows in, packed probabilities out, into a reused buffer", () => {
    const rows = cancer.X.slice(0, 3);
    const values = Float64Array.from(rows.flat());
    const out = new Float64Array(6).fill(99); // must be overwritten, not added to
    const proba = flat.predictProbaFlat(values, 3, out);
    assert.equal(proba, out);
    assert.deepStrictEqual(Array.from(out), forest.predictProba(rows).flat());
    assert.equal(flat.predictProbaFlat(new Float64Array(0), 0).length, 0);
  });
});

describe("FlatForest refuses what would give a silently wrong answer", () => {
  const iris = loadDataset("iris");
  const rf = new RandomForest({ nEstimators: 5, seed: 1 }).fit(iris.X, iris.y);
  const flat = FlatForest.compile(rf);

  test("NaN or Infinity in a row, naming the row and feature", () => {
    assert.throws(() => flat.predictProba([[1, 2, Number.NaN, 4]]), /row 0, feature 2 is NaN/);
    assert.throws(
      () =>
        flat.predictProba([
          [1, 2, 3, 4],
          [1, Infinity, 3, 4],
        ]),
      /row 1, feature 1 is Infinity/,
    );
  });

  test("a row of the wrong length, and a packed array of the wrong size", () => {
    assert.throws(() => flat.predictProba([[1, 2, 3]]), /row 0 has 3 features, the forest needs 4/);
    assert.throws(
      () => flat.predictProbaFlat(new Float64Array(7), 2),
      /expected 2 rows x 4 features = 8 values, got 7/,
    );
    assert.throws(() => flat.predictProbaFlat(new Float64Array(4), 1, new Float64Array(2)), /out must hold 3/);
  });

  test("an unfitted or regression forest", () => {
    assert.throws(() => FlatForest.compile(new RandomForest()), /needs a fitted RandomForest/);
    const diabetes = loadDataset("diabetes");
    const reg = new RandomForest({ task: "regression", nEstimators: 2, maxDepth: 2 }).fit(diabetes.X, diabetes.y);
    assert.throws(() => FlatForest.compile(reg), /classification forests only/);
  });
});
