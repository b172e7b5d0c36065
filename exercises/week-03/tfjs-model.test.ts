// Grades exercises/week-03/tfjs-model.ts (and proves solutions/week-03/tfjs-model.ts with the very same file).
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Matrix } from "ml-matrix";
import { beforeAll, test } from "vitest";
import { fitStandardizer, loadDataset, Random, trainTestSplit } from "../../src/data";
import { chooseBackend } from "../../src/nn";
import { buildModel, predictTfjs, trainTfjs } from "./tfjs-model";

beforeAll(async () => {
  await chooseBackend({ quiet: true });
});

/** Wine: 13 features, 3 classes; the same stratified split and scaling as the train-mlp exercise. */
function wine() {
  const data = loadDataset("wine");
  const split = trainTestSplit(data.X, data.y, { testSize: 0.25, seed: 3, stratify: true });
  const scaler = fitStandardizer(split.XTrain);
  return { ...split, XTrain: scaler.transform(split.XTrain), XTest: scaler.transform(split.XTest) };
}

type Params = { W1: Matrix; b1: Matrix; W2: Matrix; b2: Matrix };
const relu = (z: number) => Math.max(0, z);
/** A new matrix with f applied to every entry. */
const map = (M: Matrix, f: (z: number) => number) => Matrix.from1DArray(M.rows, M.columns, M.to1DArray().map(f));

