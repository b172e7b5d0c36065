// The pipeline end to end against a REAL MLflow server (temporary store, free loopback port): what it registers,
// which version the champion alias points at, and what it deploys are all read back through the REST API and the
// file system. Bad data must be stopped and deploy nothing; the same data and seed must give the same model.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { Random } from "../../data";
import { loadForest } from "../../ml";
import { MlflowClient } from "../mlflow-client";
import { type MlflowServer, startMlflowServer } from "../mlflow-server";
import { parseProfile } from "../profile";
import { csvData, datasetData, toCsv } from "./data";
import { markdownReport } from "./report";
import { type PipelineOptions, runPipeline } from "./run";
import type { PipelineReport } from "./types";
import { contractFor } from "./validate";

const MODEL = "cancer-rf-test";
const dir = mkdtempSync(join(tmpdir(), "pipeline-test-"));
const modelOut = join(dir, "deploy", "model.json");
const cancer = datasetData("breast-cancer");
const contract = contractFor(cancer);
let server: MlflowServer;
let client: MlflowClient;

beforeAll(async () => {
  server = await startMlflowServer({ dir: join(dir, "mlflow") });
  client = new MlflowClient(server.url);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const lines: string[] = [];
function run(o: Partial<PipelineOptions> = {}): Promise<PipelineReport> {
  return runPipeline({ data: cancer, client, contract, modelName: MODEL, modelOut, log: (l) => lines.push(l), ...o });
}

/** What is deployed and registered right now, to prove a failed run changed none of it. */
async function snapshot() {
  return {
    file: existsSync(modelOut) ? readFileSync(modelOut, "utf8") : undefined,
    versions: (await client.listModelVersions(MODEL)).map((v) => v.version),
    champion: (await client.getVersionByAlias(MODEL, "champion"))?.version,
  };
}

function writeCsv(name: string, d: typeof cancer): string {
  const file = join(dir, name);
  writeFileSync(file, toCsv(d));
  return file;
}

let first: PipelineReport;

test("a clean run registers version 1, points champion at it and deploys it, all read back over REST", async () => {
  first = await run();
  assert.equal(first.ok, true, `expected ok, got: ${first.reason}`);
  assert.equal(first.version, "1");
  assert.ok(first.metrics && first.metrics.auc >= 0.95, `AUC ${first.metrics?.auc}`);

  const champion = await client.getVersionByAlias(MODEL, "champion");
  assert.equal(champion?.version, "1", "the champion alias points at version 1");
  assert.equal(champion?.runId, first.runId);
  assert.equal(champion?.tags.reference_profile, "reference-profile.json");

  const runData = await client.getRun(first.runId!);
  assert.equal(runData.info.status, "FINISHED");
  assert.equal(runData.params.seed, "42");
  assert.equal(runData.params["data.sha256"], first.dataSha256);
  assert.equal(runData.metrics["eval.auc"], first.metrics!.auc);
  assert.equal(runData.tags.model_sha256, first.modelSha256);
  for (const s of ["validate", "train", "evaluate", "register", "promote"])
    assert.equal(runData.tags[`step.${s}`], "passed");
  const progress = await client.getMetricHistory(first.runId!, "pipeline.step");
  assert.deepEqual(
    progress.map((m) => m.value),
    [1, 2, 3, 4, 5],
  );
  const files = (await client.listArtifactsDeep(first.runId!)).map((f) => f.path).sort();
  for (const f of [
    "model/model.json",
    "model/reference-profile.json",
    "validation/checks.json",
    "pipeline-report.md",
  ]) {
    assert.ok(files.includes(f), `artifact ${f} missing; got ${files.join(", ")}`);
  }

  // The deployed file is the registered model plus its version, and its reference profile sits beside it.
  const { forest, artifact } = loadForest(modelOut);
  const meta = artifact.metadata as Record<string, unknown>;
  assert.equal(meta.version, `${MODEL}-v1`);
  assert.equal(meta.mlflowVersion, "1");
  assert.equal(typeof meta.version, "string", "the capstone reads metadata.version as a string");
  assert.equal(meta.registeredModel, MODEL);
  const registered = JSON.parse((await client.downloadArtifact(champion!.source, "model.json")).toString());
  assert.deepEqual(artifact.model, registered.model, "deployed and registered models are the same trees");
  assert.equal(forest.predict(cancer.X.slice(0, 5)).length, 5);
  const profile = parseProfile(readFileSync(join(dir, "deploy", "reference-profile.json"), "utf8"));
  assert.equal(profile.features.length, 30);
  assert.equal(profile.rows, 455, "profiled on the training split");
  assert.match(markdownReport(first), /✅ passed/);
});

test("same data and seed give the same model and metrics; the gate compares with the champion on the same rows", async () => {
  const again = await run();
  assert.equal(again.ok, true, again.reason);
  assert.equal(again.modelSha256, first.modelSha256, "identical trees");
  assert.deepEqual(again.metrics, first.metrics, "identical metrics");
  assert.equal(again.champion?.version, "1");
  assert.equal(again.champion?.auc, first.metrics!.auc, "the champion re-scored on the same test rows");
  assert.ok(again.checks.some((c) => c.id === "gate-champion" && c.passed));
  assert.equal(again.version, "2");
  assert.equal((await client.getVersionByAlias(MODEL, "champion"))?.version, "2");
  const other = await run({ train: { seed: 7 }, modelOut: null, gate: { minAuc: 0.5, championTolerance: 1 } });
  assert.notEqual(other.modelSha256, first.modelSha256, "another seed, another model");
});

test("shuffled labels: the gate stops it (AUC far below the floor), nothing registered or deployed, run FAILED", async () => {
  const before = await snapshot();
  const shuffled = { ...cancer, y: new Random(3).shuffle([...cancer.y]) };
  const data = csvData(writeCsv("shuffled.csv", shuffled), "breast-cancer");
  const r = await run({ data });
  assert.equal(r.ok, false);
  assert.equal(r.stoppedAt, "evaluate");
  const gateAuc = r.checks.find((c) => c.id === "gate-auc");
  assert.ok(
    gateAuc && !gateAuc.passed && gateAuc.value < 0.75,
    `gate-auc should fail far below 0.95: ${gateAuc?.value}`,
  );
  assert.match(r.reason ?? "", /gate-auc/);
  assert.match(gateAuc.message, /vs floor 0\.95 \(-0\.\d+\)/, "the report says by how much");
  assert.deepEqual(await snapshot(), before, "no version, no alias move, the deployed file untouched");
  assert.equal((await client.getRun(r.runId!)).info.status, "FAILED");
  assert.equal((await client.getRun(r.runId!)).tags["step.evaluate"], "failed");
});

test("a leaked split (duplicated rows across train and test) is stopped by validation before training", async () => {
  const before = await snapshot();
  const leaky = { ...cancer, X: [...cancer.X, ...cancer.X.slice(0, 150)], y: [...cancer.y, ...cancer.y.slice(0, 150)] };
  const r = await run({ data: csvData(writeCsv("leaky.csv", leaky), "breast-cancer") });
  assert.equal(r.ok, false);
  assert.equal(r.stoppedAt, "validate");
  const failed = r.checks.filter((c) => !c.passed).map((c) => c.id);
  assert.deepEqual(failed, ["duplicates", "leakage"]);
  const leak = r.checks.find((c) => c.id === "leakage")!;
  assert.ok(leak.value > 0, `leaked test rows: ${leak.value}`);
  assert.equal(r.modelSha256, undefined, "no model was trained");
  assert.deepEqual(await snapshot(), before);
});

test("a weaker candidate fails the champion comparison; a failed deployment rolls back and keeps the champion", async () => {
  const before = await snapshot();
  const weak = await run({ train: { nEstimators: 1, maxDepth: 1 }, gate: { minAuc: 0.5 } });
  assert.equal(weak.ok, false);
  const g = weak.checks.find((c) => c.id === "gate-champion");
  assert.ok(g && !g.passed, "gate-champion fails");
  assert.ok(g.limit - g.value > 0.01, `by how much: ${g.limit} - ${g.value}`);
  assert.deepEqual(await snapshot(), before);

  // Deploying under a path that cannot exist (a folder inside a file) fails at step 5 and must change nothing.
  const blocked = join(dir, "not-a-folder");
  writeFileSync(blocked, "x");
  const r = await run({ modelOut: join(blocked, "model.json") });
  assert.equal(r.stoppedAt, "promote");
  assert.match(r.reason ?? "", /could not write/);
  const after = await snapshot();
  assert.equal(after.champion, before.champion, "the alias did not move");
  assert.equal(after.file, before.file, "the deployed file is unchanged");
  assert.ok(
    lines.some((l) => l.startsWith("[5/5] promote")),
    "progress lines were printed",
  );
});
