// Grades exercises/week-04/serving-batch-vs-realtime.ts (and proves the solution with this same file).
// References: the breast-cancer dataset as src/data loads it, and the trained forest's own predictProba (src/ml),
// which the capstone's flat predictor matches bit for bit. The API part runs against the capstone service itself
// (build() through capstone/src/testing's readyApp, answered with inject(), no port), and reads its /metrics.
// Counts, never timings: the number of predictor calls and of HTTP requests is what batching changes.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import { fixtureModel, fixtureModelPath, readyApp } from "../../capstone/src/testing";
import { loadDataset } from "../../src/data";
import { forestFromArtifact, loadArtifact } from "../../src/ml";
import { findRoot } from "../../src/workspace/paths";
import { type ApiReply, csvToRows, type Predictor, scoreBatch, scoreViaApi } from "./serving-batch-vs-realtime";

const data = loadDataset("breast-cancer");
const csv = readFileSync(join(findRoot(), "datasets", "breast-cancer.csv"), "utf8");
const forest = forestFromArtifact(loadArtifact(fixtureModelPath()));
const expected = forest.predictProba(data.X);

/** The capstone's ServingModel, with every predictProba call recorded (its row count). */
function spyModel(): { model: Predictor; calls: number[] } {
  const real = fixtureModel();
  const calls: number[] = [];
  return {
    calls,
    model: {
      featureNames: real.featureNames,
      classNames: real.classNames,
      predictProba: (values, n) => {
        calls.push(n);
        return real.predictProba(values, n);
      },
    },
  };
}

describe("csvToRows", () => {
  test("the dataset's CSV gives exactly the rows src/data loads, in the model's feature order", () => {
    const rows = csvToRows(csv, data.featureNames);
    assert.equal(rows.length, 569, `expected 569 rows, got ${rows.length}`);
    rows.forEach((row, i) => {
      assert.deepEqual(row, data.X[i], `row ${i}`);
    });
  });

  test("columns in another order, an extra id column, CRLF line ends and trailing blank lines", () => {
    const names = ["b", "a", "c"];
    const text = "id,c,a,label,b\r\n7,3,1,x,2\r\n8,6e-1,-4.5,y,+5\r\n\r\n\n";
    assert.deepEqual(csvToRows(text, names), [
      [2, 1, 3],
      [5, -4.5, 0.6],
    ]);
  });

  test("a missing column, a cell that is not a number, a wrong-width line: errors that say where", () => {
    assert.throws(() => csvToRows("a,b\n1,2\n", ["a", "mean_area"]), /missing column.*mean_area/i);
    assert.throws(() => csvToRows("a,b\n1,2\n3,abc\n", ["a", "b"]), /line 3.*"?b"?/i);
    assert.throws(() => csvToRows("a,b\n1,\n", ["a", "b"]), /line 2/i, "an empty cell is not 0");
    assert.throws(() => csvToRows("a,b\n1,NaN\n", ["a", "b"]), /line 2/i, "NaN is not a finite number");
    assert.throws(() => csvToRows("a,b\n1,2,3\n", ["a", "b"]), /line 2/i);
  });
});

describe("scoreBatch", () => {
  for (const batchSize of [1, 7, 100, 569, 1000]) {
    test(`batch size ${batchSize}: the forest's probabilities for all 569 rows, with ceil(569 / ${batchSize}) calls`, () => {
      const { model, calls } = spyModel();
      const got = scoreBatch(data.X, model, batchSize);
      assert.equal(got.length, 569);
      got.forEach((p, i) => {
        assert.deepEqual(p, expected[i], `row ${i}: expected ${expected[i]}, got ${p}`);
      });
      const want = Math.ceil(569 / batchSize);
      assert.equal(calls.length, want, `expected ${want} predictProba calls, got ${calls.length}`);
      assert.ok(
        calls.every((n) => n >= 1 && n <= batchSize),
        `every call carries 1 to ${batchSize} rows, got ${calls}`,
      );
      assert.equal(
        calls.reduce((a, b) => a + b, 0),
        569,
        "every row is scored exactly once",
      );
    });
  }

  test("no rows: no call; a bad batchSize or a short row is refused before the model is called", () => {
    const { model, calls } = spyModel();
    assert.deepEqual(scoreBatch([], model, 10), []);
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => scoreBatch(data.X, model, bad), /batchSize/);
    assert.throws(() => scoreBatch([data.X[0], data.X[1].slice(0, 29)], model, 10), /row/i);
    assert.equal(calls.length, 0, `expected no predictProba call, got ${calls.length}`);
  });
});

