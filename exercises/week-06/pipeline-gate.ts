// Week 6 · The pipeline's guards: leakage between the splits, duplicate rows, and the evaluation gate.
// Read "The pipeline: data, training, validation, deployment" in notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade pipeline-gate`; stuck? `npm run hint pipeline-gate`.
//
// A pipeline deploys without a human looking, so it must refuse on its own: data whose test rows were also in the
// training rows (the test score would measure memory), and a model that is not good enough, or not better than the
// model already deployed (the "champion").
import { todo } from "../../src/grader/todo";

/**
 * Indices into XTest of the rows whose features are EXACTLY equal (every value, same order) to at least one row
 * of XTrain, ascending. Must stay fast on big tables: build a lookup of the training rows once (a Set of keys),
 * do not compare every pair. Throws an Error mentioning "length" when rows have different numbers of values.
 */
export function leakedTestRows(XTrain: number[][], XTest: number[][]): number[] {
  return todo("pipeline-gate");
}

/**
 * How many rows repeat an EARLIER row exactly, features and label both (the first copy is not a duplicate; three
 * copies are 2 duplicates). Throws an Error mentioning "length" when X and y differ in length.
 */
export function duplicateRows(X: number[][], y: number[]): number {
  return todo("pipeline-gate");
}

export interface GateInput {
  /** The candidate's AUC on the test split. */
  auc: number;
  /** The absolute floor, e.g. 0.95. */
  minAuc: number;
  /** The current champion's AUC on the SAME test rows; undefined when nothing is deployed yet. */
  championAuc?: number;
  /** How much worse than the champion the candidate may be. Default 0 (not worse). */
  tolerance?: number;
}

export interface GateDecision {
  promote: boolean;
  /** auc - minAuc: how far above (positive) or below (negative) the floor. */
  floorMargin: number;
  /** auc - championAuc (undefined without a champion). */
  championMargin?: number;
  /**
   * One sentence per failed condition, with the numbers, e.g.
   * "AUC 0.9000 is below the floor 0.9500 by 0.0500" and "AUC 0.9700 is worse than the champion's 0.9900 by 0.0200".
   * Empty when promote is true.
   */
  reasons: string[];
}

/**
 * Promote only if auc >= minAuc AND (no champion, or auc >= championAuc - tolerance). Numbers in the reasons are
 * written with toFixed(4). Throws an Error mentioning "AUC" when auc, minAuc or championAuc is not in [0, 1]
 * (NaN included): a broken metric must stop the pipeline, not slip through a comparison that is always false.
 */
export function evaluationGate(g: GateInput): GateDecision {
  return todo("pipeline-gate");
}
