// Week 8 · Responsible AI: bias metrics per group (demographic parity, equal opportunity) and explainability by
// permutation importance, for any classifier that predicts 0/1.
// Read "Responsible AI: bias metrics" and "Explainability: permutation importance" in
// notebooks/week-08-ai-practitioner.ipynb first.
// Grade it with `npm run grade responsible-ai`; stuck? `npm run hint responsible-ai`.
//
// Labels and predictions are 0 or 1 (1 = the outcome the model flags). A group is any string, e.g. "sex 1".
// Validate the input first: each function throws an Error whose message names the problem, as listed.
import { todo } from "../../src/grader/todo";

export interface GroupRates {
  /** The rate per group, keyed by the group's name. */
  rates: Record<string, number>;
  /** The largest rate minus the smallest: 0 means every group gets the same rate. */
  difference: number;
}

/**
 * Demographic parity: per group, the share of rows predicted 1 (the selection rate), and the gap between groups.
 * Throws "length" when pred and group differ in length (or are empty) and "two groups" with fewer than two groups.
 */
export function demographicParity(pred: ArrayLike<number>, group: readonly string[]): GroupRates {
  return todo("responsible-ai");
}

/**
 * Equal opportunity: per group, the true positive rate (rows with yTrue 1 that are predicted 1), and the gap.
 * Throws "length" and "two groups" as above, and "positives" when a group has no row with yTrue 1.
 */
export function equalOpportunity(
  yTrue: ArrayLike<number>,
  pred: ArrayLike<number>,
  group: readonly string[],
): GroupRates {
  return todo("responsible-ai");
}

/** Share of rows where pred equals yTrue. Throws "length" on different lengths or no rows. */
export function accuracyScore(yTrue: ArrayLike<number>, pred: ArrayLike<number>): number {
  return todo("responsible-ai");
}

export interface Importance {
  /** Accuracy on the untouched X. */
  baseline: number;
  /** Per feature: the mean over repeats of baseline accuracy minus accuracy with that feature's column shuffled. */
  mean: number[];
  /** Per feature: the standard deviation (population, divide by repeats) of those drops. */
  std: number[];
}

/**
 * Permutation importance: for each feature j, `repeats` times, shuffle column j across rows (the other columns stay
 * put), predict, and record how much accuracy dropped. Never modify X itself. Use `new Random(opts.seed)` from
 * src/data for the shuffles (rng.permutation(n)), so the same seed gives the same result.
 * Throws "length" as above and "repeats" unless repeats is an integer >= 1.
 */
export function permutationImportance(
  predict: (X: number[][]) => ArrayLike<number>,
  X: readonly (readonly number[])[],
  y: ArrayLike<number>,
  opts: { repeats: number; seed: number },
): Importance {
  return todo("responsible-ai");
}