describe("scoreViaApi, against the capstone service", () => {
  let app: FastifyInstance;
  let sent: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const post = async (body: unknown): Promise<ApiReply> => {
    sent.push((body as { instances: unknown[] }).instances.length);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const res = await app.inject({ method: "POST", url: "/predict", payload: body as object });
    inFlight--;
    return { status: res.statusCode, body: res.json() };
  };
  const metric = async (name: string) => {
    const text = (await app.inject("/metrics")).body;
    const m = new RegExp(`^${name} (\\d+)$`, "m").exec(text);
    assert.ok(m, `the service exports ${name}`);
    return Number(m[1]);
  };

  beforeAll(async () => {
    ({ app } = await readyApp({ config: { maxBatch: 100 } }));
  });
  afterAll(() => app.close());

  /** Each test starts with an empty request log. */
  const reset = () => {
    sent = [];
    inFlight = 0;
    maxInFlight = 0;
  };

  test("569 rows in requests of at most 100: 6 requests, one after the other, the forest's answers in order", async () => {
    reset();
    const countBefore = await metric("prediction_batch_size_count");
    const sumBefore = await metric("prediction_batch_size_sum");
    const got = await scoreViaApi(data.X, data.featureNames, post, 100);
    assert.deepEqual(sent, [100, 100, 100, 100, 100, 69], `instances per request: ${sent}`);
    assert.equal(maxInFlight, 1, "requests are sent one after the other, never in parallel");
    assert.equal((await metric("prediction_batch_size_count")) - countBefore, 6, "the service counted 6 requests");
    assert.equal((await metric("prediction_batch_size_sum")) - sumBefore, 569, "and 569 instances");
    assert.equal(got.length, 569);
    got.forEach((p, i) => {
      const [benign, malignant] = expected[i];
      assert.deepEqual(p.probabilities, { benign, malignant }, `row ${i}`);
      assert.equal(p.class, malignant > benign ? "malignant" : "benign", `row ${i}`);
    });
  });

  test("no rows: no request; a bad maxBatch is refused", async () => {
    reset();
    assert.deepEqual(await scoreViaApi([], data.featureNames, post, 100), []);
    assert.equal(sent.length, 0);
    await assert.rejects(async () => scoreViaApi(data.X, data.featureNames, post, 0), /maxBatch/);
  });

  test("batches larger than the service's MAX_BATCH: the 400 BATCH_TOO_LARGE is reported, nothing more is sent", async () => {
    reset();
    await assert.rejects(async () => scoreViaApi(data.X, data.featureNames, post, 200), /BATCH_TOO_LARGE/);
    assert.deepEqual(sent, [200], `requests sent: ${sent}`);
  });

  test("bad rows: the envelope's paths are re-based onto the whole job, and the job stops at that request", async () => {
    reset();
    const rows = data.X.map((r) => [...r]);
    const radius = data.featureNames.indexOf("mean_radius");
    const area = data.featureNames.indexOf("worst_area");
    rows[250][radius] = Number.NaN; // JSON.stringify sends null: "must be a number, got null"
    rows[299][area] = Number.POSITIVE_INFINITY;
    const error = await scoreViaApi(rows, data.featureNames, post, 100).then(
      () => assert.fail("expected the job to fail on rows 250 and 299"),
      (e: Error) => e,
    );
    assert.match(error.message, /VALIDATION_FAILED/);
    assert.match(error.message, /\/instances\/250\/mean_radius/, error.message);
    assert.match(error.message, /\/instances\/299\/worst_area/, error.message);
    assert.doesNotMatch(error.message, /\/instances\/50\/|\/instances\/99\//, "paths within the request leak through");
    assert.deepEqual(sent, [100, 100, 100], `the job stops at the failing request; sent ${sent}`);
  });
});
