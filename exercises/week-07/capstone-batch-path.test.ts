// Grades exercises/week-07/capstone-batch-path.ts (and proves the solution with this same file).
// Your runBatch runs INSIDE the capstone service (build({ runBatch, loadModel }) through capstone/src/testing's
// readyApp, asked over inject()). References: the trained forest's predictProba (src/ml) for the answers, and the
// unmodified service for every error: same status, same code, same paths of the bad fields. The model is wrapped
// to count its calls: one per request, none when the request is invalid.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { ServingModel } from "../../capstone/src/model";
import { compileInstanceValidator, MAX_DETAILS } from "../../capstone/src/predict/validate";
import { instanceSchema } from "../../capstone/src/schemas";
import { datasetInstance, fixtureModel, fixtureModelPath, readyApp } from "../../capstone/src/testing";
import { loadDataset } from "../../src/data";
import { isNotStarted } from "../../src/grader/todo";
import { forestFromArtifact, loadArtifact } from "../../src/ml";
import { runBatch } from "./capstone-batch-path";

const data = loadDataset("breast-cancer");
const forest = forestFromArtifact(loadArtifact(fixtureModelPath()));
const expected = forest.predictProba(data.X);
const classes = forest.predict(data.X);
const all = data.X.map((_, i) => datasetInstance(i));
const MAX_BATCH = 600;

/** The fixture model, with the row count of every predictProba call recorded. */
function countingModel(): { model: ServingModel; calls: number[] } {
  const real = fixtureModel();
  const calls: number[] = [];
  return {
    calls,
    model: {
      ...real,
      predictProba: (values, n) => {
        calls.push(n);
        return real.predictProba(values, n);
      },
    },
  };
}

interface Envelope {
  error: { code: string; message: string; details: { path: string; message: string }[]; requestId: string };
}

