// Grades exercises/week-06/mlflow-tracking.ts (and proves solutions/week-06/mlflow-tracking.ts with the very same
// file) against a REAL MLflow server (the pinned one in .venv) on a free loopback port with a temporary store.
// Everything is read back through MLflow's REST API, as the UI would show it. The server takes 5-20 s to start, so
// it is started only once the code is past its stub (an untouched stub is reported at once, without a server).
// Inside the week-6 notebook, which already runs MLflow on loopback, STUDY_MLFLOW_URL names that server and the
// test uses it instead of starting a second one; its experiments get a fresh random suffix, so nothing mixes.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { isNotStarted } from "../../src/grader/todo";
import { MlflowClient, type MlflowServer, startMlflowServer } from "../../src/mlops";
import { bestRun, type TrainingRecord, trackTrainingRun } from "./mlflow-tracking";

const dir = mkdtempSync(join(tmpdir(), "mlflow-tracking-grade-"));
/** Unique experiment names, so a shared server's earlier runs never count. */
const SUFFIX = randomBytes(4).toString("hex");
const GRADING = `grading-${SUFFIX}`;
const SWEEP = `sweep-${SUFFIX}`;
/** A loopback MLflow the caller already runs (the notebook sets it); never a remote one. */
const shared = /^http:\/\/(127\.0\.0\.1|localhost):\d+\/?$/.test(process.env.STUDY_MLFLOW_URL ?? "")
  ? process.env.STUDY_MLFLOW_URL
  : undefined;
let server: MlflowServer | undefined;
let client: Promise<MlflowClient> | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const record = (runName: string, auc: number, extra: Partial<TrainingRecord> = {}): TrainingRecord => ({
  experiment: GRADING,
  runName,
  params: { nEstimators: 100, maxDepth: "None", seed: 42 },
  epochs: [
    { trainLoss: 0.9, valLoss: 1.0 },
    { trainLoss: 0.5, valLoss: 0.7 },
    { trainLoss: 0.3, valLoss: 0.6 },
  ],
  finalMetrics: { auc, accuracy: auc - 0.02 },
  modelJson: JSON.stringify({ kind: "random-forest", runName }),
  tags: { purpose: "grading" },
  ...extra,
});

/**
 * The server, started on first use. First the learner's code is called with a client that refuses every call: a
 * stub throws "not started" right there, before anything waits 20 s for MLflow.
 */
async function mlflow(): Promise<MlflowClient> {
  const refuse = new Proxy({} as MlflowClient, {
    get: () => () => Promise.reject(new Error("probe: no server yet")),
  });
  try {
    await trackTrainingRun(refuse, record("probe", 0.5));
  } catch (err) {
    if (isNotStarted(err)) throw err;
  }
  client ??= shared
    ? Promise.resolve(new MlflowClient(shared))
    : startMlflowServer({ dir }).then((s) => {
        server = s;
        return new MlflowClient(s.url);
      });
  return client;
}

test("trackTrainingRun logs params, per-epoch losses with steps, final metrics, tags and the model; run FINISHED", async () => {
  const c = await mlflow();
  const runId = await trackTrainingRun(c, record("rf-100", 0.991));
  assert.match(runId, /^[0-9a-f]{32}$/, `a run id, got ${runId}`);
  const run = await c.getRun(runId);
  assert.equal(run.info.status, "FINISHED");
  assert.equal(run.info.runName, "rf-100");
  assert.deepEqual(run.params, { nEstimators: "100", maxDepth: "None", seed: "42" });
  assert.equal(run.tags.purpose, "grading");
  assert.equal(run.metrics.auc, 0.991);
  assert.ok(Math.abs(run.metrics.accuracy - 0.971) < 1e-12);
  const val = await c.getMetricHistory(runId, "val_loss");
  assert.deepEqual(
    val.map((m) => [m.step, m.value]),
    [
      [0, 1.0],
      [1, 0.7],
      [2, 0.6],
    ],
    "val_loss at steps 0, 1, 2",
  );
  const train = await c.getMetricHistory(runId, "train_loss");
  assert.deepEqual(
    train.map((m) => m.step),
    [0, 1, 2],
  );
  const exp = await c.getExperimentByName(GRADING);
  assert.equal(run.info.experimentId, exp?.experimentId, "logged in the experiment named by the record");
  const files = await c.listArtifactsDeep(runId);
  assert.deepEqual(
    files.map((f) => f.path),
    ["model/model.json"],
  );
  const model = (await c.downloadArtifact(run.info.artifactUri, "model/model.json")).toString();
  assert.equal(model, record("rf-100", 0.991).modelJson);
});

test("a run that fails mid-way ends FAILED and the error reaches the caller", async () => {
  const c = await mlflow();
  const bad = record("rf-nan", 0.9, {
    epochs: [
      { trainLoss: 0.5, valLoss: 0.6 },
      { trainLoss: Number.NaN, valLoss: 0.6 },
    ],
  });
  await assert.rejects(trackTrainingRun(c, bad), /NaN|finite/i);
  const exp = await c.getExperimentByName(GRADING);
  const runs = await c.searchRuns({ experimentIds: [exp!.experimentId], filter: "attributes.run_name = 'rf-nan'" });
  assert.equal(runs.length, 1, "the run was created");
  assert.equal(runs[0].info.status, "FAILED", `expected FAILED, got ${runs[0].info.status}`);
});

test("bestRun picks the highest (or lowest) metric among FINISHED runs of the experiment", async () => {
  const c = await mlflow();
  const ids: Record<string, string> = {};
  for (const [name, auc] of [
    ["rf-10", 0.95],
    ["rf-500", 0.993],
    ["rf-50", 0.98],
  ] as const) {
    ids[name] = await trackTrainingRun(c, record(name, auc, { experiment: SWEEP }));
  }
  // A RUNNING run with a better score must not win: it has not finished (it may still fail).
  const exp = await c.getExperimentByName(SWEEP);
  const running = await c.createRun({ experimentId: exp!.experimentId, runName: "unfinished" });
  await c.logMetrics(running.info.runId, { auc: 0.999 });

  const best = await bestRun(c, SWEEP, "auc", "max");
  assert.deepEqual(best, { runId: ids["rf-500"], runName: "rf-500", value: 0.993 });
  const worst = await bestRun(c, SWEEP, "auc", "min");
  assert.equal(worst?.runName, "rf-10");
  const lowestLoss = await bestRun(c, SWEEP, "val_loss", "min");
  assert.equal(lowestLoss?.value, 0.6, "the latest val_loss of each run is compared");
  assert.equal(await bestRun(c, "no-such-experiment", "auc", "max"), undefined);
  assert.equal(await bestRun(c, SWEEP, "no_such_metric", "max"), undefined);
});
