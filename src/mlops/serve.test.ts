// Serving the promoted model for the monitoring scenario: predictions equal the forest's own, and /metrics feeds
// the latency window. serveModel is exercised too: the capstone API when it starts, else the stand-in.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { forestToArtifact, RandomForest, saveArtifact } from "../ml";
import { latencyWindow } from "./latency";
import { datasetData, splitData } from "./pipeline";
import { predict, type ServedModel, serveModel, startMinimalScorer } from "./serve";

const dir = mkdtempSync(join(tmpdir(), "serve-test-"));
const data = datasetData("breast-cancer");
const split = splitData(data, { seed: 42, testSize: 0.2 });
const forest = new RandomForest({ nEstimators: 20, seed: 1 }).fit(split.XTrain, split.yTrain);
const modelPath = join(dir, "model.json");
saveArtifact(
  modelPath,
  forestToArtifact(forest, {
    featureNames: data.featureNames,
    classNames: data.classNames,
    metadata: Object.assign({ dataset: "breast-cancer" }, { version: "test-v1" }),
  }),
);
const servers: ServedModel[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function check(api: ServedModel) {
  const before = await (await fetch(`${api.url}/metrics`)).text();
  const rows = split.XTest.slice(0, 25);
  const r = await predict(api.url, data.featureNames, rows);
  assert.equal(r.status, 200, `${api.kind}: POST /predict answered ${r.status}`);
  const want = forest.predict(rows).map((c) => data.classNames[c]);
  assert.deepEqual(r.classes, want, `${api.kind}: the same classes as the forest`);
  const bad = await fetch(`${api.url}/predict`, {
    method: "POST",
    body: '{"instances":[{"x":1}]}',
    headers: { "content-type": "application/json" },
  });
  assert.equal(bad.status, 400, `${api.kind}: a bad instance is a 400`);
  const w = latencyWindow(before, await (await fetch(`${api.url}/metrics`)).text(), { route: "/predict" });
  assert.equal(w.requests, 2, `${api.kind}: two /predict requests in the window`);
  assert.equal(w.errors, 0, "a 400 is not a server error");
  assert.ok(w.p95 > 0, `${api.kind}: a p95`);
}

test("the minimal scorer predicts like the forest and exposes the capstone's latency histogram", async () => {
  const api = await startMinimalScorer(modelPath);
  servers.push(api);
  assert.equal(api.kind, "minimal");
  await check(api);
});

test("serveModel serves the file (the capstone API when it starts, else the stand-in, saying why)", async () => {
  const api = await serveModel(modelPath);
  servers.push(api);
  if (api.kind === "minimal") assert.ok(api.note, "the stand-in says why the capstone was not used");
  await check(api);
});
