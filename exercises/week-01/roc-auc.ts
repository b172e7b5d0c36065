// Week 1 · The ROC curve and the area under it (AUC).
// Read the "ROC curve and AUC" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade roc-auc`; stuck? `npm run hint roc-auc`.
import { todo } from "../../src/grader/todo";

/**
 * The ROC curve: point k is what you get by predicting "positive" for every example whose score is ≥ thresholds[k].
 * fpr[k] = FP / (all negatives), tpr[k] = TP / (all positives).
 */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

/**
 * The ROC curve of a scoring model (labels 0/1; a higher score means "more likely positive").
 * - thresholds[0] is Infinity (nothing is predicted positive: the point (0, 0)); then every DISTINCT score, from the
 *   highest to the lowest, so the last point, at the lowest score, is (1, 1).
 * - Tied scores form ONE threshold: examples with equal scores switch to "positive" together, so a tie between a
 *   positive and a negative is one diagonal step, not a staircase that depends on their order in the array.
 * - No point is dropped, even when three in a row lie on a straight line (scikit-learn's drop_intermediate=False).
 * Throws an Error mentioning "empty" for empty input, "length" when the lengths differ, "label" when a label is not
 * 0 or 1, and "both classes" when yTrue holds only one class (the rates would divide by zero: ROC is undefined).
 */
export function rocCurve(yTrue: readonly number[], scores: readonly number[]): RocCurve {
  return todo("roc-auc");
}

/**
 * The area under a curve through the points (x[k], y[k]), x sorted ascending, by the trapezoid rule: the sum of
 * (x[k+1] - x[k]) · (y[k] + y[k+1]) / 2. With a ROC curve's fpr and tpr this is the AUC.
 * Throws an Error mentioning "length" when x and y differ in length, and "two points" when there are fewer than 2.
 */
export function auc(x: readonly number[], y: readonly number[]): number {
  return todo("roc-auc");
}