describe("your batch path inside the capstone service", () => {
  let mine: FastifyInstance;
  let plain: FastifyInstance;
  let calls: number[];
  beforeAll(async () => {
    const counting = countingModel();
    calls = counting.calls;
    ({ app: mine } = await readyApp({ runBatch, loadModel: () => counting.model, config: { maxBatch: MAX_BATCH } }));
    ({ app: plain } = await readyApp({ config: { maxBatch: MAX_BATCH } }));
  });
  afterAll(async () => {
    await mine?.close();
    await plain?.close();
  });
  /**
   * Every test starts by calling your runBatch once directly: an untouched stub throws its "not started" error
   * there, and the exercise reads "not started" instead of failing on the service's 500s.
   */
  const probeModel = fixtureModel();
  const probe = {
    model: probeModel,
    validator: compileInstanceValidator(instanceSchema(probeModel.featureNames)),
    maxBatch: 1,
  };
  function started() {
    try {
      runBatch({ instance: all[0] }, probe);
    } catch (e) {
      if (isNotStarted(e)) throw e;
    }
  }
  const predict = (app: FastifyInstance, payload: unknown) =>
    app.inject({
      method: "POST",
      url: "/predict",
      headers: { "content-type": "application/json" },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });
  /** Sends a request and returns the model calls it caused. */
  async function callsFor(payload: unknown) {
    calls.length = 0; // the warm-up's calls, or the previous test's
    const res = await predict(mine, payload);
    return { res, calls: [...calls] };
  }

  test("all 569 rows in one request: the forest's probabilities and classes, in order, from ONE model call", async () => {
    started();
    const { res, calls: made } = await callsFor({ instances: all });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.modelVersion, "test-1");
    assert.equal(body.prediction, undefined);
    assert.equal(body.predictions.length, 569);
    body.predictions.forEach((p: { class: string; probabilities: Record<string, number> }, i: number) => {
      const [benign, malignant] = expected[i];
      assert.deepEqual(p.probabilities, { benign, malignant }, `row ${i}: expected ${expected[i]}`);
      assert.equal(p.class, data.classNames?.[classes[i]], `row ${i}`);
    });
    assert.deepEqual(made, [569], `expected one predictProba call with 569 rows, got calls of ${JSON.stringify(made)}`);
    assert.deepEqual(
      body,
      (await predict(plain, { instances: all })).json(),
      "the same body as the service's own path",
    );
  });

  test("a single instance: `prediction`, not a list, from one call with one row", async () => {
    started();
    const { res, calls: made } = await callsFor({ instance: all[42] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), (await predict(plain, { instance: all[42] })).json());
    assert.deepEqual(made, [1]);
  });

  test("the keys of an instance may come in any order: features are packed in the model's order", async () => {
    started();
    const reversed = Object.fromEntries(Object.entries(all[7]).reverse());
    const res = await predict(mine, { instances: [reversed, all[8]] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), (await predict(plain, { instances: [all[7], all[8]] })).json());
  });

  test(`exactly MAX_BATCH (${MAX_BATCH}) instances is accepted`, async () => {
    started();
    const many = Array.from({ length: MAX_BATCH }, (_, i) => all[i % all.length]);
    const { res, calls: made } = await callsFor({ instances: many });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.deepEqual(made, [MAX_BATCH]);
  });

  /** Bad requests, each answered by the service's own batch path as the reference. */
  const { mean_radius: _r, mean_texture: _t, ...twoMissing } = datasetInstance(0);
  const bad: [string, unknown][] = [
    ["an empty batch", { instances: [] }],
    ["one instance too many", { instances: Array.from({ length: MAX_BATCH + 1 }, () => all[0]) }],
    ["a JSON array as the body", [all[0]]],
    ["a JSON number as the body", "42"],
    ["JSON null as the body", "null"],
    ["both instances and instance", { instances: [all[0]], instance: all[0] }],
    ["neither instances nor instance", { rows: [all[0]] }],
    ["instances that is an object", { instances: all[0] }],
    ["instance that is an array", { instance: [1, 2, 3] }],
    ["instance that is null", { instance: null }],
    ["two missing features", { instance: twoMissing }],
    [
      "a string, an extra field and a top-level extra field",
      {
        instances: [all[0], { ...all[1], mean_area: "12.5" }, { ...all[2], colour: "red" }],
        debug: true,
      },
    ],
    [
      "a number that overflows to Infinity",
      `{"instances": [${JSON.stringify(all[0]).replace(/"mean_area":[^,]+/, '"mean_area":1e999')}]}`,
    ],
    ["an instance that is a string, inside a batch", { instances: [all[0], "row"] }],
  ];
  for (const [what, body] of bad) {
    test(`${what}: the service's status, code and paths, and no model call`, async () => {
      started();
      const { res, calls: made } = await callsFor(body);
      const ref = await predict(plain, body);
      assert.equal(
        res.statusCode,
        ref.statusCode,
        `expected ${ref.statusCode}, got ${res.statusCode}: ${res.body.slice(0, 300)}`,
      );
      const [got, want] = [res.json() as Envelope, ref.json() as Envelope];
      assert.equal(got.error.code, want.error.code, got.error.message);
      assert.deepEqual(
        got.error.details.map((d) => d.path),
        want.error.details.map((d) => d.path),
        "the paths of the bad fields, in the service's order",
      );
      for (const d of got.error.details) assert.ok(d.message.length > 0, `a message for ${d.path}`);
      assert.deepEqual(made, [], "an invalid request never reaches the model");
    });
  }

  test(`a batch of 600 empty objects: at most ${MAX_DETAILS} details, and the message counts all 18000 problems`, async () => {
    started();
    const { res, calls: made } = await callsFor({ instances: Array.from({ length: 600 }, () => ({})) });
    assert.equal(res.statusCode, 400);
    const { error } = res.json() as Envelope;
    assert.equal(error.code, "VALIDATION_FAILED");
    assert.equal(error.details.length, MAX_DETAILS, `expected ${MAX_DETAILS} details, got ${error.details.length}`);
    assert.match(error.message, /18000/, `600 x 30 missing features; the message says: ${error.message}`);
    assert.deepEqual(made, []);
  });
});
