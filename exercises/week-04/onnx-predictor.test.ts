// Grades exercises/week-04/onnx-predictor.ts (and proves the solution with this same file).
// The model is datasets/models/breast-cancer-forest.onnx, a scikit-learn RandomForestClassifier exported with
// skl2onnx by scripts/onnx/export_forest.py; breast-cancer-forest.json beside it records the file's sha256 and
// scikit-learn's predict_proba for all 569 rows of datasets/breast-cancer.csv.
//
// Tolerance: 1e-5 per probability. ONNX's TreeEnsembleClassifier stores leaf values as float32 and sums the 100
// trees in float32, scikit-learn in float64; over this data the gap is below 1e-6. A wrong feature order, a wrong
// output or a float64/float32 mix-up moves probabilities by far more than 1e-5.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { loadDataset } from "../../src/data/index";
import { findRoot } from "../../src/workspace/paths";
import { loadOnnxModel, type OnnxServingModel } from "./onnx-predictor";

const TOLERANCE = 1e-5;
const root = findRoot();
const modelPath = join(root, "datasets", "models", "breast-cancer-forest.onnx");
const reference = JSON.parse(readFileSync(join(root, "datasets", "models", "breast-cancer-forest.json"), "utf8")) as {
  sha256: string;
  feature_names: string[];
  class_names: string[];
  sklearn_proba: number[][];
};
const data = loadDataset("breast-cancer");
const d = data.featureNames.length;
const packed = new Float64Array(data.X.length * d);
data.X.forEach((row, r) => {
  packed.set(row, r * d);
});
const info = { featureNames: reference.feature_names, classNames: reference.class_names };

describe("the ONNX model behind the predictor interface", () => {
  // Loaded once, by the first test that needs it (not in a before hook: a stub's error belongs to the tests).
  let loading: Promise<OnnxServingModel> | undefined;
  const loaded = () => {
    loading ??= loadOnnxModel(modelPath, info);
    return loading;
  };
  afterAll(async () => {
    await (await loading?.catch(() => undefined))?.close();
  });

  test("describes itself: kind, checksum of the file's bytes, names, a default version", async () => {
    const model = await loaded();
    // First the fixture itself: the committed file is the one its reference numbers were recorded for.
    const sha = createHash("sha256").update(readFileSync(modelPath)).digest("hex");
    assert.equal(sha, reference.sha256, "run .venv/bin/python scripts/onnx/export_forest.py to rebuild both files");
    assert.deepEqual(reference.feature_names, data.featureNames, "the model's columns are the CSV's, in order");
    assert.equal(model.kind, "onnx");
    assert.equal(model.checksum, reference.sha256);
    assert.deepEqual([...model.featureNames], reference.feature_names);
    assert.deepEqual([...model.classNames], ["benign", "malignant"]);
    assert.equal(model.version, `onnx-${reference.sha256.slice(0, 12)}`);
  });

  test(`all 569 rows in one call equal scikit-learn's predict_proba within ${TOLERANCE}`, async () => {
    const model = await loaded();
    const proba = await model.predictProba(packed, data.X.length);
    assert.ok(proba instanceof Float64Array, "predictProba resolves to a Float64Array");
    assert.equal(proba.length, data.X.length * 2);
    let worst = 0;
    let worstRow = -1;
    for (let r = 0; r < data.X.length; r++) {
      for (let c = 0; c < 2; c++) {
        const gap = Math.abs(proba[r * 2 + c] - reference.sklearn_proba[r][c]);
        if (!(gap <= worst)) {
          worst = gap;
          worstRow = r;
        }
      }
    }
    assert.ok(
      worst <= TOLERANCE,
      `row ${worstRow}: yours [${proba[worstRow * 2]}, ${proba[worstRow * 2 + 1]}], scikit-learn ` +
        `[${reference.sklearn_proba[worstRow]}] (largest gap ${worst}); check the feature order and the output name`,
    );
    // And so the same class for every row whose two probabilities are further apart than the tolerance.
    for (let r = 0; r < data.X.length; r++) {
      const [b, m] = reference.sklearn_proba[r];
      if (Math.abs(b - m) > 2 * TOLERANCE) assert.equal(proba[r * 2 + 1] > proba[r * 2], m > b, `row ${r}'s class`);
    }
  });

  test("one row at a time and chunks of 50 give the same numbers as one call", async () => {
    const model = await loaded();
    const whole = await model.predictProba(packed, data.X.length);
    for (const chunk of [1, 50]) {
      for (let start = 0; start < data.X.length; start += chunk) {
        const n = Math.min(chunk, data.X.length - start);
        const part = await model.predictProba(packed.subarray(start * d, (start + n) * d), n);
        assert.equal(part.length, n * 2);
        for (let i = 0; i < n * 2; i++) {
          assert.ok(Math.abs(part[i] - whole[start * 2 + i]) <= 1e-7, `chunk ${chunk}, row ${start + (i >> 1)}`);
        }
      }
    }
  });

  test("no rows: an empty answer; bad input: a clear error before running", async () => {
    const model = await loaded();
    const empty = await model.predictProba(new Float64Array(0), 0);
    assert.ok(empty instanceof Float64Array);
    assert.equal(empty.length, 0);
    await assert.rejects(model.predictProba(packed.subarray(0, d - 1), 1), /expected .*values/);
    await assert.rejects(model.predictProba(packed.subarray(0, d), 2), /expected .*values/);
    await assert.rejects(model.predictProba(packed.subarray(0, 0), -1), /whole number/);
    await assert.rejects(model.predictProba(packed.subarray(0, d), 1.5), /whole number/);
    const withNaN = packed.slice(0, 2 * d);
    withNaN[d + 3] = Number.NaN;
    await assert.rejects(model.predictProba(withNaN, 2), /row 1, feature 3/);
    const withInf = packed.slice(0, d);
    withInf[0] = Number.POSITIVE_INFINITY;
    await assert.rejects(model.predictProba(withInf, 1), /row 0, feature 0/);
  });
});

describe("loading: the pin and the file", () => {
  test("the right pin loads, with the version it was given", async () => {
    const model = await loadOnnxModel(modelPath, { ...info, expectedSha256: reference.sha256, version: "v7" });
    assert.equal(model.version, "v7");
    assert.equal(model.checksum, reference.sha256);
    const proba = await model.predictProba(packed.subarray(0, d), 1);
    assert.ok(Math.abs(proba[1] - reference.sklearn_proba[0][1]) <= TOLERANCE);
    await model.close();
  });

  test("another checksum is refused, naming both; a malformed pin says sha256; a missing file names its path", async () => {
    const other = "0".repeat(64);
    await assert.rejects(
      loadOnnxModel(modelPath, { ...info, expectedSha256: other }),
      (e: Error) => e.message.includes(other) && e.message.includes(reference.sha256),
    );
    await assert.rejects(loadOnnxModel(modelPath, { ...info, expectedSha256: "ABC" }), /sha256/);
    await assert.rejects(
      loadOnnxModel(modelPath, { ...info, expectedSha256: reference.sha256.toUpperCase() }),
      /sha256/,
    );
    const missing = join(root, "datasets", "models", "no-such-model.onnx");
    await assert.rejects(loadOnnxModel(missing, info), (e: Error) => e.message.includes(missing));
  });
});
