// Reference solution for exercises/week-06/mlflow-tracking.ts.
import type { MlflowClient } from "../../src/mlops/mlflow-client";

export interface EpochLosses {
  trainLoss: number;
  valLoss: number;
}

export interface TrainingRecord {
  experiment: string;
  runName: string;
  params: Record<string, string | number>;
  epochs: EpochLosses[];
  finalMetrics: Record<string, number>;
  modelJson: string;
  tags?: Record<string, string>;
}

export interface BestRun {
  runId: string;
  runName: string;
  value: number;
}

export async function trackTrainingRun(client: MlflowClient, record: TrainingRecord): Promise<string> {
  const experiment = await client.getOrCreateExperiment(record.experiment);
  const run = await client.createRun({
    experimentId: experiment.experimentId,
    runName: record.runName,
    tags: record.tags,
  });
  const runId = run.info.runId;
  try {
    // One log-batch carries params and every metric point (the client splits it at MLflow's limits).
    await client.logBatch(runId, {
      params: record.params,
      metrics: [
        ...record.epochs.flatMap((e, step) => [
          { key: "train_loss", value: e.trainLoss, step },
          { key: "val_loss", value: e.valLoss, step },
        ]),
        ...Object.entries(record.finalMetrics).map(([key, value]) => ({ key, value, step: 0 })),
      ],
    });
    await client.uploadArtifact(run.info, "model/model.json", record.modelJson);
    await client.endRun(runId, "FINISHED");
    return runId;
  } catch (err) {
    await client.endRun(runId, "FAILED");
    throw err;
  }
}

export async function bestRun(
  client: MlflowClient,
  experiment: string,
  metric: string,
  mode: "max" | "min",
): Promise<BestRun | undefined> {
  const exp = await client.getExperimentByName(experiment);
  if (!exp) return undefined;
  const runs = await client.searchRuns({
    experimentIds: [exp.experimentId],
    filter: "attributes.status = 'FINISHED'",
    orderBy: [`metrics.\`${metric}\` ${mode === "max" ? "DESC" : "ASC"}`],
    maxResults: 1000,
  });
  // MLflow sorts runs without the metric last; skip them explicitly rather than trusting that.
  const best = runs.find((r) => r.metrics[metric] !== undefined);
  return best ? { runId: best.info.runId, runName: best.info.runName, value: best.metrics[metric] } : undefined;
}
