// Reference solution for exercises/week-01/logreg.ts.
export interface LogisticModel {
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  learningRate?: number;
  epochs?: number;
  l2?: number;
}

export function sigmoid(z: number): number {
  // Two branches so that exp() only ever sees a non-positive argument and cannot overflow.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function linear(model: LogisticModel, row: number[]): number {
  let z = model.bias;
  for (let j = 0; j < row.length; j++) z += model.weights[j] * row[j];
  return z;
}

export function predictProba(model: LogisticModel, X: number[][]): number[] {
  return X.map((row) => sigmoid(linear(model, row)));
}

export function accuracy(yTrue: number[], yPred: number[]): number {
  if (yTrue.length === 0) throw new Error("accuracy: empty input");
  if (yTrue.length !== yPred.length) throw new Error(`accuracy: length mismatch (${yTrue.length} vs ${yPred.length})`);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Mean cross-entropy plus (λ/2)·Σw², with probabilities clipped away from 0 and 1 so log() stays finite. */
function penalisedLoss(model: LogisticModel, X: number[][], y: number[], l2: number): number {
  const eps = 1e-15;
  let loss = 0;
  X.forEach((row, i) => {
    const p = Math.min(1 - eps, Math.max(eps, sigmoid(linear(model, row))));
    loss -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
  });
  return loss / X.length + (l2 / 2) * model.weights.reduce((s, w) => s + w * w, 0);
}

export function fitLogistic(
  X: number[][],
  y: number[],
  options: LogisticOptions = {},
): { model: LogisticModel; history: number[] } {
  const { learningRate = 0.1, epochs = 1000, l2 = 0 } = options;
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const model: LogisticModel = { weights: new Array<number>(d).fill(0), bias: 0 };
  const history: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradW = model.weights.map((w) => l2 * w);
    let gradB = 0;
    for (let i = 0; i < n; i++) {
      // d(cross-entropy)/dz = p - y: the sigmoid's derivative cancels the log's.
      const err = sigmoid(linear(model, X[i])) - y[i];
      gradB += err / n;
      for (let j = 0; j < d; j++) gradW[j] += (err * X[i][j]) / n;
    }
    for (let j = 0; j < d; j++) model.weights[j] -= learningRate * gradW[j];
    model.bias -= learningRate * gradB;
    history.push(penalisedLoss(model, X, y, l2));
  }
  return { model, history };
}
