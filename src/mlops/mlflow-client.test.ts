// The client against a REAL MLflow server (from .venv) on a free loopback port with a temporary store: everything
// logged is read back through the REST API, the way the MLflow UI would show it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { freePort } from "../workspace/local-service";
import { MlflowClient } from "./mlflow-client";
import { MlflowApiError, MlflowNetworkError } from "./mlflow-errors";
import { type MlflowServer, startMlflowServer } from "./mlflow-server";

let server: MlflowServer;
let client: MlflowClient;
const dir = mkdtempSync(join(tmpdir(), "mlflow-client-test-"));

beforeAll(async () => {
  server = await startMlflowServer({ dir });
  client = new MlflowClient(server.url);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("experiments: get-or-create is idempotent, a missing name is undefined, a duplicate create is a typed error", async () => {
  assert.equal(await client.getExperimentByName("nope"), undefined);
  const a = await client.getOrCreateExperiment("client-test");
  const b = await client.getOrCreateExperiment("client-test");
  assert.equal(a.experimentId, b.experimentId, "the same experiment both times");
  assert.match(a.artifactLocation, /^mlflow-artifacts:/, "artifacts go through the server's proxy");
  await assert.rejects(client.createExperiment("client-test"), (err: unknown) => {
    assert.ok(err instanceof MlflowApiError, `expected MlflowApiError, got ${err}`);
    assert.equal(err.errorCode, "RESOURCE_ALREADY_EXISTS");
    assert.equal(err.endpoint, "POST /api/2.0/mlflow/experiments/create");
    assert.match(err.message, /experiments\/create/);
    return true;
  });
});

test("runs: params, tags and >1000 metric points (split by log-batch limits) are read back, with steps", async () => {
  const exp = await client.getOrCreateExperiment("client-runs");
  const run = await client.createRun({ experimentId: exp.experimentId, runName: "r1", tags: { purpose: "test" } });
  assert.equal(run.info.status, "RUNNING");
  const id = run.info.runId;
  const loss = Array.from({ length: 1205 }, (_, step) => ({ key: "loss", value: 1 / (step + 1), step }));
  const params = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`p${i}`, i]));
  await client.logBatch(id, { metrics: loss, params, tags: { stage: "train" } });
  await client.logMetrics(id, { auc: 0.97, accuracy: 0.95 }, 3);
  await client.endRun(id);

  const got = await client.getRun(id);
  assert.equal(got.info.status, "FINISHED");
  assert.ok(got.info.endTime && got.info.endTime >= got.info.startTime, "end time set");
  assert.equal(got.info.runName, "r1");
  assert.equal(Object.keys(got.params).length, 120, "all 120 params (two requests of at most 100)");
  assert.equal(got.params.p7, "7", "params come back as strings");
  assert.equal(got.tags.purpose, "test");
  assert.equal(got.tags.stage, "train");
  assert.equal(got.metrics.auc, 0.97);
  const history = await client.getMetricHistory(id, "loss");
  assert.equal(history.length, 1205, "every point of the series");
  assert.deepEqual(
    history.slice(0, 3).map((m) => [m.step, m.value]),
    [
      [0, 1],
      [1, 0.5],
      [2, 1 / 3],
    ],
  );
  await assert.rejects(client.logMetrics(id, { bad: Number.NaN }), /finite/);
});

test("searchRuns filters on metrics and params", async () => {
  const exp = await client.getOrCreateExperiment("client-search");
  for (const [name, auc] of [
    ["low", 0.6],
    ["high", 0.95],
  ] as const) {
    const r = await client.createRun({ experimentId: exp.experimentId, runName: name });
    await client.logBatch(r.info.runId, { metrics: [{ key: "auc", value: auc }], params: { seed: 42 } });
    await client.endRun(r.info.runId);
  }
  const found = await client.searchRuns({ experimentIds: [exp.experimentId], filter: "metrics.auc > 0.9" });
  assert.deepEqual(
    found.map((r) => r.info.runName),
    ["high"],
  );
  const all = await client.searchRuns({ experimentIds: [exp.experimentId], orderBy: ["metrics.auc DESC"] });
  assert.deepEqual(
    all.map((r) => r.info.runName),
    ["high", "low"],
  );
});

