// Week 6 · Experiment tracking: log a training run to MLflow, then find the best run.
// Read "Experiment tracking with MLflow" in notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade mlflow-tracking`; stuck? `npm run hint mlflow-tracking`.
//
// You write against the workspace's typed MLflow client (src/mlops/mlflow-client.ts): every method is one call of
// MLflow's REST API. The grader starts a real MLflow server and reads back, through that same API, what you logged.
// (The functions are written without `async` only so the untouched stub fails at once; make yours `async function`.)
import { todo } from "../../src/grader/todo";
import type { MlflowClient } from "../../src/mlops/mlflow-client";

export interface EpochLosses {
  trainLoss: number;
  valLoss: number;
}

export interface TrainingRecord {
  /** Experiment name; create it if it does not exist yet. */
  experiment: string;
  runName: string;
  /** Hyper-parameters (MLflow stores every param as a string). */
  params: Record<string, string | number>;
  /** One entry per epoch: log train_loss and val_loss with step = the epoch's index (0, 1, 2, ...). */
  epochs: EpochLosses[];
  /** Final scores, logged once each (step 0), e.g. { auc: 0.99, accuracy: 0.97 }. */
  finalMetrics: Record<string, number>;
  /** Uploaded as the artifact "model/model.json". */
  modelJson: string;
  tags?: Record<string, string>;
}

/**
 * Logs one training run and returns its run id: get or create the experiment, create the run (runName, tags),
 * log the params, the per-epoch losses and the final metrics, upload the model, and end the run FINISHED.
 * If anything fails after the run was created (e.g. a NaN loss, which MLflow cannot store), end the run FAILED
 * (so the UI does not show it RUNNING forever) and rethrow the error.
 */
export function trackTrainingRun(client: MlflowClient, record: TrainingRecord): Promise<string> {
  return todo("mlflow-tracking");
}

export interface BestRun {
  runId: string;
  runName: string;
  value: number;
}

/**
 * The FINISHED run of `experiment` with the best value of `metric` ("max": highest, "min": lowest), found with
 * client.searchRuns (a filter on the status, an order_by on the metric). Runs without that metric do not count.
 * Undefined when the experiment does not exist or has no such run.
 */
export function bestRun(
  client: MlflowClient,
  experiment: string,
  metric: string,
  mode: "max" | "min",
): Promise<BestRun | undefined> {
  return todo("mlflow-tracking");
}
