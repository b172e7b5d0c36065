// The batch path without HTTP: validation results, the packing of instances into the model's column order, and
// answers equal to the trained forest's.
import assert from "node:assert/strict";
import { Value } from "@sinclair/typebox/value";
import { describe, test } from "vitest";
import { loadDataset } from "../../../src/data";
import { forestFromArtifact, loadArtifact } from "../../../src/ml";
import { ApiError } from "../errors";
import { instanceSchema, requestSchemaFor } from "../schemas";
import { datasetInstance, fixtureModel, fixtureModelPath } from "../testing";
import { runBatch, toPredictions } from "./batch";
import { csvToRequest } from "./csv";
import { compileInstanceValidator, readPredictRequest, toRows } from "./validate";

const data = loadDataset("breast-cancer");
const model = fixtureModel();
const validator = compileInstanceValidator(instanceSchema(model.featureNames));
const ctx = { model, validator, maxBatch: 1000 };

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError, nothing was thrown");
}

describe("runBatch", () => {
  test("a batch: the forest's probabilities and classes, in order, with the model version", () => {
    const forest = forestFromArtifact(loadArtifact(fixtureModelPath()));
    const rows = [10, 20, 30, 40];
    const res = runBatch({ instances: rows.map(datasetInstance) }, ctx);
    const proba = forest.predictProba(rows.map((i) => data.X[i]));
    assert.equal(res.modelVersion, "test-1");
    assert.equal(res.prediction, undefined);
    assert.deepEqual(
      res.predictions,
      proba.map((p) => ({
        class: p[1] > p[0] ? "malignant" : "benign",
        probabilities: { benign: p[0], malignant: p[1] },
      })),
    );
  });

  test("a single instance answers with `prediction`, not a list", () => {
    const res = runBatch({ instance: datasetInstance(3) }, ctx);
    assert.equal(res.predictions, undefined);
    assert.deepEqual(res.prediction, runBatch({ instances: [datasetInstance(3)] }, ctx).predictions?.[0]);
  });

  test("the order of keys in an instance does not matter: features are packed in the model's order", () => {
    const instance = datasetInstance(7);
    const reversed = Object.fromEntries(Object.entries(instance).reverse());
    assert.deepEqual(toRows([reversed], model.featureNames), Float64Array.from(data.X[7]));
    assert.deepEqual(runBatch({ instance: reversed }, ctx), runBatch({ instance }, ctx));
  });

  test("the limit is the context's maxBatch", () => {
    const e = apiError(() => runBatch({ instances: [0, 1, 2].map(datasetInstance) }, { ...ctx, maxBatch: 2 }));
    assert.equal(e.code, "BATCH_TOO_LARGE");
  });
});

describe("toPredictions", () => {
  test("argmax per row; a tie goes to the first class, as src/ml's argmax", () => {
    const p = toPredictions(Float64Array.from([0.5, 0.5, 0.2, 0.8, 0.9, 0.1]), 3, ["a", "b"]);
    assert.deepEqual(
      p.map((x) => x.class),
      ["a", "b", "a"],
    );
    assert.deepEqual(p[1].probabilities, { a: 0.2, b: 0.8 });
  });
});

describe("readPredictRequest and the instance validator", () => {
  test("valid: the instances and whether it was a single one", () => {
    const r = readPredictRequest({ instance: datasetInstance(0) }, validator, 10);
    assert.equal(r.single, true);
    assert.equal(r.instances.length, 1);
  });

  test("explain lists one message per field, paths under the given prefix", () => {
    const { mean_radius: _gone, ...rest } = datasetInstance(0);
    const details = validator.explain({ ...rest, mean_area: "NaN", extra: 1 }, "/instances/4");
    assert.deepEqual(details, [
      { path: "/instances/4/mean_radius", message: "missing feature" },
      {
        path: "/instances/4/extra",
        message: "unknown field: not a feature of this model (the features are listed by GET /model)",
      },
      {
        path: "/instances/4/mean_area",
        message: 'must be a number, got the string "NaN" (JSON has no NaN or Infinity)',
      },
    ]);
  });
});

describe("requestSchemaFor: the whole request schema from the model's feature names", () => {
  test("TypeBox accepts a valid batch and a single instance, and refuses the cases readPredictRequest refuses", () => {
    const schema = requestSchemaFor(model.featureNames, 2);
    const ok = [{ instances: [datasetInstance(0), datasetInstance(1)] }, { instance: datasetInstance(0) }];
    for (const body of ok) assert.ok(Value.Check(schema, body), JSON.stringify(Object.keys(body)));
    const bad = [
      { instances: [] },
      { instances: [0, 1, 2].map(datasetInstance) },
      { instance: datasetInstance(0), instances: [datasetInstance(0)] },
      { instance: { ...datasetInstance(0), extra: 1 } },
      { instance: { ...datasetInstance(0), mean_radius: "1" } },
      { instance: { ...datasetInstance(0), mean_radius: Number.POSITIVE_INFINITY } },
      { instances: [datasetInstance(0)], debug: true },
    ];
    for (const body of bad) {
      assert.equal(Value.Check(schema, body), false, `the schema should refuse ${JSON.stringify(body).slice(0, 80)}`);
      assert.throws(() => readPredictRequest(body, validator, 2), ApiError, "and so does the service");
    }
  });
});

describe("csvToRequest", () => {
  const names = ["a", "b", "c"];
  test("rows -> instances; numbers as numbers, anything else kept as text for validation to report", () => {
    assert.deepEqual(csvToRequest("1,2,3\n4.5, -6e2 ,x\n\n", names), {
      instances: [
        { a: 1, b: 2, c: 3 },
        { a: 4.5, b: -600, c: "x" },
      ],
    });
  });
  test("a header that names the features in order is skipped; a wrong-width row is a VALIDATION_FAILED", () => {
    assert.deepEqual(csvToRequest("a,b,c\r\n1,2,3\r\n", names), { instances: [{ a: 1, b: 2, c: 3 }] });
    const e = apiError(() => csvToRequest("1,2,3\n1,2\n1,2,3,4", names));
    assert.equal(e.code, "VALIDATION_FAILED");
    assert.deepEqual(e.details, [
      { path: "/instances/1", message: "has 2 values, the model needs 3" },
      { path: "/instances/2", message: "has 4 values, the model needs 3" },
    ]);
  });
  test("an empty body is an empty batch", () => {
    assert.deepEqual(csvToRequest("", names), { instances: [] });
  });
});
