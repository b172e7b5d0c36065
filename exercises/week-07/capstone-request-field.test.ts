// Grades exercises/week-07/capstone-request-field.ts (and proves the solution with this same file).
// Your withThreshold wraps the capstone's own batch path and runs INSIDE the service: build({ runBatch }) through
// capstone/src/testing's readyApp, asked over inject(). The reference answers are the trained forest's
// probabilities (src/ml) with the threshold rule applied here, and the unmodified service for requests without one.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type RunBatch, runBatch } from "../../capstone/src/predict/batch";
import { compileInstanceValidator } from "../../capstone/src/predict/validate";
import { instanceSchema } from "../../capstone/src/schemas";
import { datasetInstance, fixtureModel, fixtureModelPath, readyApp } from "../../capstone/src/testing";
import { loadDataset } from "../../src/data";
import { isNotStarted } from "../../src/grader/todo";
import { forestFromArtifact, loadArtifact } from "../../src/ml";
import { withThreshold } from "./capstone-request-field";

const data = loadDataset("breast-cancer");
const proba = forestFromArtifact(loadArtifact(fixtureModelPath())).predictProba(data.X);
const all = data.X.map((_, i) => datasetInstance(i));

interface Answer {
  class: string;
  probabilities: Record<string, number>;
}

describe("POST /predict with your threshold field", () => {
  let mine: FastifyInstance;
  let plain: FastifyInstance;
  /** An untouched stub throws when the wrapper is made: kept here, rethrown by every test (reads "not started"). */
  let notStarted: unknown = null;
  const started = () => {
    if (notStarted !== null) throw notStarted;
  };
  beforeAll(async () => {
    let yours: RunBatch;
    try {
      yours = withThreshold(runBatch, "malignant");
    } catch (e) {
      if (!isNotStarted(e)) throw e;
      notStarted = e;
      return;
    }
    ({ app: mine } = await readyApp({ runBatch: yours }));
    ({ app: plain } = await readyApp());
  });
  afterAll(async () => {
    await mine?.close();
    await plain?.close();
  });
  const predict = (app: FastifyInstance, payload: object | string) =>
    app.inject({ method: "POST", url: "/predict", headers: { "content-type": "application/json" }, payload });

  test("without a threshold the answers are the service's own, for a batch, a single instance and a bad request", async () => {
    started();
    for (const body of [{ instances: all }, { instance: all[3] }, { instances: [{ mean_radius: "x" }] }]) {
      const [a, b] = [await predict(mine, body), await predict(plain, body)];
      assert.equal(a.statusCode, b.statusCode, a.body);
      const strip = (j: { error?: { requestId?: string } }) =>
        j.error ? { ...j, error: { ...j.error, requestId: "" } } : j;
      assert.deepEqual(strip(a.json()), strip(b.json()));
    }
  });

  for (const threshold of [0.2, 0.5, 0.8]) {
    test(`threshold ${threshold}: malignant exactly when p(malignant) >= ${threshold}; probabilities untouched`, async () => {
      started();
      const res = await predict(mine, { threshold, instances: all });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { modelVersion: string; predictions: Answer[] };
      assert.equal(body.modelVersion, "test-1");
      assert.equal(body.predictions.length, 569);
      body.predictions.forEach((p, i) => {
        const [benign, malignant] = proba[i];
        assert.deepEqual(p.probabilities, { benign, malignant }, `row ${i}`);
        const want = malignant >= threshold ? "malignant" : "benign";
        assert.equal(p.class, want, `row ${i}: p(malignant) = ${malignant}, threshold ${threshold}: expected ${want}`);
      });
    });
  }

  test("the threshold really moves decisions: 0.2 flags more rows than the plain service", async () => {
    started();
    const count = (ps: Answer[]) => ps.filter((p) => p.class === "malignant").length;
    const low = count((await predict(mine, { threshold: 0.2, instances: all })).json().predictions);
    const base = count((await predict(plain, { instances: all })).json().predictions);
    const want = proba.filter(([, m]) => m >= 0.2).length;
    assert.equal(low, want, `expected ${want} malignant at 0.2, got ${low}`);
    assert.ok(low > base, `0.2 should flag more than argmax (${base}), got ${low}`);
  });

  test("a single instance with a threshold: `prediction`, decided by the threshold", async () => {
    started();
    const i = proba.findIndex(([, m]) => m >= 0.2 && m < 0.5);
    assert.ok(i >= 0, "the dataset has a row with 0.2 <= p(malignant) < 0.5");
    const res = await predict(mine, { threshold: 0.2, instance: all[i] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().predictions, undefined);
    assert.equal(res.json().prediction.class, "malignant", `row ${i}: p(malignant) = ${proba[i][1]}`);
  });

  test("the service counts the classes you decided (predictions_total)", async () => {
    started();
    const { app } = await readyApp({ runBatch: withThreshold(runBatch, "malignant") });
    try {
      await predict(app, { threshold: 0.2, instances: all });
      const text = (await app.inject("/metrics")).body;
      const got = Number(/predictions_total\{class="malignant"\} (\d+)/.exec(text)?.[1]);
      const want = proba.filter(([, m]) => m >= 0.2).length;
      assert.equal(got, want, `predictions_total{class="malignant"}: expected ${want}, got ${got}`);
    } finally {
      await app.close();
    }
  });

  const bad: [string, string][] = [
    ["a string", '"0.3"'],
    ["null", "null"],
    ["0", "0"],
    ["1", "1"],
    ["-0.1", "-0.1"],
    ["2", "2"],
    ["true", "true"],
    ["an array", "[0.3]"],
    ["1e999, which JSON.parse reads as Infinity", "1e999"],
  ];
  for (const [what, json] of bad) {
    test(`threshold ${what}: 400 VALIDATION_FAILED with the path /threshold`, async () => {
      started();
      const res = await predict(mine, `{"threshold": ${json}, "instances": [${JSON.stringify(all[0])}]}`);
      assert.equal(res.statusCode, 400, `expected 400, got ${res.statusCode}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, "VALIDATION_FAILED");
      assert.equal(error.details.length, 1, JSON.stringify(error.details));
      assert.equal(error.details[0].path, "/threshold");
      assert.ok(error.details[0].message.length > 5, "the detail says what is wrong");
      assert.equal(typeof error.requestId, "string");
    });
  }

  test("a bad threshold AND bad instances: one 400 listing every field, /threshold first", async () => {
    started();
    const { mean_radius: _gone, ...missing } = all[0];
    const res = await predict(mine, {
      threshold: "high",
      instances: [missing, { ...all[1], mean_area: "NaN" }],
    });
    assert.equal(res.statusCode, 400, res.body);
    const { error } = res.json();
    assert.equal(error.code, "VALIDATION_FAILED");
    assert.deepEqual(
      error.details.map((d: { path: string }) => d.path),
      ["/threshold", "/instances/0/mean_radius", "/instances/1/mean_area"],
    );
  });

  test("a good threshold with bad instances: the service's own 400, untouched", async () => {
    started();
    const body = { instances: [{ ...all[0], extra: 1 }] };
    const a = (await predict(mine, { threshold: 0.3, ...body })).json().error;
    const b = (await predict(plain, body)).json().error;
    assert.deepEqual({ ...a, requestId: "" }, { ...b, requestId: "" });
  });

  test("errors that are not about fields pass through: an empty batch, a missing `instances`", async () => {
    started();
    const empty = await predict(mine, { threshold: 0.3, instances: [] });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error.code, "EMPTY_BATCH");
    const shape = await predict(mine, { threshold: 0.3 });
    assert.equal(shape.statusCode, 400);
    assert.equal(shape.json().error.code, "INVALID_REQUEST");
  });
});

describe("withThreshold outside HTTP", () => {
  const model = fixtureModel();
  const ctx = { model, validator: compileInstanceValidator(instanceSchema(model.featureNames)), maxBatch: 1000 };

  test("the caller's body is not changed", () => {
    const yours = withThreshold(runBatch, "malignant");
    const body = { threshold: 0.4, instances: [all[0]] };
    yours(body, ctx);
    assert.deepEqual(Object.keys(body), ["threshold", "instances"], "threshold is still in the caller's object");
  });

  test("a positive class the model does not have is a server error (500), not the client's", async () => {
    const yours = withThreshold(runBatch, "cancer");
    assert.throws(
      () => yours({ threshold: 0.4, instances: [all[0]] }, ctx),
      (e: unknown) => e instanceof Error && e.name !== "ApiError",
      "a plain Error: the service turns it into 500 INTERNAL_ERROR",
    );
    const { app } = await readyApp({ runBatch: yours });
    try {
      const res = await app.inject({ method: "POST", url: "/predict", payload: { threshold: 0.4, instance: all[0] } });
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().error.code, "INTERNAL_ERROR");
    } finally {
      await app.close();
    }
  });
});
