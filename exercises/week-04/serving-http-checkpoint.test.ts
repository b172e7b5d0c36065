// Grades exercises/week-04/serving-http-checkpoint.ts (and proves the solution with this same file).
// Your readiness and your loader run INSIDE the capstone service: build({ readiness, loadModel }) from
// capstone/src/app.ts, through capstone/src/testing's readyApp, asked over inject() (no port). The service drives
// the state machine (loading -> warming -> ready, or failed) exactly as in production.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import type { ServingModel } from "../../capstone/src/model";
import { loadServingModel } from "../../capstone/src/model";
import { datasetInstance, fixtureModel, fixtureModelPath, readyApp } from "../../capstone/src/testing";
import { loadArtifact } from "../../src/ml";
import { createReadiness, loadPinnedModel } from "./serving-http-checkpoint";

const scratch = mkdtempSync(join(tmpdir(), "serving-checkpoint-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lets the service's background model load take its next step. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("the state machine on its own", () => {
  test("starting -> loading -> warming -> ready; only ready is ready; reason is a note, then undefined", () => {
    const r = createReadiness();
    const seen: [string, boolean, boolean][] = [];
    const note = () => typeof r.reason === "string" && r.reason.length > 0;
    seen.push([r.state, r.isReady(), note()]);
    for (const step of [() => r.loading(), () => r.warming(), () => r.ready()]) {
      assert.equal(step(), true, "an allowed move returns true");
      seen.push([r.state, r.isReady(), note()]);
    }
    assert.deepEqual(seen, [
      ["starting", false, true],
      ["loading", false, true],
      ["warming", false, true],
      ["ready", true, false],
    ]);
    assert.equal(r.reason, undefined, "no reason when ready");
  });

  test("moves that skip a step throw, naming both states", () => {
    const r = createReadiness();
    assert.throws(() => r.ready(), /"starting".*"ready"/);
    assert.throws(() => r.warming(), /"starting".*"warming"/);
    r.loading();
    assert.throws(() => r.ready(), /"loading".*"ready"/, "ready without the warm-up");
    r.warming();
    r.ready();
    assert.throws(() => r.loading(), /"ready".*"loading"/);
    assert.throws(() => r.failed("late"), /"ready".*"failed"/);
  });

  test("failed keeps its reason; a retry goes back to loading", () => {
    const r = createReadiness();
    r.loading();
    assert.equal(r.failed("model.json not found"), true);
    assert.equal(r.state, "failed");
    assert.equal(r.reason, "model.json not found");
    assert.throws(() => r.warming(), /"failed".*"warming"/);
    assert.equal(r.loading(), true);
    assert.notEqual(r.reason, "model.json not found", "the old failure is forgotten on a retry");
  });

  test("draining is final and wins, without throwing", () => {
    const r = createReadiness();
    r.loading();
    assert.equal(r.draining(), true);
    for (const step of [
      () => r.warming(),
      () => r.ready(),
      () => r.failed("x"),
      () => r.loading(),
      () => r.draining(),
    ]) {
      assert.equal(step(), false, "every move after draining returns false");
    }
    assert.equal(r.state, "draining");
    assert.equal(r.isReady(), false);
    assert.ok(r.reason, "draining has a note");
  });
});

