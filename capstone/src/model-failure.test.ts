// A model that is missing, corrupt, of the wrong kind, or that answers nonsense: the process logs ONE clear error line
// and stays alive (/healthz 200) but not ready (/readyz, /ping, /predict, /model: 503 NOT_READY). A slow load keeps the
// replica not-ready until it is done, and a shutdown during the load wins over the load.
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, describe, test } from "vitest";
import { loadDataset } from "../../src/data";
import { DecisionTree, saveArtifact, treeToArtifact } from "../../src/ml";
import type { ServingModel } from "./model";
import { datasetInstance, fixtureModel, fixtureModelPath, readyApp } from "./testing";

const dir = mkdtempSync(join(tmpdir(), "capstone-bad-model-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function corrupted(): string {
  // One threshold changed after saving: still valid JSON of the right shape, but the checksum no longer matches.
  const path = join(dir, "tampered.json");
  copyFileSync(fixtureModelPath(), path);
  const text = readFileSync(path, "utf8");
  writeFileSync(
    path,
    text.replace(/"threshold":\[([-\d.e]+)/, (_m, v) => `"threshold":[${Number(v) + 1}`),
  );
  return path;
}

function decisionTreeArtifact(): string {
  const data = loadDataset("breast-cancer");
  const tree = new DecisionTree({ maxDepth: 2 }).fit(data.X, data.y);
  const path = join(dir, "tree.json");
  saveArtifact(path, treeToArtifact(tree, { featureNames: data.featureNames, classNames: data.classNames }));
  return path;
}

async function assertAliveButNotReady(app: FastifyInstance): Promise<void> {
  assert.equal((await app.inject("/healthz")).statusCode, 200, "liveness is unaffected");
  for (const url of ["/readyz", "/ping", "/model"]) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 503, `${url}: expected 503, got ${res.statusCode}`);
    assert.equal(res.json().error.code, "NOT_READY");
  }
  const predict = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
  assert.equal(predict.statusCode, 503);
  assert.equal(predict.headers["retry-after"], "5");
  assert.equal(predict.json().error.code, "NOT_READY");
  assert.match(predict.json().error.message, /model failed to load/);
  assert.doesNotMatch(predict.body, new RegExp(dir), "the client is not told server paths");
  assert.match((await app.inject("/metrics")).body, /model_ready 0/);
}

const BAD_FILES: { name: string; path: () => string; reason: RegExp }[] = [
  { name: "missing file", path: () => join(dir, "nope", "model.json"), reason: /not found/ },
  { name: "empty file", path: () => file("empty.json", ""), reason: /is empty/ },
  {
    name: "truncated file",
    path: () => file("cut.json", readFileSync(fixtureModelPath(), "utf8").slice(0, 500)),
    reason: /truncated/,
  },
  { name: "not JSON", path: () => file("garbage.json", "\u0000\u0001 not json }"), reason: /not valid JSON/ },
  { name: "checksum mismatch (edited after saving)", path: corrupted, reason: /corrupt: its checksum does not match/ },
  { name: "a decision tree, not a random forest", path: decisionTreeArtifact, reason: /holds a "decision-tree" model/ },
];

describe("a missing or corrupt model: one clear log line, alive, not ready", () => {
  for (const c of BAD_FILES) {
    test(c.name, async () => {
      const modelPath = c.path();
      const { app, logs } = await readyApp({ config: { modelPath } });
      assert.equal(app.serving.readiness.state, "failed");
      await assertAliveButNotReady(app);
      const errors = logs.lines().filter((l) => l.level === "error" || l.level === "fatal");
      assert.equal(errors.length, 1, `exactly one error line, got ${JSON.stringify(errors)}`);
      assert.match(String(errors[0].msg), /^model not loaded, staying not-ready: /);
      assert.match(String(errors[0].msg), c.reason);
      assert.equal(errors[0].modelPath, modelPath);
      assert.equal(errors[0].err, undefined, "no stack trace in the line: the reason says it all");
      await app.close();
    });
  }

  test("without a model, the OpenAPI document and the docs UI still answer, with the generic instance", async () => {
    const { app } = await readyApp({ config: { modelPath: join(dir, "absent.json") } });
    const doc = (await app.inject("/openapi.json")).json();
    const request = doc.paths["/predict"].post.requestBody.content["application/json"].schema;
    const single = request.anyOf.find((s: { properties: object }) => "instance" in s.properties);
    assert.deepEqual(single.properties.instance.additionalProperties, { type: "number" });
    assert.ok(!JSON.stringify(doc).includes("x-model-"), "internal marks are not published");
    assert.equal((await app.inject("/docs/")).statusCode, 200);
    await app.close();
  });

  test("a model whose warm-up prediction is not a probability distribution", async () => {
    const good = fixtureModel();
    const broken: ServingModel = { ...good, predictProba: (_v, n) => new Float64Array(n * 2).fill(Number.NaN) };
    const { app, logs } = await readyApp({ loadModel: () => broken });
    await assertAliveButNotReady(app);
    const errors = logs.lines().filter((l) => l.level === "error");
    assert.equal(errors.length, 1);
    assert.match(String(errors[0].msg), /warm-up prediction is not a probability distribution/);
    await app.close();
  });
});

describe("readiness waits for the model", () => {
  /** A model load that finishes when the test says so. */
  function gate() {
    let open: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    return {
      open,
      load: async () => {
        await opened;
        return fixtureModel();
      },
    };
  }

  test("a slow load: alive but not ready while loading, ready once loaded and warmed up", async () => {
    const g = gate();
    const { app } = await readyApp({ loadModel: g.load }, { waitForModel: false });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(app.serving.readiness.state, "loading");
    assert.equal((await app.inject("/healthz")).statusCode, 200);
    const waiting = await app.inject("/readyz");
    assert.equal(waiting.statusCode, 503);
    assert.equal(waiting.json().error.code, "NOT_READY");
    assert.equal(waiting.json().error.message, "Not ready: the model is loading.");
    const early = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
    assert.equal(early.statusCode, 503);
    g.open();
    await app.serving.loaded;
    assert.equal((await app.inject("/readyz")).statusCode, 200);
    const late = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
    assert.equal(late.statusCode, 200);
    await app.close();
  });

  test("SIGTERM during the load wins: the replica never becomes ready again", async () => {
    const g = gate();
    const { app } = await readyApp({ loadModel: g.load }, { waitForModel: false });
    await new Promise((resolve) => setImmediate(resolve));
    app.serving.readiness.draining();
    g.open();
    await app.serving.loaded;
    const res = await app.inject("/readyz");
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().error.code, "SHUTTING_DOWN");
    assert.equal(res.headers["retry-after"], "1");
    await app.close();
  });
});
