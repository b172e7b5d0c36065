// Week 3 · Training a network well: initial weight scales, early stopping, and a learning-rate schedule.
// Read sections 2, 3 and 5 of notebooks/week-03-training-networks.ipynb first.
// Grade it with `npm run grade training-tools`; stuck? `npm run hint training-tools`.
import { todo } from "../../src/grader/todo";

/**
 * He initialization for a ReLU layer: the standard deviation of N(0, std²) weights that keeps the variance of the
 * activations the same from layer to layer. Throws an Error mentioning "fanIn" unless fanIn is a whole number >= 1.
 */
export function heStd(fanIn: number): number {
  return todo("training-tools");
}

/**
 * Glorot (Xavier) initialization for a tanh or sigmoid layer: the standard deviation of N(0, std²) weights that
 * balances the variance of the activations going forward and of the gradients going back.
 * Throws an Error mentioning "fan" unless both are whole numbers >= 1.
 */
export function glorotStd(fanIn: number, fanOut: number): number {
  return todo("training-tools");
}

export interface EarlyStoppingOptions {
  /** How many epochs in a row without improvement to accept before stopping (a whole number >= 1). */
  patience: number;
  /** An epoch improves only when its loss is below the best so far by MORE than this (default 0). */
  minDelta?: number;
}

/**
 * Early stopping on a validation loss. Call update() once per epoch, in order, with that epoch's validation loss.
 * Epochs are numbered from 0. A loss that is NaN or infinite (a diverged run) stops at once.
 * The constructor throws an Error mentioning "patience" or "minDelta" for a bad option.
 */
export class EarlyStopping {
  constructor(options: EarlyStoppingOptions) {
    todo("training-tools");
  }

  /** Records one epoch's validation loss; returns true when training should stop now. */
  update(valLoss: number): boolean {
    return todo("training-tools");
  }

  /** The epoch with the lowest validation loss so far (-1 before the first update): the weights to keep. */
  get bestEpoch(): number {
    return todo("training-tools");
  }

  /** The lowest validation loss so far (Infinity before the first update). */
  get bestLoss(): number {
    return todo("training-tools");
  }
}

export interface CosineScheduleOptions {
  /** The peak learning rate, reached at the end of the warm-up (> 0). */
  lrMax: number;
  /** The floor the cosine decays towards (default 0, at most lrMax). */
  lrMin?: number;
  /** Epochs of linear warm-up at the start (default 0). */
  warmupEpochs?: number;
  /** Epochs in the whole run (more than warmupEpochs). */
  totalEpochs: number;
}

/**
 * The learning rate for `epoch` (0-based) under linear warm-up then cosine decay:
 * - warm-up, epoch < W: lrMax · (epoch + 1) / W;
 * - then, with t = (epoch - W) / (totalEpochs - W): lrMin + (lrMax - lrMin) · (1 + cos(π t)) / 2.
 * Throws an Error mentioning "epoch" for an epoch outside 0..totalEpochs-1 (or not whole), and "lrMax", "lrMin",
 * "warmupEpochs" or "totalEpochs" for a bad option.
 */
export function cosineLr(epoch: number, options: CosineScheduleOptions): number {
  return todo("training-tools");
}