describe("plugged into the capstone service", () => {
  test("while the model loads: /readyz 503 NOT_READY with Retry-After, /healthz 200, /predict 503; then 200", async () => {
    const readiness = createReadiness();
    let release: (model: ServingModel) => void = () => {};
    const pending = new Promise<ServingModel>((resolve) => {
      release = resolve;
    });
    const { app } = await readyApp({ readiness, loadModel: () => pending }, { waitForModel: false });
    try {
      while (readiness.state === "starting") await tick();
      assert.equal(readiness.state, "loading");
      const waiting = await app.inject("/readyz");
      assert.equal(waiting.statusCode, 503, `GET /readyz while loading: expected 503, got ${waiting.statusCode}`);
      assert.equal(waiting.json().error.code, "NOT_READY");
      assert.equal(waiting.headers["retry-after"], "5");
      assert.match(waiting.json().error.message, new RegExp(String(readiness.reason)), "the 503 says why");
      assert.equal((await app.inject("/healthz")).statusCode, 200, "liveness does not wait for the model");
      const early = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
      assert.equal(early.statusCode, 503, `POST /predict before the model: expected 503, got ${early.statusCode}`);

      release(fixtureModel());
      await app.serving.loaded;
      assert.equal(readiness.state, "ready");
      const ready = await app.inject("/readyz");
      assert.equal(ready.statusCode, 200, ready.body);
      assert.deepEqual(ready.json(), { status: "ready", modelVersion: "test-1" });
      const res = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
      assert.equal(res.statusCode, 200, res.body);
    } finally {
      await app.close();
    }
  });

  test("a model that is not the pinned one: failed with the checksums in the log, /readyz 503, /healthz 200", async () => {
    const readiness = createReadiness();
    const wrong = "0".repeat(64);
    const { app, logs } = await readyApp({ readiness, loadModel: () => loadPinnedModel(fixtureModelPath(), wrong) });
    try {
      assert.equal(readiness.state, "failed");
      assert.match(String(readiness.reason), new RegExp(wrong), "the reason names the expected checksum");
      assert.match(
        String(readiness.reason),
        new RegExp(loadArtifact(fixtureModelPath()).checksum),
        "and the found one",
      );
      const res = await app.inject("/readyz");
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error.code, "NOT_READY");
      assert.doesNotMatch(res.body, new RegExp(wrong), "the client is not told the server's internals");
      assert.equal((await app.inject("/healthz")).statusCode, 200, "liveness is unaffected: restarting would not help");
      const errors = logs.lines().filter((l) => l.level === "error");
      assert.equal(errors.length, 1, `one error line, got ${errors.length}`);
      assert.match(String(errors[0].msg), /checksum/i);
    } finally {
      await app.close();
    }
  });

  test("the pinned checksum of the real artifact: ready", async () => {
    const readiness = createReadiness();
    const sum = loadArtifact(fixtureModelPath()).checksum;
    const { app } = await readyApp({ readiness, loadModel: () => loadPinnedModel(fixtureModelPath(), sum) });
    try {
      assert.equal(readiness.state, "ready");
      assert.equal((await app.inject("/readyz")).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test("a truncated model file: failed, not ready, alive", async () => {
    const readiness = createReadiness();
    const path = join(scratch, "truncated.json");
    const text = readFileSync(fixtureModelPath(), "utf8");
    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    const { app } = await readyApp({ readiness, loadModel: () => loadPinnedModel(path) });
    try {
      assert.equal(readiness.state, "failed");
      assert.equal((await app.inject("/readyz")).statusCode, 503);
      assert.equal((await app.inject("/healthz")).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test("a model whose warm-up prediction is not a probability distribution: failed after warming", async () => {
    const readiness = createReadiness();
    const real = fixtureModel();
    const broken: ServingModel = { ...real, predictProba: (_values, n) => new Float64Array(2 * n).fill(0.9) };
    const { app } = await readyApp({ readiness, loadModel: () => broken });
    try {
      assert.equal(readiness.state, "failed");
      assert.match(String(readiness.reason), /warm-up/);
      assert.equal((await app.inject("/readyz")).statusCode, 503);
    } finally {
      await app.close();
    }
  });

  test("SIGTERM during the load: draining wins, the late load changes nothing and logs no error", async () => {
    const readiness = createReadiness();
    let release: (model: ServingModel) => void = () => {};
    const pending = new Promise<ServingModel>((resolve) => {
      release = resolve;
    });
    const { app, logs } = await readyApp({ readiness, loadModel: () => pending }, { waitForModel: false });
    try {
      while (readiness.state === "starting") await tick();
      readiness.draining();
      release(fixtureModel());
      await app.serving.loaded;
      assert.equal(readiness.state, "draining");
      const res = await app.inject("/readyz");
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().error.code, "SHUTTING_DOWN");
      const errors = logs.lines().filter((l) => l.level === "error");
      assert.deepEqual(
        errors.map((l) => l.msg),
        [],
        "a load that ends after SIGTERM is not an error",
      );
    } finally {
      await app.close();
    }
  });
});

describe("loadPinnedModel on its own", () => {
  test("without a pin it is the capstone's loader; a malformed pin is refused before any file is read", () => {
    const mine = loadPinnedModel(fixtureModelPath());
    const theirs = loadServingModel(fixtureModelPath());
    assert.equal(mine.checksum, theirs.checksum);
    assert.deepEqual(mine.featureNames, theirs.featureNames);
    assert.deepEqual(mine.predictProba(new Float64Array(30), 1), theirs.predictProba(new Float64Array(30), 1));
    for (const bad of ["ABC", "0".repeat(63), "G".repeat(64), ""]) {
      assert.throws(() => loadPinnedModel(join(scratch, "does-not-exist.json"), bad), /checksum/i, `pin "${bad}"`);
    }
  });
});
