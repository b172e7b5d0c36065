// Reference solution for exercises/week-01/linreg-gd.ts.
import type { LinearModel } from "./linreg";

export interface GradientDescentOptions {
  learningRate?: number;
  epochs?: number;
}

export interface GradientDescentResult {
  model: LinearModel;
  history: number[];
}

export function fitGradientDescent(
  X: number[][],
  y: number[],
  options: GradientDescentOptions = {},
): GradientDescentResult {
  const { learningRate = 0.1, epochs = 1000 } = options;
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradW = new Array<number>(d).fill(0);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      let pred = bias;
      for (let j = 0; j < d; j++) pred += weights[j] * X[i][j];
      const err = pred - y[i];
      gradB += (2 / n) * err;
      for (let j = 0; j < d; j++) gradW[j] += (2 / n) * err * X[i][j];
    }
    for (let j = 0; j < d; j++) weights[j] -= learningRate * gradW[j];
    bias -= learningRate * gradB;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let pred = bias;
      for (let j = 0; j < d; j++) pred += weights[j] * X[i][j];
      loss += (pred - y[i]) ** 2 / n;
    }
    if (!Number.isFinite(loss)) throw new Error(`gradient descent diverged at epoch ${epoch}: lower the learning rate`);
    history.push(loss);
  }
  return { model: { weights, bias }, history };
}
