/** The shapes the pipeline's steps pass along: the data, the checks with their numbers, and the final report. */

/** The five steps, in order. */
export const STEPS = ["validate", "train", "evaluate", "register", "promote"] as const;
export type StepName = (typeof STEPS)[number];

/** A labelled table: rows of numbers in featureNames order, y holding class indices into classNames. */
export interface PipelineData {
  /** Where it came from, e.g. "breast-cancer" or "data/new-batch.csv". */
  source: string;
  featureNames: string[];
  classNames: string[];
  X: number[][];
  y: number[];
}

/**
 * One check with the number it measured and the limit it was held to, so a failure says by how much:
 * "duplicate rows: 171 (30.1%) > limit 1%".
 */
export interface Check {
  step: StepName;
  /** Short id, e.g. "missing-values", "leakage", "gate-auc". */
  id: string;
  passed: boolean;
  /** What was measured, e.g. 0.987 or 12. */
  value: number;
  /** The limit it was compared with. */
  limit: number;
  /** How value relates to limit to pass: "<=", ">=", "==". */
  comparison: "<=" | ">=" | "==";
  /** One sentence: what was checked and what was found. */
  message: string;
}

export interface EvaluationMetrics {
  auc: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Test rows the metrics were computed on. */
  testRows: number;
}

export interface ChampionInfo {
  version: string;
  /** The champion's AUC on THIS run's test set (not the number it was registered with). */
  auc: number;
}

export interface PipelineReport {
  ok: boolean;
  /** The step that stopped the pipeline (undefined when it ran to the end). */
  stoppedAt?: StepName;
  /** Why, in one line: the first failed check, or the error. */
  reason?: string;
  checks: Check[];
  metrics?: EvaluationMetrics;
  champion?: ChampionInfo;
  /** sha256 of the trained model's payload: equal across runs with the same data and seed. */
  modelSha256?: string;
  dataSha256: string;
  seed: number;
  runId?: string;
  runUrl?: string;
  /** The registered version (after step 4). */
  version?: string;
  /** Where the model was deployed (after step 5). */
  deployedTo?: string;
  durationsMs: Partial<Record<StepName, number>>;
  totalMs: number;
}
