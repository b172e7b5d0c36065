// Reference solution for exercises/week-03/mlp-backprop.ts.
import { Matrix } from "ml-matrix";
import { Random } from "../../src/data/random";
import { ACTIVATIONS, type ActivationName } from "./activations";

export type MlpParams = {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
};

export interface ForwardCache {
  Z1: Matrix;
  A1: Matrix;
  Z2: Matrix;
  P: Matrix;
}

export interface InitOptions {
  activation?: ActivationName;
  std?: number;
}

export function initMlp(sizes: [number, number, number], seed: number, options: InitOptions = {}): MlpParams {
  if (sizes.length !== 3 || !sizes.every((s) => Number.isInteger(s) && s > 0)) {
    throw new Error(`initMlp: sizes must be three positive integers [inputs, hidden, classes], got [${sizes}]`);
  }
  const [d, h, c] = sizes;
  const rng = new Random(seed);
  // He (relu) or LeCun (sigmoid, tanh) scaling keeps the variance of the activations about the same layer to layer.
  const gain = (options.activation ?? "relu") === "relu" ? 2 : 1;
  const layer = (fanIn: number, fanOut: number) => {
    const std = options.std ?? Math.sqrt(gain / fanIn);
    return Matrix.from1DArray(
      fanIn,
      fanOut,
      Array.from({ length: fanIn * fanOut }, () => rng.normal(0, std)),
    );
  };
  const W1 = layer(d, h);
  const W2 = layer(h, c);
  return { W1, b1: Matrix.zeros(1, h), W2, b2: Matrix.zeros(1, c) };
}

export function softmax(Z: Matrix): Matrix {
  const out = new Matrix(Z.rows, Z.columns);
  for (let i = 0; i < Z.rows; i++) {
    const row = Z.getRow(i);
    const max = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - max));
    const sum = exps.reduce((s, v) => s + v, 0);
    for (const [k, e] of exps.entries()) out.set(i, k, e / sum);
  }
  return out;
}

export function oneHot(labels: readonly number[], nClasses: number): Matrix {
  const Y = Matrix.zeros(labels.length, nClasses);
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= nClasses) {
      throw new Error(`oneHot: label ${label} at row ${i} is not a class index in [0, ${nClasses})`);
    }
    Y.set(i, label, 1);
  });
  return Y;
}

/** Applies an elementwise function written for flat arrays to a whole matrix. */
function elementwise(M: Matrix, f: (z: readonly number[]) => number[]): Matrix {
  return Matrix.from1DArray(M.rows, M.columns, f(M.to1DArray()));
}

export function forward(params: MlpParams, X: Matrix, activation: ActivationName = "relu"): ForwardCache {
  if (X.rows === 0) throw new Error("forward: X is empty (no rows)");
  if (X.columns !== params.W1.rows) {
    throw new Error(`forward: X has ${X.columns} columns but W1 expects ${params.W1.rows} inputs (shape mismatch)`);
  }
  const Z1 = X.mmul(params.W1).addRowVector(params.b1);
  const A1 = elementwise(Z1, ACTIVATIONS[activation].f);
  const Z2 = A1.mmul(params.W2).addRowVector(params.b2);
  return { Z1, A1, Z2, P: softmax(Z2) };
}

export function lossAndGradients(
  params: MlpParams,
  X: Matrix,
  yOneHot: Matrix,
  activation: ActivationName = "relu",
): { loss: number; grads: MlpParams } {
  const { Z1, A1, P } = forward(params, X, activation);
  const n = X.rows;
  if (yOneHot.rows !== n || yOneHot.columns !== P.columns) {
    throw new Error(
      `lossAndGradients: yOneHot is ${yOneHot.rows}×${yOneHot.columns}, expected ${n}×${P.columns} (shape mismatch)`,
    );
  }
  let loss = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < P.columns; k++) {
      // Only the true class contributes; the floor keeps log() finite if a probability underflows to 0.
      if (yOneHot.get(i, k) !== 0) loss -= yOneHot.get(i, k) * Math.log(Math.max(P.get(i, k), 1e-300));
    }
  }
  loss /= n;

  // Softmax and cross-entropy together have the simple gradient dL/dZ2 = (P - Y) / n (the mean divides by n).
  const dZ2 = P.clone().sub(yOneHot).div(n);
  const dW2 = A1.transpose().mmul(dZ2);
  const db2 = Matrix.rowVector(dZ2.sum("column"));
  // Back through W2, then through the activation: multiply elementwise by f'(Z1) (the chain rule).
  const dA1 = dZ2.mmul(params.W2.transpose());
  const dZ1 = dA1.mul(elementwise(Z1, ACTIVATIONS[activation].df));
  const dW1 = X.transpose().mmul(dZ1);
  const db1 = Matrix.rowVector(dZ1.sum("column"));
  return { loss, grads: { W1: dW1, b1: db1, W2: dW2, b2: db2 } };
}

export function predictClasses(params: MlpParams, X: Matrix, activation: ActivationName = "relu"): number[] {
  const { P } = forward(params, X, activation);
  return Array.from({ length: P.rows }, (_, i) => {
    const row = P.getRow(i);
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
    return best;
  });
}
