/**
 * The pipeline, end to end: validate → train → evaluate (gate) → register → promote, one MLflow run per execution.
 *
 *   const report = await runPipeline({ data: datasetData("breast-cancer"), client, contract });
 *   console.log(formatReport(report));
 *
 * Every step logs to the run: its parameters, its numbers (validation.*, train.*, eval.*), a tag `step.<name>` with
 * passed / failed, and the metric `pipeline.step` (1..5) as it goes, so the MLflow UI shows how far a run got. The
 * terminal gets one line per step and per check.
 *
 * A failed check stops the pipeline right there: nothing is registered after a failed data check or gate, nothing
 * is deployed after any failure, and the run ends FAILED with a report that names the check and its numbers.
 */
import { join } from "node:path";
import type { ModelArtifact } from "../../ml/artifact";
import type { ForestModel } from "../../ml/forest";
import { forestToArtifact } from "../../ml/tree-artifacts";
import { findRoot } from "../../workspace/paths";
import type { MlflowClient } from "../mlflow-client";
import type { RunInfo } from "../mlflow-types";
import { buildProfile, type ReferenceProfile } from "../profile";
import { dataSha256 } from "./data";
import { DEFAULT_GATE, evaluateModel, type GateOptions, gateChecks } from "./evaluate";
import { loadChampion, promote, registerVersion } from "./registry";
import { markdownReport } from "./report";
import { DEFAULT_TRAIN_PARAMS, modelSha256, type SplitData, splitData, type TrainParams, trainForest } from "./train";
import { type Check, type PipelineData, type PipelineReport, STEPS, type StepName } from "./types";
import { contractFor, type DataContract, describeCheck, leakageCheck, validateData } from "./validate";

export interface PipelineOptions {
  data: PipelineData;
  client: MlflowClient;
  /** The data contract; default: derived from `data` itself (pass the committed dataset's for new data!). */
  contract?: DataContract;
  experimentName?: string;
  modelName?: string;
  train?: Partial<TrainParams>;
  gate?: Partial<GateOptions>;
  /** Where to deploy the model file. Default capstone/model/model.json; null: register only, deploy nothing. */
  modelOut?: string | null;
  runName?: string;
  /** Progress lines. Default console.log. */
  log?: (line: string) => void;
}

export const DEFAULT_EXPERIMENT = "week-06-pipeline";
export const DEFAULT_MODEL_NAME = "breast-cancer-rf";

/** The capstone's model file, which promotion writes. */
export function capstoneModelPath(): string {
  return join(findRoot(), "capstone", "model", "model.json");
}

/** Thrown inside the pipeline when a step's checks fail: carries them to the report. */
class StepFailed extends Error {}