/** The from-scratch forward pass (week 3's MLP) in ml-matrix: softmax(f(X·W1 + b1)·W2 + b2). */
function scratchProbabilities(p: Params, X: number[][], f: (z: number) => number): number[][] {
  const A1 = map(new Matrix(X).mmul(p.W1).addRowVector(p.b1), f);
  const Z2 = A1.mmul(p.W2).addRowVector(p.b2);
  return Z2.to2DArray().map((row) => {
    const max = Math.max(...row);
    const e = row.map((z) => Math.exp(z - max));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/**
 * The trusted reference: a from-scratch relu MLP trained by full-batch Adam on the same data, independent of the
 * code under test (and of your other exercises).
 */
function trainScratch(X: number[][], y: number[], hidden: number, nClasses: number): Params {
  const rng = new Random(11);
  const init = (r: number, c: number) =>
    new Matrix(Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal(0, Math.sqrt(2 / r)))));
  const p: Params = {
    W1: init(X[0].length, hidden),
    b1: Matrix.zeros(1, hidden),
    W2: init(hidden, nClasses),
    b2: Matrix.zeros(1, nClasses),
  };
  const Xm = new Matrix(X);
  const Y = Matrix.zeros(y.length, nClasses);
  for (const [i, k] of y.entries()) Y.set(i, k, 1);
  const keys = ["W1", "b1", "W2", "b2"] as const;
  const m = keys.map((k) => Matrix.zeros(p[k].rows, p[k].columns));
  const v = keys.map((k) => Matrix.zeros(p[k].rows, p[k].columns));
  for (let t = 1; t <= 300; t++) {
    const Z1 = Xm.mmul(p.W1).addRowVector(p.b1);
    const A1 = map(Z1, relu);
    const dZ2 = new Matrix(scratchProbabilities(p, X, relu)).sub(Y).div(y.length);
    const dZ1 = dZ2.mmul(p.W2.transpose()).mul(map(Z1, (z) => (z > 0 ? 1 : 0)));
    const grads = [
      Xm.transpose().mmul(dZ1),
      Matrix.rowVector(dZ1.sum("column")),
      A1.transpose().mmul(dZ2),
      Matrix.rowVector(dZ2.sum("column")),
    ];
    keys.forEach((k, n) => {
      m[n].mul(0.9).add(Matrix.mul(grads[n], 0.1));
      v[n].mul(0.999).add(Matrix.mul(grads[n], grads[n]).mul(0.001));
      for (let i = 0; i < p[k].rows; i++) {
        for (let j = 0; j < p[k].columns; j++) {
          const mHat = m[n].get(i, j) / (1 - 0.9 ** t);
          const vHat = v[n].get(i, j) / (1 - 0.999 ** t);
          p[k].set(i, j, p[k].get(i, j) - (0.01 * mHat) / (Math.sqrt(vHat) + 1e-8));
        }
      }
    });
  }
  return p;
}

test("buildModel: two dense layers, the same shapes and parameter count as the from-scratch MLP", () => {
  const model = buildModel(13, 16, 3, { seed: 1 });
  assert.equal(model.layers.length, 2, "a hidden dense layer and an output dense layer");
  assert.deepEqual(model.layers[0].outputShape, [null, 16], "hidden layer output: [batch, 16]");
  assert.deepEqual(model.layers[1].outputShape, [null, 3], "output layer: [batch, 3]");
  // d·h + h + h·c + c = 13·16 + 16 + 16·3 + 3 = 275: W1, b1, W2, b2, exactly as in mlp-backprop.
  assert.equal(model.countParams(), 13 * 16 + 16 + 16 * 3 + 3, "parameter count of W1, b1, W2, b2");
  assert.deepEqual(
    model.getWeights().map((w) => w.shape),
    [[13, 16], [16], [16, 3], [3]],
    "weights in the order W1 (d × h), b1, W2 (h × c), b2",
  );
  assert.ok(model.optimizer, "the model must be compiled (model.compile) before it is returned");
  const again = buildModel(13, 16, 3, { seed: 1 });
  const other = buildModel(13, 16, 3, { seed: 2 });
  const first = Array.from(model.getWeights()[0].dataSync());
  assert.deepEqual(
    Array.from(again.getWeights()[0].dataSync()),
    first,
    "the same seed builds the same initial weights",
  );
  assert.notDeepEqual(Array.from(other.getWeights()[0].dataSync()), first, "another seed builds other weights");
  for (const m of [model, again, other]) m.dispose();
});

test("given the same weights, the tfjs model computes exactly the from-scratch probabilities", () => {
  // This pins the architecture down: relu (or tanh) hidden layer, softmax output, W stored as inputs × outputs.
  const { XTest } = wine();
  const rng = new Random(5);
  const m = (r: number, c: number) =>
    new Matrix(Array.from({ length: r }, () => Array.from({ length: c }, () => rng.normal(0, 0.5))));
  const p: Params = { W1: m(13, 8), b1: m(1, 8), W2: m(8, 3), b2: m(1, 3) };
  for (const [activation, f] of [
    ["relu", relu],
    ["tanh", Math.tanh],
  ] as const) {
    const model = buildModel(13, 8, 3, { activation, seed: 0 });
    const weights = [
      tf.tensor2d(p.W1.to2DArray()),
      tf.tensor1d(p.b1.to1DArray()),
      tf.tensor2d(p.W2.to2DArray()),
      tf.tensor1d(p.b2.to1DArray()),
    ];
    model.setWeights(weights);
    tf.dispose(weights);
    const got = tf.tidy(() => (model.predict(tf.tensor2d(XTest)) as tf.Tensor).arraySync() as number[][]);
    const expected = scratchProbabilities(p, XTest, f);
    // float32 has ~7 significant digits; 1e-5 on probabilities is far tighter than any architecture mistake.
    for (let i = 0; i < expected.length; i++) {
      for (let k = 0; k < 3; k++) {
        assert.ok(
          Math.abs(got[i][k] - expected[i][k]) < 1e-5,
          `${activation}: row ${i} class ${k}: expected ${expected[i][k]}, got ${got[i][k]}`,
        );
      }
    }
    model.dispose();
  }
});

test("trained on wine, tfjs reaches test accuracy ≥ 0.9 and agrees with a from-scratch MLP on ≥ 90% of test wines", async () => {
  const { XTrain, yTrain, XTest, yTest } = wine();
  const model = buildModel(13, 16, 3, { seed: 1 });
  const history = await trainTfjs(model, XTrain, yTrain, { epochs: 40, seed: 1 });
  const losses = history.history.loss as number[];
  assert.equal(losses.length, 40, "fit ran for 40 epochs");
  assert.ok(losses[39] < 0.5 * losses[0], `the loss should at least halve: first ${losses[0]}, last ${losses[39]}`);
  const predicted = predictTfjs(model, XTest);
  assert.equal(predicted.length, XTest.length, "one prediction per row");
  const acc = predicted.filter((c, i) => c === yTest[i]).length / yTest.length;
  assert.ok(acc >= 0.9, `test accuracy ${acc.toFixed(3)} should be at least 0.9 (45 wines)`);
  // Two differently trained networks can disagree on a few borderline wines, so "most" means 90% (41 of 45).
  const scratch = scratchProbabilities(trainScratch(XTrain, yTrain, 16, 3), XTest, relu).map((row) =>
    row.indexOf(Math.max(...row)),
  );
  const agree = predicted.filter((c, i) => c === scratch[i]).length / XTest.length;
  assert.ok(
    agree >= 0.9,
    `tfjs and the from-scratch MLP should agree on at least 90% of test wines, got ${(agree * 100).toFixed(1)}%`,
  );
  model.dispose();
});

test("the same seeds repeat the same training, and nothing leaks tensors", async () => {
  const { XTrain, yTrain, XTest } = wine();
  const a = buildModel(13, 8, 3, { seed: 3 });
  const b = buildModel(13, 8, 3, { seed: 3 });
  const ha = await trainTfjs(a, XTrain, yTrain, { epochs: 5, seed: 4 });
  const hb = await trainTfjs(b, XTrain, yTrain, { epochs: 5, seed: 4 });
  // Equal up to float32 round-off: a multi-threaded backend (tfjs-node) may sum in a different order.
  const la = ha.history.loss as number[];
  const lb = hb.history.loss as number[];
  assert.equal(lb.length, la.length);
  for (const [e, l] of la.entries()) {
    assert.ok(Math.abs(lb[e] - l) < 1e-5, `same build seed and shuffle seed: epoch ${e + 1} loss ${l} vs ${lb[e]}`);
  }
  // After a first fit, Adam's moment tensors exist; a second fit and a prediction must not add any more tensors.
  const tensors = tf.memory().numTensors;
  await trainTfjs(a, XTrain, yTrain, { epochs: 2, seed: 4 });
  assert.equal(tf.memory().numTensors, tensors, "trainTfjs leaked tensors: dispose the inputs and labels after fit");
  predictTfjs(a, XTest);
  assert.equal(tf.memory().numTensors, tensors, "predictTfjs leaked tensors: wrap the work in tf.tidy");
  assert.throws(() => trainTfjs(a, [], [], { epochs: 1 }), /empty/i);
  assert.throws(() => trainTfjs(a, XTrain, yTrain.slice(1), { epochs: 1 }), /length/i);
  a.dispose();
  b.dispose();
});
