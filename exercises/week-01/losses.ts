// Week 1 · Three loss functions and their derivatives: MSE, binary cross-entropy, hinge.
// Read the "Loss functions" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade loss-functions`; stuck? `npm run hint loss-functions`.
//
// Each loss is the MEAN over the n examples. Each *Grad function returns the derivative of that mean with respect to
// every prediction: grad[i] = ∂loss / ∂prediction[i] (so it includes the 1/n). This is exactly what a training loop
// feeds backwards through the model (the chain rule does the rest).
// Every function throws an Error mentioning "empty" for empty input and "length" when the two arrays differ in length.
import { todo } from "../../src/grader/todo";

/** The default clipping margin for probabilities: p is moved into [eps, 1 - eps] before any log or division. */
export const DEFAULT_EPS = 1e-15;

/** Mean squared error for regression: (1/n) Σ (yPred[i] - yTrue[i])². */
export function mseLoss(yTrue: readonly number[], yPred: readonly number[]): number {
  return todo("loss-functions");
}

/** ∂ mseLoss / ∂ yPred[i] for every i. */
export function mseLossGrad(yTrue: readonly number[], yPred: readonly number[]): number[] {
  return todo("loss-functions");
}

/**
 * Mean binary cross-entropy for labels 0/1 and predicted probabilities p = P(y = 1):
 * -(1/n) Σ [y·log(p) + (1 - y)·log(1 - p)], with each p first clipped into [eps, 1 - eps] so that p = 0 or 1 gives a
 * large but FINITE loss instead of Infinity. Throws an Error mentioning "label" when a label is not 0 or 1, and
 * "probability" when a prediction is not a number in [0, 1].
 */
export function binaryCrossEntropy(yTrue: readonly number[], p: readonly number[], eps = DEFAULT_EPS): number {
  return todo("loss-functions");
}

/**
 * ∂ binaryCrossEntropy / ∂ p[i] for every i, using the clipped p (so it too stays finite at p = 0 and p = 1).
 * Same errors as binaryCrossEntropy.
 */
export function binaryCrossEntropyGrad(yTrue: readonly number[], p: readonly number[], eps = DEFAULT_EPS): number[] {
  return todo("loss-functions");
}

/**
 * Mean hinge loss for labels -1/+1 and raw scores s (any real number, NOT probabilities), as in a linear SVM:
 * (1/n) Σ max(0, 1 - y·s). The product y·s is the margin: ≥ 1 means "right, and confidently so" and costs nothing.
 * Throws an Error mentioning "label" when a label is not -1 or +1.
 */
export function hingeLoss(yTrue: readonly number[], scores: readonly number[]): number {
  return todo("loss-functions");
}

/**
 * ∂ hingeLoss / ∂ scores[i] for every i. At the kink (margin exactly 1) the derivative does not exist; use 0 there,
 * the same as for margins above 1 (a valid subgradient). Same errors as hingeLoss.
 */
export function hingeLossGrad(yTrue: readonly number[], scores: readonly number[]): number[] {
  return todo("loss-functions");
}
