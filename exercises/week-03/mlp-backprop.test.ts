// Grades exercises/week-03/mlp-backprop.ts (and proves solutions/week-03/mlp-backprop.ts with the very same file).
import assert from "node:assert/strict";
import { Matrix } from "ml-matrix";
import { test } from "vitest";
import { Random } from "../../src/data";
import type { ActivationName } from "./activations";
import { forward, initMlp, lossAndGradients, type MlpParams, oneHot, predictClasses, softmax } from "./mlp-backprop";

const KEYS = ["W1", "b1", "W2", "b2"] as const;

/** A small random batch: n rows of d standard-normal features, labels cycling through the classes. */
function batch(n: number, d: number, c: number, seed: number) {
  const rng = new Random(seed);
  const X = new Matrix(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal())));
  const labels = Array.from({ length: n }, (_, i) => i % c);
  return { X, labels };
}

/** Random parameters (biases too, so their gradients are not trivially tested at 0) from our own generator. */
function randomParams(d: number, h: number, c: number, seed: number): MlpParams {
  const rng = new Random(seed);
  const m = (r: number, k: number) =>
    new Matrix(Array.from({ length: r }, () => Array.from({ length: k }, () => rng.normal(0, 0.8))));
  return { W1: m(d, h), b1: m(1, h), W2: m(h, c), b2: m(1, c) };
}

/** The trusted reference: the same network written out in plain loops, independent of the code under test. */
function referenceLoss(
  p: MlpParams,
  X: Matrix,
  labels: number[],
  activation: ActivationName,
): { loss: number; P: number[][] } {
  const f = {
    relu: (z: number) => Math.max(0, z),
    sigmoid: (z: number) => 0.5 * (1 + Math.tanh(z / 2)),
    tanh: Math.tanh,
  }[activation];
  const P: number[][] = [];
  let loss = 0;
  for (let i = 0; i < X.rows; i++) {
    const a = Array.from({ length: p.W1.columns }, (_, j) => {
      let z = p.b1.get(0, j);
      for (let q = 0; q < X.columns; q++) z += X.get(i, q) * p.W1.get(q, j);
      return f(z);
    });
    const logits = Array.from({ length: p.W2.columns }, (_, k) => {
      let z = p.b2.get(0, k);
      for (let j = 0; j < a.length; j++) z += a[j] * p.W2.get(j, k);
      return z;
    });
    const max = Math.max(...logits);
    const logSum = max + Math.log(logits.reduce((s, z) => s + Math.exp(z - max), 0));
    P.push(logits.map((z) => Math.exp(z - logSum)));
    loss -= logits[labels[i]] - logSum;
  }
  return { loss: loss / X.rows, P };
}

function assertShape(m: Matrix, rows: number, columns: number, what: string) {
  assert.ok(m instanceof Matrix, `${what} should be an ml-matrix Matrix`);
  assert.deepEqual(
    [m.rows, m.columns],
    [rows, columns],
    `${what}: expected ${rows}×${columns}, got ${m.rows}×${m.columns}`,
  );
}

test("initMlp: shapes, zero biases, seeded, and He scaling by default", () => {
  const p = initMlp([4, 6, 3], 7);
  assertShape(p.W1, 4, 6, "W1");
  assertShape(p.b1, 1, 6, "b1");
  assertShape(p.W2, 6, 3, "W2");
  assertShape(p.b2, 1, 3, "b2");
  assert.ok(p.b1.to1DArray().every((v) => v === 0) && p.b2.to1DArray().every((v) => v === 0), "biases start at 0");
  assert.deepEqual(initMlp([4, 6, 3], 7).W1.to1DArray(), p.W1.to1DArray(), "the same seed gives the same weights");
  assert.notDeepEqual(initMlp([4, 6, 3], 8).W1.to1DArray(), p.W1.to1DArray(), "another seed gives other weights");
  // 200 × 100 = 20000 draws: the sample std is within ~1% of the true one, so 5% is a safe tolerance.
  const big = initMlp([200, 100, 3], 1);
  const std = (m: Matrix) => Math.sqrt(m.to1DArray().reduce((s, v) => s + v * v, 0) / (m.rows * m.columns));
  const he = Math.sqrt(2 / 200);
  assert.ok(
    Math.abs(std(big.W1) / he - 1) < 0.05,
    `W1 std should be sqrt(2/200) = ${he.toFixed(4)} (He), got ${std(big.W1).toFixed(4)}`,
  );
  const lecun = Math.sqrt(1 / 200);
  const t = initMlp([200, 100, 3], 1, { activation: "tanh" });
  assert.ok(
    Math.abs(std(t.W1) / lecun - 1) < 0.05,
    `tanh: W1 std should be sqrt(1/200) = ${lecun.toFixed(4)}, got ${std(t.W1).toFixed(4)}`,
  );
  assert.throws(() => initMlp([4, 0, 3], 1), /size/i);
});

test("softmax: rows are probability distributions, and huge logits do not overflow", () => {
  const P = softmax(
    new Matrix([
      [1, 2, 3],
      [0, 0, 0],
      [-5, 10, 2],
    ]),
  );
  assertShape(P, 3, 3, "softmax output");
  for (let i = 0; i < 3; i++) {
    const sum = P.getRow(i).reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12, `row ${i} should sum to 1, got ${sum}`);
  }
  const e = [1, Math.E, Math.E ** 2];
  const s = e[0] + e[1] + e[2];
  for (const [k, v] of P.getRow(0).entries()) {
    assert.ok(Math.abs(v - e[k] / s) < 1e-12, `softmax([1,2,3])[${k}]: expected ${e[k] / s}, got ${v}`);
  }
  assert.deepEqual(
    P.getRow(1).map((v) => Number(v.toFixed(12))),
    [0.333333333333, 0.333333333333, 0.333333333333],
  );
  // exp(1000) is Infinity: without subtracting the row max this row would be NaN.
  const big = softmax(
    new Matrix([
      [1000, 1001, 1002],
      [-1000, -1001, -1002],
    ]),
  );
  for (const [k, v] of big.getRow(0).entries()) {
    assert.ok(
      Math.abs(v - P.get(0, k)) < 1e-12,
      `softmax([1000,1001,1002]) should equal softmax([1,2,3]), got ${big.getRow(0)}`,
    );
  }
  assert.ok(
    big.to1DArray().every(Number.isFinite),
    `large logits must give finite probabilities, got ${big.to1DArray()}`,
  );
});

