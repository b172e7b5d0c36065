import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../data";
import { XGBOOST_REGISTRIES } from "./sagemaker-images";
import {
  type DenseNetwork,
  loadDenseNetwork,
  MODEL_FILE,
  readDenseNetwork,
  trainSoftmaxRegression,
  validateDenseNetwork,
  writeDenseNetwork,
} from "./sagemaker-model";

function tiny(): DenseNetwork {
  return {
    format: "dense-network",
    version: 1,
    featureNames: ["a", "b"],
    classNames: ["no", "yes"],
    mean: [0, 0],
    std: [1, 1],
    layers: [
      {
        weights: [
          [1, 0, 0],
          [0, 1, 0],
        ],
        bias: [0, 0, 0],
        activation: "relu",
      },
      {
        weights: [
          [1, -1],
          [-1, 1],
          [0, 0],
        ],
        bias: [0, 0],
        activation: "softmax",
      },
    ],
  };
}

function predictClass(net: DenseNetwork, row: number[]): number {
  let a = row.map((x, i) => (x - net.mean[i]) / net.std[i]);
  for (const layer of net.layers) {
    a = layer.bias.map((bj, j) => a.reduce((s, x, i) => s + x * layer.weights[i][j], bj));
  }
  return a.indexOf(Math.max(...a));
}

test("validateDenseNetwork accepts a consistent network and names the first inconsistency", () => {
  assert.equal(validateDenseNetwork(tiny()).layers.length, 2);
  const wrongRows = tiny();
  wrongRows.layers[1].weights.pop();
  assert.throws(() => validateDenseNetwork(wrongRows), /layers\[1\]\.weights has 2 rows, expected 3/);
  const notSoftmax = tiny();
  notSoftmax.layers[1].activation = "linear";
  assert.throws(() => validateDenseNetwork(notSoftmax), /softmax/);
  const zeroStd = { ...tiny(), std: [1, 0] };
  assert.throws(() => validateDenseNetwork(zeroStd), /std\[1\]/);
  const nan = tiny();
  nan.layers[0].bias[2] = Number.NaN;
  assert.throws(() => validateDenseNetwork(nan), /layers\[0\]\.bias\[2\]/);
  assert.throws(() => validateDenseNetwork({ format: "onnx" }), /format/);
  const classes = { ...tiny(), classNames: ["a", "b", "c"] };
  assert.throws(() => validateDenseNetwork(classes), /one per class/);
});

test("write, read and load round-trip model.json; a broken file fails with its path", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dense-net-"));
  try {
    const path = writeDenseNetwork(dir, tiny());
    assert.equal(path, join(dir, MODEL_FILE));
    assert.deepEqual(readDenseNetwork(dir), tiny());
    assert.deepEqual(await loadDenseNetwork(dir), tiny());
    writeFileSync(path, "{not json");
    await assert.rejects(loadDenseNetwork(dir), /model\.json is not valid JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("trainSoftmaxRegression learns iris (at least 90% on a held-out split) and is deterministic", () => {
  const iris = loadDataset("iris");
  const split = trainTestSplit(iris.X, iris.y, { testSize: 0.3, seed: 3, stratify: true });
  const options = { featureNames: iris.featureNames, classNames: iris.classNames ?? [] };
  const net = trainSoftmaxRegression(split.XTrain, split.yTrain, options);
  const hits = split.XTest.filter((row, i) => predictClass(net, row) === split.yTest[i]).length;
  assert.ok(hits / split.XTest.length >= 0.9, `held-out accuracy ${hits}/${split.XTest.length} should be >= 0.9`);
  assert.deepEqual(trainSoftmaxRegression(split.XTrain, split.yTrain, options), net);
  assert.throws(() => trainSoftmaxRegression([], [], options), /empty/);
});

test("the XGBoost registry table has a 12-digit account for every region", () => {
  for (const [region, account] of Object.entries(XGBOOST_REGISTRIES)) {
    assert.match(region, /^[a-z]{2}-[a-z]+-\d$/);
    assert.match(account, /^\d{12}$/, `${region}: ${account}`);
  }
});
