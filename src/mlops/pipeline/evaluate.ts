/**
 * Step 3, evaluation and the gate. Metrics on the held-out test split, then two conditions a candidate must meet
 * before it may replace anything:
 *
 *   gate-auc         AUC >= minAuc (an absolute floor: 0.95 by default for this dataset)
 *   gate-champion    AUC >= the current champion's AUC on THE SAME test rows, minus a tolerance (0 by default)
 *
 * The champion is re-scored here on this run's test set rather than trusting the number it was registered with:
 * that number came from a different split (or data), and comparing scores from different test sets is comparing
 * two exams with different questions.
 */

import type { RandomForest } from "../../ml/forest";
import { argmax } from "../../ml/forest";
import { rocAuc } from "../stats";
import type { Check, EvaluationMetrics } from "./types";

export interface GateOptions {
  /** Absolute AUC floor. Default 0.95. */
  minAuc: number;
  /** How much worse than the champion a candidate may be. Default 0: not worse. */
  championTolerance: number;
}

export const DEFAULT_GATE: Readonly<GateOptions> = { minAuc: 0.95, championTolerance: 0 };

/** Metrics of a binary classifier; `positive` is the class whose probability is the score (1 = malignant here). */
export function evaluateModel(model: RandomForest, X: number[][], y: number[], positive = 1): EvaluationMetrics {
  const proba = model.predictProba(X);
  const scores = proba.map((p) => p[positive]);
  const pred = proba.map((p) => argmax(p));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hits = 0;
  y.forEach((t, i) => {
    if (pred[i] === t) hits++;
    if (pred[i] === positive && t === positive) tp++;
    if (pred[i] === positive && t !== positive) fp++;
    if (pred[i] !== positive && t === positive) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    auc: rocAuc(
      y.map((t) => (t === positive ? 1 : 0)),
      scores,
    ),
    accuracy: hits / y.length,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    testRows: y.length,
  };
}

/** The gate's checks. championAuc undefined: no champion yet (the first model), so only the floor applies. */
export function gateChecks(metrics: EvaluationMetrics, championAuc: number | undefined, gate: GateOptions): Check[] {
  const checks: Check[] = [
    {
      step: "evaluate",
      id: "gate-auc",
      passed: metrics.auc >= gate.minAuc,
      value: metrics.auc,
      limit: gate.minAuc,
      comparison: ">=",
      message: `test AUC ${metrics.auc.toFixed(4)} vs floor ${gate.minAuc} (${signed(metrics.auc - gate.minAuc)})`,
    },
  ];
  if (championAuc !== undefined) {
    const limit = championAuc - gate.championTolerance;
    checks.push({
      step: "evaluate",
      id: "gate-champion",
      passed: metrics.auc >= limit,
      value: metrics.auc,
      limit,
      comparison: ">=",
      message: `test AUC ${metrics.auc.toFixed(4)} vs champion ${championAuc.toFixed(4)} on the same test rows (${signed(metrics.auc - championAuc)})`,
    });
  }
  return checks;
}

function signed(x: number): string {
  return `${x >= 0 ? "+" : ""}${x.toFixed(4)}`;
}
