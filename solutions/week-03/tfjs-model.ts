// Reference solution for exercises/week-03/tfjs-model.ts.
import * as tf from "@tensorflow/tfjs";
import { Random } from "../../src/data/random";
import type { ActivationName } from "./activations";

export interface BuildOptions {
  activation?: ActivationName;
  seed?: number;
  learningRate?: number;
}

export function buildModel(
  inputDim: number,
  hidden: number,
  nClasses: number,
  options: BuildOptions = {},
): tf.Sequential {
  const { activation = "relu", seed = 0, learningRate = 0.01 } = options;
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      inputShape: [inputDim],
      units: hidden,
      activation,
      kernelInitializer: tf.initializers.heNormal({ seed }),
      biasInitializer: "zeros",
    }),
  );
  // A different seed for the second layer, or both kernels would start from the same random stream.
  model.add(
    tf.layers.dense({
      units: nClasses,
      activation: "softmax",
      kernelInitializer: tf.initializers.heNormal({ seed: seed + 1 }),
      biasInitializer: "zeros",
    }),
  );
  model.compile({ optimizer: tf.train.adam(learningRate), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  return model;
}

export interface TrainTfjsOptions {
  epochs: number;
  seed?: number;
  batchSize?: number;
  callbacks?: tf.ModelFitArgs["callbacks"];
}

export function trainTfjs(
  model: tf.Sequential,
  X: number[][],
  y: number[],
  options: TrainTfjsOptions,
): Promise<tf.History> {
  const { epochs, seed = 0, batchSize = 32, callbacks } = options;
  if (X.length === 0) throw new Error("trainTfjs: X is empty");
  if (X.length !== y.length) throw new Error(`trainTfjs: X has ${X.length} rows but y has length ${y.length}`);
  const nClasses = model.outputs[0].shape[1] as number;
  const order = new Random(seed).permutation(X.length);
  const xs = tf.tensor2d(order.map((i) => X[i]));
  // tidy disposes the int32 label tensor in between; only the one-hot result survives.
  const ys = tf.tidy(() =>
    tf
      .oneHot(
        tf.tensor1d(
          order.map((i) => y[i]),
          "int32",
        ),
        nClasses,
      )
      .toFloat(),
  );
  return model
    .fit(xs, ys, { epochs, batchSize, shuffle: false, verbose: 0, callbacks })
    .finally(() => tf.dispose([xs, ys]));
}

export function predictTfjs(model: tf.LayersModel, X: number[][]): number[] {
  const classes = tf.tidy(() => (model.predict(tf.tensor2d(X)) as tf.Tensor).argMax(1));
  const out = Array.from(classes.dataSync());
  classes.dispose();
  return out;
}
