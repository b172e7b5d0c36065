// Grades exercises/week-02/bias-variance-depth.ts (and proves solutions/week-02/bias-variance-depth.ts with it).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { bestDepth, type DepthSweep, depthSweep } from "./bias-variance-depth";
import { buildTree, predictTree } from "./tree-build";

const cancer = loadDataset("breast-cancer");
const DEPTHS = [1, 2, 3, 4, 5, 6, 8, 10, Infinity];

test("bestDepth picks the lowest test error, and the shallower depth on a tie", () => {
  const sweep: DepthSweep = {
    depths: [1, 2, 3, 4, 5],
    trainError: [0.3, 0.2, 0.1, 0.05, 0],
    testError: [0.3, 0.15, 0.12, 0.12, 0.2],
  };
  assert.equal(bestDepth(sweep), 3, "depths 3 and 4 tie at 0.12: the simpler tree (3) wins");
  assert.equal(bestDepth({ ...sweep, testError: [0.1, 0.15, 0.12, 0.12, 0.2] }), 1);
});

test("depthSweep measures each depth on one seeded, stratified split", () => {
  const sweep = depthSweep(cancer.X, cancer.y, [2, 5], { seed: 3, testSize: 0.3 });
  assert.deepEqual(sweep.depths, [2, 5]);
  const split = trainTestSplit(cancer.X, cancer.y, { testSize: 0.3, seed: 3, stratify: true });
  [2, 5].forEach((maxDepth, i) => {
    const tree = buildTree(split.XTrain, split.yTrain, { maxDepth });
    const err = (X: number[][], y: number[]) => predictTree(tree, X).filter((p, r) => p !== y[r]).length / y.length;
    const train = err(split.XTrain, split.yTrain);
    const testErr = err(split.XTest, split.yTest);
    assert.ok(
      Math.abs(sweep.trainError[i] - train) < 1e-12,
      `depth ${maxDepth}: train error ${train}, got ${sweep.trainError[i]}`,
    );
    assert.ok(
      Math.abs(sweep.testError[i] - testErr) < 1e-12,
      `depth ${maxDepth}: test error ${testErr}, got ${sweep.testError[i]}`,
    );
  });
});

test("bias falls with depth: the training error never goes up, and reaches 0 when fully grown", () => {
  const sweep = depthSweep(cancer.X, cancer.y, DEPTHS, { seed: 1 });
  for (let i = 1; i < DEPTHS.length; i++) {
    assert.ok(
      sweep.trainError[i] <= sweep.trainError[i - 1],
      `train error rose from ${sweep.trainError[i - 1]} (depth ${DEPTHS[i - 1]}) to ${sweep.trainError[i]} (depth ${DEPTHS[i]})`,
    );
  }
  assert.equal(sweep.trainError[DEPTHS.length - 1], 0, "a fully grown tree makes no training mistakes here");
});

test("variance wins at full depth: the fully grown tree tests worse than the best depth (breast cancer, seed 1)", () => {
  const sweep = depthSweep(cancer.X, cancer.y, DEPTHS, { seed: 1 });
  const best = bestDepth(sweep);
  const bestErr = sweep.testError[DEPTHS.indexOf(best)];
  const fullErr = sweep.testError[DEPTHS.length - 1];
  // Reference: depth 3 errs on 5.8% of the test set, the fully grown tree on 9.9%.
  assert.ok(best < Infinity, `the best depth should be a limited one, got ${best}`);
  assert.ok(
    fullErr > bestErr,
    `the fully grown tree (test error ${fullErr.toFixed(3)}) should do worse than depth ${best} (${bestErr.toFixed(3)})`,
  );
});

test("depthSweep rejects empty input and an empty list of depths", () => {
  assert.throws(() => depthSweep([], [], [1, 2]), /empty/i);
  assert.throws(() => depthSweep(cancer.X, cancer.y, []), /empty/i);
});