test("oneHot encodes labels and rejects impossible ones", () => {
  assert.deepEqual(oneHot([2, 0, 1], 3).to2DArray(), [
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
  ]);
  assert.throws(() => oneHot([0, 3], 3), /label/i);
  assert.throws(() => oneHot([0.5], 3), /label/i);
});

test("forward: cache shapes, and probabilities equal an independent computation", () => {
  const { X, labels } = batch(5, 3, 4, 1);
  const p = randomParams(3, 6, 4, 2);
  for (const activation of ["relu", "sigmoid", "tanh"] as const) {
    const cache = forward(p, X, activation);
    assertShape(cache.Z1, 5, 6, "Z1");
    assertShape(cache.A1, 5, 6, "A1");
    assertShape(cache.Z2, 5, 4, "Z2");
    assertShape(cache.P, 5, 4, "P");
    const ref = referenceLoss(p, X, labels, activation).P;
    for (let i = 0; i < 5; i++) {
      for (let k = 0; k < 4; k++) {
        assert.ok(
          Math.abs(cache.P.get(i, k) - ref[i][k]) < 1e-12,
          `${activation}: P[${i}][${k}] expected ${ref[i][k]}, got ${cache.P.get(i, k)}`,
        );
      }
    }
  }
  assert.throws(() => forward(p, new Matrix(0, 3)), /empty/i);
  assert.throws(() => forward(p, new Matrix([[1, 2]])), /shape/i);
});

test("the loss is the mean cross-entropy, and ≈ log(c) when the weights are small", () => {
  const { X, labels } = batch(8, 3, 4, 3);
  const p = randomParams(3, 5, 4, 4);
  const Y = oneHot(labels, 4);
  for (const activation of ["relu", "tanh"] as const) {
    const { loss } = lossAndGradients(p, X, Y, activation);
    const ref = referenceLoss(p, X, labels, activation).loss;
    assert.ok(
      Math.abs(loss - ref) < 1e-10,
      `${activation}: expected mean cross-entropy ${ref}, got ${loss} (a sum instead of a mean?)`,
    );
  }
  // Tiny weights give logits ≈ 0, so every class gets probability ≈ 1/c and the loss is ≈ -log(1/c) = log c.
  const small = initMlp([3, 5, 4], 11, { std: 0.01 });
  const { loss } = lossAndGradients(small, X, Y);
  assert.ok(
    Math.abs(loss - Math.log(4)) < 1e-3,
    `loss at init with std 0.01 should be ≈ log 4 = ${Math.log(4).toFixed(4)}, got ${loss}`,
  );
  assert.throws(() => lossAndGradients(p, X, oneHot(labels.slice(1), 4)), /shape/i);
});

test("EVERY gradient entry matches a central finite difference (relative error < 1e-5)", () => {
  // A small random net in float64: central differences with h = 1e-5 are accurate to ~1e-10, so a correct
  // backward pass agrees to about 1e-8 relative. The floor of 1e-7 in the denominator keeps entries that are
  // (almost) exactly 0, such as a dead ReLU's, from turning round-off into a huge "relative" error.
  const { X, labels } = batch(6, 3, 4, 5);
  const Y = oneHot(labels, 4);
  const h = 1e-5;
  for (const activation of ["tanh", "sigmoid", "relu"] as const) {
    const p = randomParams(3, 5, 4, 6);
    const before = KEYS.map((k) => p[k].to1DArray());
    const { grads } = lossAndGradients(p, X, Y, activation);
    assert.deepEqual(
      KEYS.map((k) => p[k].to1DArray()),
      before,
      "lossAndGradients must not change the parameters",
    );
    let checked = 0;
    for (const key of KEYS) {
      assertShape(grads[key], p[key].rows, p[key].columns, `grads.${key}`);
      for (let r = 0; r < p[key].rows; r++) {
        for (let c = 0; c < p[key].columns; c++) {
          const original = p[key].get(r, c);
          p[key].set(r, c, original + h);
          const up = referenceLoss(p, X, labels, activation).loss;
          p[key].set(r, c, original - h);
          const down = referenceLoss(p, X, labels, activation).loss;
          p[key].set(r, c, original);
          const numeric = (up - down) / (2 * h);
          const analytic = grads[key].get(r, c);
          const rel = Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), 1e-7);
          assert.ok(
            rel < 1e-5,
            `${activation}: d loss / d ${key}[${r}][${c}]: finite difference ${numeric.toExponential(6)}, got ${analytic} (relative error ${rel.toExponential(2)})`,
          );
          checked++;
        }
      }
    }
    assert.equal(checked, 3 * 5 + 5 + 5 * 4 + 4, "every entry of W1, b1, W2 and b2 was checked");
  }
});

test("predictClasses picks the most probable class of each row", () => {
  const { X, labels } = batch(10, 3, 4, 8);
  const p = randomParams(3, 5, 4, 9);
  const ref = referenceLoss(p, X, labels, "relu").P.map((row) => row.indexOf(Math.max(...row)));
  assert.deepEqual(predictClasses(p, X), ref);
});
