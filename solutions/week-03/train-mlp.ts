// Reference solution for exercises/week-03/train-mlp.ts.
import { Matrix } from "ml-matrix";
import { Random } from "../../src/data/random";
import type { ActivationName } from "./activations";
import { initMlp, lossAndGradients, type MlpParams, oneHot, predictClasses } from "./mlp-backprop";
import { type AdamState, adamStep, type SgdState, sgdStep } from "./optimizers";

export interface TrainMlpOptions {
  hidden?: number;
  activation?: ActivationName;
  epochs?: number;
  batchSize?: number;
  optimizer?: "sgd" | "adam";
  lr?: number;
  momentum?: number;
  seed?: number;
  onEpoch?: (record: EpochRecord) => void;
}

export interface EpochRecord {
  epoch: number;
  loss: number;
  accuracy: number;
}

export interface TrainedMlp {
  params: MlpParams;
  activation: ActivationName;
  history: EpochRecord[];
}

export function trainMlp(X: number[][], y: number[], options: TrainMlpOptions = {}): TrainedMlp {
  const {
    hidden = 16,
    activation = "relu",
    epochs = 100,
    batchSize = 32,
    optimizer = "adam",
    lr = 0.01,
    momentum = 0.9,
    seed = 0,
    onEpoch,
  } = options;
  if (X.length === 0) throw new Error("trainMlp: X is empty");
  if (X.length !== y.length) throw new Error(`trainMlp: X has ${X.length} rows but y has length ${y.length}`);
  const nClasses = Math.max(...y) + 1;
  const XAll = new Matrix(X);
  const YAll = oneHot(y, nClasses);
  const params = initMlp([XAll.columns, hidden, nClasses], seed, { activation });
  // One generator for the whole run, so every epoch gets a different (but reproducible) order.
  const rng = new Random(seed);
  const sgdState: SgdState = { velocity: {} };
  const adamState: AdamState = { t: 0, m: {}, v: {} };
  const history: EpochRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = rng.permutation(X.length);
    for (let start = 0; start < order.length; start += batchSize) {
      const rows = order.slice(start, start + batchSize);
      const { grads } = lossAndGradients(params, XAll.subMatrixRow(rows), YAll.subMatrixRow(rows), activation);
      if (optimizer === "adam") adamStep(params, grads, adamState, { lr });
      else sgdStep(params, grads, lr, momentum, sgdState);
    }
    const { loss } = lossAndGradients(params, XAll, YAll, activation);
    const predicted = predictClasses(params, XAll, activation);
    const accuracy = predicted.filter((p, i) => p === y[i]).length / y.length;
    const record = { epoch, loss, accuracy };
    history.push(record);
    onEpoch?.(record);
  }
  return { params, activation, history };
}

export function predictMlp(model: TrainedMlp, X: number[][]): number[] {
  return predictClasses(model.params, new Matrix(X), model.activation);
}
