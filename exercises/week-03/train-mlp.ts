// Week 3 · Training your MLP: mini-batches, an optimizer, and a history of the loss.
// Read the "Training the network" section of notebooks/week-03-neural-networks.ipynb first.
// Grade it with `npm run grade train-mlp`; stuck? `npm run hint train-mlp`.
// Build it from YOUR pieces: initMlp, oneHot, lossAndGradients and predictClasses from ./mlp-backprop, and sgdStep
// and adamStep from ./optimizers. Solve those two exercises first.
import { todo } from "../../src/grader/todo";
import type { ActivationName } from "./activations";
import type { MlpParams } from "./mlp-backprop";

export interface TrainMlpOptions {
  /** Hidden units. Default 16. */
  hidden?: number;
  /** Hidden activation. Default "relu". */
  activation?: ActivationName;
  /** Passes over the training set. Default 100. */
  epochs?: number;
  /** Rows per gradient step; the last batch of an epoch may be smaller. Default 32. */
  batchSize?: number;
  /** Default "adam". */
  optimizer?: "sgd" | "adam";
  /** Learning rate. Default 0.01. */
  lr?: number;
  /** SGD's momentum (ignored by Adam). Default 0.9. */
  momentum?: number;
  /** Seeds the initial weights AND the batch shuffling: the same seed gives exactly the same run. Default 0. */
  seed?: number;
  /** Called after every epoch with that epoch's record, e.g. to update a progress bar. */
  onEpoch?: (record: EpochRecord) => void;
}

/** One row of the history (the shape src/plot's lossCurves draws). */
export interface EpochRecord {
  /** 1 for the first epoch. */
  epoch: number;
  /** The mean cross-entropy on the WHOLE training set after this epoch's steps. */
  loss: number;
  /** The accuracy on the whole training set after this epoch's steps, between 0 and 1. */
  accuracy: number;
}

export interface TrainedMlp {
  params: MlpParams;
  activation: ActivationName;
  history: EpochRecord[];
}

/**
 * Trains a 2-layer MLP on rows X with class labels y (0 .. c-1; c is the largest label + 1). Each epoch: shuffle
 * the row order with a seeded generator (new Random(seed) from src/data/random; create it once, before the first
 * epoch), cut it into batches of batchSize rows, and for each batch compute the gradients and take one optimizer step.
 * Then record the loss and accuracy on the whole training set.
 * Throws an Error mentioning "empty" when X has no rows, and "length" when X and y have different lengths.
 */
export function trainMlp(X: number[][], y: number[], options: TrainMlpOptions = {}): TrainedMlp {
  return todo("train-mlp");
}

/** The predicted class of each row of X with a trained network. */
export function predictMlp(model: TrainedMlp, X: number[][]): number[] {
  return todo("train-mlp");
}
