// The API's reader of the week-2 model format: it must refuse a file it cannot trust, naming the problem, and it must
// vote exactly as predictForest does (<= goes left, one vote per tree, shares = votes / trees).
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { ArtifactError } from "../../src/ml/artifact";
import { compileWeek2Forest, readWeek2Forest, type Week2Forest } from "./week2-forest";

const leaf = (prediction: number) => ({ kind: "leaf" as const, prediction, counts: [1, 1] });
/** Tree 0: x0 <= 1 -> class 0, else class 1. Tree 1: always class 1. Tree 2: x1 <= 5 -> 0, else 1. */
const forest: Week2Forest = {
  format: "week2-forest",
  version: 1,
  featureNames: ["x0", "x1"],
  classNames: ["benign", "malignant"],
  nFeatures: 2,
  nClasses: 2,
  trees: [
    { kind: "split", feature: 0, threshold: 1, left: leaf(0), right: leaf(1) },
    leaf(1),
    { kind: "split", feature: 1, threshold: 5, left: leaf(0), right: leaf(1) },
  ],
};

describe("readWeek2Forest", () => {
  test("accepts the documented layout (extra fields are ignored)", () => {
    assert.equal(readWeek2Forest({ ...forest, savedBy: "me" }).trees.length, 3);
  });

  for (const [what, payload, message] of [
    ["another format", { ...forest, format: "ml-study-model" }, /format is "ml-study-model"/],
    ["another version", { ...forest, version: 2 }, /version 2 is not supported/],
    ["names that do not match nFeatures", { ...forest, nFeatures: 3 }, /nFeatures 3 for 2 featureNames/],
    ["no trees", { ...forest, trees: [] }, /trees is missing or empty/],
    ["a leaf with a class out of range", { ...forest, trees: [leaf(2)] }, /trees\[0\]\.prediction/],
    [
      "a split on a feature out of range",
      { ...forest, trees: [{ kind: "split", feature: 2, threshold: 0, left: leaf(0), right: leaf(1) }] },
      /trees\[0\]\.feature/,
    ],
    [
      "a node that is neither",
      { ...forest, trees: [{ kind: "split", feature: 0, threshold: 0, left: leaf(0), right: { kind: "node" } }] },
      /trees\[0\]\.right is neither a leaf nor a split/,
    ],
  ] as const) {
    test(`refuses ${what}, saying so`, () => {
      assert.throws(
        () => readWeek2Forest(payload),
        (e: unknown) => e instanceof ArtifactError && e.code === "invalid" && message.test(e.message),
      );
    });
  }
});

describe("compileWeek2Forest", () => {
  test("each row's vote shares: <= goes left, one vote per tree", () => {
    const predict = compileWeek2Forest(forest);
    // Row A (1, 5): trees say 0, 1, 0. Row B (2, 6): 1, 1, 1. Row C (1, 6): 0, 1, 1.
    const proba = predict(Float64Array.from([1, 5, 2, 6, 1, 6]), 3);
    assert.deepEqual([...proba], [2 / 3, 1 / 3, 0, 1, 1 / 3, 2 / 3]);
  });

  test("refuses a row of the wrong width", () => {
    assert.throws(() => compileWeek2Forest(forest)(Float64Array.from([1, 2, 3]), 1), /expected 1 rows x 2 features/);
  });
});
