// Week 1 · The confusion matrix, precision, recall and F1.
// Read the "Confusion matrix" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade confusion-metrics`; stuck? `npm run hint confusion-metrics`.
//
// Labels are class indices 0, 1, ..., nClasses - 1. Every function throws an Error mentioning "empty" for empty
// input and "length" when yTrue and yPred differ in length.
//
// Zero division: when a ratio would be 0/0 (precision with no predicted positives, recall with no actual positives,
// F1 with precision + recall = 0), return 0. This is scikit-learn's zero_division=0: a metric that cannot be computed
// gives the model no credit, and never NaN.
import { todo } from "../../src/grader/todo";

/**
 * counts[i][j] = how many examples of actual class i were predicted as class j (rows: truth, columns: prediction),
 * an nClasses × nClasses table whose diagonal holds the correct predictions.
 * Also throws an Error mentioning "label" when a label is not a whole number in 0..nClasses-1.
 */
export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[], nClasses: number): number[][] {
  return todo("confusion-metrics");
}

/** Of the examples predicted as `positive`, the share that really are: TP / (TP + FP). 0 when nothing is predicted positive. */
export function precision(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  return todo("confusion-metrics");
}

/** Of the examples that really are `positive`, the share the model found: TP / (TP + FN). 0 when there are none. */
export function recall(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  return todo("confusion-metrics");
}

/** The harmonic mean of precision and recall, 2·P·R / (P + R), for the class `positive`. 0 when P + R = 0. */
export function f1(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  return todo("confusion-metrics");
}

/**
 * The unweighted mean of the per-class F1 over ALL classes 0..nClasses-1, each in turn taken as the positive class
 * (a class that appears nowhere scores 0). Equals scikit-learn's
 * f1_score(yTrue, yPred, labels=range(nClasses), average="macro", zero_division=0).
 */
export function macroF1(yTrue: readonly number[], yPred: readonly number[], nClasses: number): number {
  return todo("confusion-metrics");
}