export async function runPipeline(o: PipelineOptions): Promise<PipelineReport> {
  const started = performance.now();
  const log = o.log ?? ((line: string) => console.log(line));
  const client = o.client;
  const params: TrainParams = { ...DEFAULT_TRAIN_PARAMS, ...o.train };
  const gate: GateOptions = { ...DEFAULT_GATE, ...o.gate };
  const modelName = o.modelName ?? DEFAULT_MODEL_NAME;
  const modelOut = o.modelOut === undefined ? capstoneModelPath() : o.modelOut;
  const data = o.data;
  const contract = o.contract ?? contractFor(data);
  const report: PipelineReport = {
    ok: false,
    checks: [],
    dataSha256: dataSha256(data),
    seed: params.seed,
    durationsMs: {},
    totalMs: 0,
  };

  const experiment = await client.getOrCreateExperiment(o.experimentName ?? DEFAULT_EXPERIMENT);
  const run = await client.createRun({
    experimentId: experiment.experimentId,
    runName: o.runName ?? `pipeline seed=${params.seed} ${new Date().toISOString().slice(0, 19)}`,
    tags: { "pipeline.data_source": data.source, "mlflow.source.name": "npm run pipeline" },
  });
  const info: RunInfo = run.info;
  report.runId = info.runId;
  report.runUrl = `${client.baseUrl}/#/experiments/${experiment.experimentId}/runs/${info.runId}`;
  log(`MLflow run ${info.runId}: ${report.runUrl}`);
  await client.logBatch(info.runId, {
    params: {
      seed: params.seed,
      test_size: params.testSize,
      n_estimators: params.nEstimators,
      max_depth: params.maxDepth === null ? "None" : params.maxDepth,
      min_samples_leaf: params.minSamplesLeaf,
      "gate.min_auc": gate.minAuc,
      "gate.champion_tolerance": gate.championTolerance,
      "data.source": data.source,
      "data.sha256": report.dataSha256,
      "data.rows": data.X.length,
      model_name: modelName,
    },
  });

  let current: StepName = "validate";
  const step = async <T>(name: StepName, body: () => Promise<T>): Promise<T> => {
    current = name;
    const i = STEPS.indexOf(name) + 1;
    log(`[${i}/${STEPS.length}] ${name} ...`);
    const t = performance.now();
    const result = await body();
    const ms = Math.round(performance.now() - t);
    report.durationsMs[name] = ms;
    await client.logBatch(info.runId, {
      metrics: [
        { key: "pipeline.step", value: i, step: i },
        { key: `duration_ms.${name}`, value: ms },
      ],
      tags: { [`step.${name}`]: "passed" },
    });
    log(`      ${name} passed (${ms} ms)`);
    return result;
  };
  /** Records checks, prints them, logs them, and stops the pipeline if any failed. */
  const enforce = async (checks: Check[]) => {
    report.checks.push(...checks);
    for (const c of checks) log(`      ${c.passed ? "✓" : "✗"} ${describeCheck(c)}`);
    const failed = checks.filter((c) => !c.passed);
    if (failed.length) {
      throw new StepFailed(`${failed.map((c) => c.id).join(", ")} failed (${failed[0].message})`);
    }
  };

  try {
    // 1. Validate the table, split it, and check the split for leakage.
    const split: SplitData = await step("validate", async () => {
      const checks = validateData(data, contract);
      // Split whenever the schema holds, even if other checks failed, so the report also says whether it leaks.
      let s: SplitData | undefined;
      if (checks[0].passed) {
        try {
          s = splitData(data, params);
        } catch {
          // A class with a single row cannot be stratified; class-balance already reports it.
        }
      }
      const all = s ? [...checks, leakageCheck(s.XTrain, s.XTest)] : checks;
      await client.logBatch(info.runId, {
        metrics: all.map((c) => ({ key: `validation.${c.id}`, value: c.value })),
      });
      await client.uploadArtifact(info, "validation/checks.json", JSON.stringify(all, null, 2));
      await enforce(all);
      return s!;
    });

    // 2. Train, fingerprint the model, and profile the training data (the drift monitors' reference).
    const trained = await step("train", async () => {
      const forest = trainForest(split, data.classNames.length, params);
      const sha = modelSha256(forest);
      report.modelSha256 = sha;
      const profile: ReferenceProfile = buildProfile(split.XTrain, data.featureNames, { dataset: data.source });
      await client.logBatch(info.runId, {
        metrics: [
          { key: "train.rows", value: split.XTrain.length },
          ...(forest.oobScore === null ? [] : [{ key: "train.oob_accuracy", value: forest.oobScore }]),
        ],
        tags: { model_sha256: sha },
      });
      await client.uploadArtifact(info, "train/reference-profile.json", JSON.stringify(profile));
      return { forest, profile };
    });

    // 3. Evaluate on the held-out rows; re-score the champion on the same rows; apply the gate.
    const metrics = await step("evaluate", async () => {
      const m = evaluateModel(trained.forest, split.XTest, split.yTest);
      report.metrics = m;
      const champion = await loadChampion(client, modelName);
      let championAuc: number | undefined;
      if (champion && champion.artifact.featureNames.join(",") === data.featureNames.join(",")) {
        championAuc = evaluateModel(champion.forest, split.XTest, split.yTest).auc;
        report.champion = { version: champion.version.version, auc: championAuc };
      } else if (champion) {
        log(`      champion v${champion.version.version} has other features: only the AUC floor applies`);
      }
      await client.logBatch(info.runId, {
        metrics: [
          { key: "eval.auc", value: m.auc },
          { key: "eval.accuracy", value: m.accuracy },
          { key: "eval.precision", value: m.precision },
          { key: "eval.recall", value: m.recall },
          { key: "eval.f1", value: m.f1 },
          ...(championAuc === undefined ? [] : [{ key: "eval.champion_auc", value: championAuc }]),
        ],
      });
      await enforce(gateChecks(m, championAuc, gate));
      return m;
    });

    // 4. Register: the model and its reference profile become a new version of the registered model.
    const artifact: ModelArtifact<ForestModel> = forestToArtifact(trained.forest, {
      featureNames: data.featureNames,
      classNames: data.classNames,
      metadata: Object.assign(
        {
          dataset: data.source,
          rows: split.XTrain.length,
          metrics: { auc: metrics.auc, accuracy: metrics.accuracy, f1: metrics.f1, recall: metrics.recall },
        },
        { dataSha256: report.dataSha256, modelSha256: report.modelSha256 ?? "" },
      ),
    });
    const version = await step("register", async () => {
      const v = await registerVersion(client, {
        modelName,
        run: info,
        artifact,
        profile: trained.profile,
        tags: { auc: metrics.auc.toFixed(4), seed: params.seed, data_sha256: report.dataSha256 },
        description: `AUC ${metrics.auc.toFixed(4)} on ${metrics.testRows} test rows; data ${data.source}`,
      });
      report.version = v.version;
      await client.setTags(info.runId, { registered_version: v.version });
      log(`      registered ${modelName} version ${v.version}`);
      return v;
    });

    // 5. Promote: deploy the files and move the champion alias (or only register, with modelOut null).
    await step("promote", async () => {
      if (modelOut === null) {
        log("      modelOut is null: registered, not deployed");
        return;
      }
      await promote(client, {
        modelName,
        version: version.version,
        runId: info.runId,
        artifact,
        profile: trained.profile,
        modelOut,
      });
      report.deployedTo = modelOut;
      log(`      champion -> v${version.version}; wrote ${modelOut}`);
    });
    report.ok = true;
  } catch (err) {
    report.ok = false;
    report.stoppedAt = current;
    report.reason = err instanceof StepFailed ? err.message : `error: ${(err as Error).message}`;
    log(`      ✗ stopped at ${current}: ${report.reason}`);
    await client.setTags(info.runId, { [`step.${current}`]: "failed" }).catch(() => undefined);
  }
  report.totalMs = Math.round(performance.now() - started);
  await client.uploadArtifact(info, "pipeline-report.md", markdownReport(report)).catch(() => undefined);
  await client.endRun(info.runId, report.ok ? "FINISHED" : "FAILED").catch(() => undefined);
  return report;
}
