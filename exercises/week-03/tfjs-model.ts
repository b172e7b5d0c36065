// Week 3 · The same network in TensorFlow.js.
// Read the "The same network in TensorFlow.js" section of notebooks/week-03-neural-networks.ipynb first.
// Grade it with `npm run grade tfjs-model`; stuck? `npm run hint tfjs-model`.
// To call tfjs (tf.sequential, tf.tidy...), change the first import to `import * as tf from "@tensorflow/tfjs"`.
import type * as tf from "@tensorflow/tfjs";
import { todo } from "../../src/grader/todo";
import type { ActivationName } from "./activations";

export interface BuildOptions {
  /** The hidden layer's activation. Default "relu". */
  activation?: ActivationName;
  /** Seeds the kernel initializers, so the same seed builds the same initial weights. Default 0. */
  seed?: number;
  /** Adam's learning rate. Default 0.01. */
  learningRate?: number;
}

/**
 * The from-scratch MLP as a compiled tf.Sequential: a dense hidden layer (`hidden` units, the activation) on
 * `inputDim` inputs, then a dense softmax output layer with `nClasses` units. Seeded He-normal kernel initializers
 * (tf.initializers.heNormal({ seed })), zero biases. Compiled with Adam(learningRate), categorical cross-entropy and
 * the accuracy metric.
 */
export function buildModel(
  inputDim: number,
  hidden: number,
  nClasses: number,
  options: BuildOptions = {},
): tf.Sequential {
  return todo("tfjs-model");
}

export interface TrainTfjsOptions {
  epochs: number;
  /** Seeds the (one) shuffle of the rows before training; tfjs's own shuffle uses Math.random and is turned off. */
  seed?: number;
  /** Rows per gradient step. Default 32. */
  batchSize?: number;
  /** Passed to model.fit, e.g. [fitProgress({ epochs }).callback] from src/nn for a live progress bar. */
  callbacks?: tf.ModelFitArgs["callbacks"];
}

/**
 * Trains the model on rows X with class labels y (0 .. nClasses-1): converts them to tensors (labels one-hot),
 * shuffles the rows once with the seed, calls model.fit with shuffle: false, and returns fit's History.
 * Disposes every tensor it creates, even when fit fails. Throws (synchronously) an Error mentioning "empty" when X
 * has no rows and "length" when X and y differ in length.
 */
export function trainTfjs(
  model: tf.Sequential,
  X: number[][],
  y: number[],
  options: TrainTfjsOptions,
): Promise<tf.History> {
  return todo("tfjs-model");
}

/** The predicted class of each row (argmax of the probabilities), leaving no tensors behind (tf.tidy). */
export function predictTfjs(model: tf.LayersModel, X: number[][]): number[] {
  return todo("tfjs-model");
}
