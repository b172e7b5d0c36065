// Week 3 · A two-layer neural network: forward pass, softmax cross-entropy, and backpropagation by hand.
// Read the "Forward pass and backpropagation" section of notebooks/week-03-neural-networks.ipynb first.
// Grade it with `npm run grade mlp-backprop`; stuck? `npm run hint mlp-backprop`.
// Uses your activations from ./activations (exercise "activations"): solve that one first.
// You will need values, not just types: change the first import to `import { Matrix } from "ml-matrix"` (for
// Matrix.zeros, Matrix.from1DArray...) and add `import { Random } from "../../src/data/random"` and
// `import { ACTIVATIONS } from "./activations"`.
import type { Matrix } from "ml-matrix";
import { todo } from "../../src/grader/todo";
import type { ActivationName } from "./activations";

/*
 * The network, for a batch X of n rows (one example per row, d features):
 *
 *   Z1 = X·W1 + b1      (n × h)   b1 is added to every row
 *   A1 = f(Z1)          (n × h)   f is the hidden activation (relu, sigmoid or tanh), elementwise
 *   Z2 = A1·W2 + b2     (n × c)   the logits, one score per class
 *   P  = softmax(Z2)    (n × c)   each row is a probability distribution over the c classes
 *
 *   loss = -(1/n) Σᵢ Σₖ Yᵢₖ · log Pᵢₖ      (mean cross-entropy; Y is one-hot, so only the true class counts)
 */

/** The weights of a 2-layer MLP. Biases are 1-row matrices. A type alias (not an interface), so it is a ParamSet. */
export type MlpParams = {
  /** input → hidden weights, d × h */
  W1: Matrix;
  /** hidden biases, 1 × h */
  b1: Matrix;
  /** hidden → output weights, h × c */
  W2: Matrix;
  /** output biases, 1 × c */
  b2: Matrix;
};

/** Everything the forward pass computed, kept for the backward pass (that is what "caches" means). */
export interface ForwardCache {
  Z1: Matrix;
  A1: Matrix;
  Z2: Matrix;
  P: Matrix;
}

export interface InitOptions {
  /** The hidden activation the weights are scaled for. Default "relu". */
  activation?: ActivationName;
  /**
   * Standard deviation of every weight. Default: He initialisation sqrt(2 / fanIn) for relu, and sqrt(1 / fanIn)
   * for sigmoid and tanh, where fanIn is the number of inputs of the layer (d for W1, h for W2).
   */
  std?: number;
}

/**
 * A new network with sizes [d, h, c]: weights drawn from a normal distribution N(0, std²) with a seeded generator
 * (use `new Random(seed).normal(0, std)` from src/data/random), biases all 0. Same seed, same weights.
 * Throws an Error mentioning "size" unless the three sizes are positive integers.
 */
export function initMlp(sizes: [number, number, number], seed: number, options: InitOptions = {}): MlpParams {
  return todo("mlp-backprop");
}

/**
 * Row-wise softmax: out[i][k] = exp(Z[i][k]) / Σⱼ exp(Z[i][j]). Stable for huge logits: subtract each row's
 * maximum first (that does not change the result, and keeps every exp() ≤ 1). Returns a new matrix.
 */
export function softmax(Z: Matrix): Matrix {
  return todo("mlp-backprop");
}

/**
 * One-hot encoding: row i has a 1 in column labels[i] and 0 elsewhere (n × nClasses).
 * Throws an Error mentioning "label" when a label is not an integer in [0, nClasses).
 */
export function oneHot(labels: readonly number[], nClasses: number): Matrix {
  return todo("mlp-backprop");
}

/**
 * The forward pass for a batch X (n × d), with the hidden activation (default "relu"). Look the activation up in
 * ACTIVATIONS from ./activations. Throws an Error mentioning "empty" when X has no rows, and "shape" when X's
 * column count differs from W1's row count.
 */
export function forward(params: MlpParams, X: Matrix, activation: ActivationName = "relu"): ForwardCache {
  return todo("mlp-backprop");
}

/**
 * The mean softmax cross-entropy of the batch and its gradient with respect to every parameter (same shapes as
 * params). Does not modify params. Throws an Error mentioning "shape" when yOneHot is not n × c.
 */
export function lossAndGradients(
  params: MlpParams,
  X: Matrix,
  yOneHot: Matrix,
  activation: ActivationName = "relu",
): { loss: number; grads: MlpParams } {
  return todo("mlp-backprop");
}

/** The predicted class of each row of X: the index of the largest probability (the first one on a tie). */
export function predictClasses(params: MlpParams, X: Matrix, activation: ActivationName = "relu"): number[] {
  return todo("mlp-backprop");
}
