import assert from "node:assert/strict";
import { test } from "vitest";
import { fitStandardizer, loadDataset, trainTestSplit } from "../data";
import { fitLogisticNewton, newtonLogisticProba, penalisedLogLoss } from "./logistic";

test("Newton's method reaches a point where every partial derivative of the penalised loss is ~0 (breast cancer)", () => {
  const data = loadDataset("breast-cancer");
  const split = trainTestSplit(data.X, data.y, { testSize: 0.2, seed: 7, stratify: true });
  const X = fitStandardizer(split.XTrain).transform(split.XTrain);
  const l2 = 0.01;
  const model = fitLogisticNewton(X, split.yTrain, { l2 });
  assert.ok(model.history.length < 20, `took ${model.history.length - 1} steps`);
  for (let k = 1; k < model.history.length; k++) assert.ok(model.history[k] <= model.history[k - 1] + 1e-12);
  // Central finite differences of the loss at the optimum, for the bias and every weight.
  const h = 1e-5;
  const at = (j: number, delta: number) => {
    const weights = [...model.weights];
    let bias = model.bias;
    if (j < 0) bias += delta;
    else weights[j] += delta;
    return penalisedLogLoss({ weights, bias }, X, split.yTrain, l2);
  };
  for (let j = -1; j < model.weights.length; j++) {
    const slope = (at(j, h) - at(j, -h)) / (2 * h);
    assert.ok(Math.abs(slope) < 1e-6, `∂loss/∂${j < 0 ? "bias" : `w${j}`} = ${slope}`);
  }
  const p = newtonLogisticProba(model, X);
  const acc = p.filter((pi, i) => (pi >= 0.5 ? 1 : 0) === split.yTrain[i]).length / p.length;
  assert.ok(acc > 0.97, `training accuracy ${acc}`);
});

test("labels other than 0/1 are refused", () => {
  assert.throws(() => fitLogisticNewton([[1], [2]], [0, 2]), /0 or 1/);
  assert.throws(() => fitLogisticNewton([[1], [2]], [0]), /2 rows, 1 labels/);
});