test("artifacts: upload through the proxy, list (nested) and download byte for byte", async () => {
  const exp = await client.getOrCreateExperiment("client-artifacts");
  const run = await client.createRun({ experimentId: exp.experimentId });
  const json = JSON.stringify({ hello: "world", n: [1, 2, 3] });
  const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
  await client.uploadArtifact(run.info, "model/model.json", json);
  await client.uploadArtifact(run.info, "model/weights.bin", bytes);
  await client.uploadArtifact(run.info, "report.md", "# ok\n");
  const top = await client.listArtifacts(run.info.runId);
  assert.deepEqual(top.map((f) => [f.path, f.isDir]).sort(), [
    ["model", true],
    ["report.md", false],
  ]);
  const deep = await client.listArtifactsDeep(run.info.runId);
  assert.deepEqual(deep.map((f) => f.path).sort(), ["model/model.json", "model/weights.bin", "report.md"]);
  assert.equal(deep.find((f) => f.path === "model/model.json")?.fileSize, Buffer.byteLength(json));
  assert.equal((await client.downloadArtifact(run.info.artifactUri, "model/model.json")).toString(), json);
  assert.deepEqual([...(await client.downloadArtifact(run.info.artifactUri, "model/weights.bin"))], [...bytes]);
  assert.throws(() => client.artifactProxyPath("/local/path"), /mlflow-artifacts/);
  assert.throws(() => client.artifactProxyPath(run.info.artifactUri, "../x"), /\.\./);
});

test("registry: a model, versions with tags, and the champion alias set, moved, read and removed", async () => {
  const exp = await client.getOrCreateExperiment("client-registry");
  const run = await client.createRun({ experimentId: exp.experimentId });
  await client.uploadArtifact(run.info, "model/model.json", "{}");
  assert.equal(await client.getRegisteredModel("cancer-rf"), undefined);
  await client.getOrCreateRegisteredModel("cancer-rf", "a test model");
  const same = await client.getOrCreateRegisteredModel("cancer-rf");
  assert.equal(same.description, "a test model");
  const source = `${run.info.artifactUri}/model`;
  const v1 = await client.createModelVersion({ name: "cancer-rf", source, runId: run.info.runId, tags: { auc: 0.9 } });
  const v2 = await client.createModelVersion({ name: "cancer-rf", source, runId: run.info.runId });
  assert.deepEqual([v1.version, v2.version], ["1", "2"]);
  assert.equal((await client.waitForModelVersion("cancer-rf", v1.version)).tags.auc, "0.9");
  assert.equal(await client.getVersionByAlias("cancer-rf", "champion"), undefined, "no champion yet");
  assert.equal(await client.getVersionByAlias("no-such-model", "champion"), undefined);

  await client.setAlias("cancer-rf", "champion", v1.version);
  assert.equal((await client.getVersionByAlias("cancer-rf", "champion"))?.version, "1");
  await client.setAlias("cancer-rf", "champion", v2.version);
  const champion = await client.getVersionByAlias("cancer-rf", "champion");
  assert.equal(champion?.version, "2", "the alias moved to version 2");
  assert.deepEqual(champion?.aliases, ["champion"]);
  assert.equal((await client.getRegisteredModel("cancer-rf"))?.aliases.champion, "2");
  await client.setModelVersionTag("cancer-rf", "2", "validated", "yes");
  assert.equal((await client.getModelVersion("cancer-rf", "2")).tags.validated, "yes");
  assert.deepEqual(
    (await client.listModelVersions("cancer-rf")).map((v) => v.version),
    ["2", "1"],
  );
  assert.equal((await client.downloadArtifact(champion!.source, "model.json")).toString(), "{}");
  await client.deleteAlias("cancer-rf", "champion");
  assert.equal(await client.getVersionByAlias("cancer-rf", "champion"), undefined);
});

test("a server that is not there is an MlflowNetworkError naming the endpoint", async () => {
  const port = await freePort();
  const dead = new MlflowClient(`http://127.0.0.1:${port}`, { timeoutMs: 2000 });
  await assert.rejects(dead.getRun("x"), (err: unknown) => {
    assert.ok(err instanceof MlflowNetworkError, `expected MlflowNetworkError, got ${err}`);
    assert.equal(err.endpoint, "GET /api/2.0/mlflow/runs/get");
    assert.match(err.message, /ECONNREFUSED/);
    return true;
  });
});

test("a non-MLflow error page (a proxy's 502) is an MlflowApiError with HTTP_502, and a hang times out", async () => {
  const fake = createServer((req, res) => {
    if (req.url?.includes("slow")) return; // never answers
    res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad gateway</html>");
  });
  await new Promise<void>((r) => fake.listen(0, "127.0.0.1", r));
  const port = (fake.address() as { port: number }).port;
  try {
    const c = new MlflowClient(`http://127.0.0.1:${port}`, { timeoutMs: 300 });
    await assert.rejects(c.getRun("x"), (err: unknown) => {
      assert.ok(err instanceof MlflowApiError);
      assert.equal(err.status, 502);
      assert.equal(err.errorCode, "HTTP_502");
      assert.match(err.detail, /Bad gateway/);
      return true;
    });
    await assert.rejects(c.getRun("slow"), (err: unknown) => {
      assert.ok(err instanceof MlflowNetworkError);
      assert.match(err.message, /timed out after 300 ms/);
      return true;
    });
  } finally {
    fake.closeAllConnections();
    await new Promise((r) => fake.close(r));
  }
  assert.throws(() => new MlflowClient("localhost:5000"), /http:\/\//);
});
