import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, test } from "vitest";
import { ArtifactError } from "../ml/artifact";
import { chooseBackend } from "./backend";
import { ENVELOPE_FILE, loadTfjsModel, MODEL_JSON, saveTfjsModel, WEIGHTS_BIN } from "./save";

const work = mkdtempSync(join(tmpdir(), "nn-save-test-"));
const FEATURES = ["a", "b", "c", "d"];
const CLASSES = ["x", "y", "z"];
let X: tf.Tensor2D;
let saved: string;
let model: tf.Sequential;

/** A small trained model: two dense layers, a few epochs of Adam, so the saved weights are not the initial ones. */
beforeAll(async () => {
  // No tensor may be created before this: the wasm backend is registered first and must finish initialising.
  await chooseBackend({ quiet: true });
  X = tf.tensor2d([
    [0.1, -1.2, 0.5, 2.0],
    [1.5, 0.3, -0.7, 0.0],
    [-2.0, 0.8, 1.1, -0.4],
  ]);
  model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [4],
        units: 5,
        activation: "relu",
        kernelInitializer: tf.initializers.heNormal({ seed: 1 }),
      }),
      tf.layers.dense({ units: 3, activation: "softmax", kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const ys = tf.oneHot(tf.tensor1d([0, 1, 2], "int32"), 3).toFloat();
  await model.fit(X, ys, { epochs: 5, verbose: 0, shuffle: false });
  ys.dispose();
  saved = join(work, "model");
  await saveTfjsModel(model, saved, {
    featureNames: FEATURES,
    classNames: CLASSES,
    metadata: { dataset: "toy", rows: 3 },
  });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh copy of the saved folder to damage. */
function copy(name: string): string {
  const dir = join(work, name);
  cpSync(saved, dir, { recursive: true });
  return dir;
}

async function assertLoadFails(dir: string, code: string, message: RegExp) {
  await assert.rejects(loadTfjsModel(dir), (err: unknown) => {
    assert.ok(err instanceof ArtifactError, `expected an ArtifactError, got ${err}`);
    assert.equal(err.code, code, `error code: ${err.message}`);
    assert.match(err.message, message);
    return true;
  });
}

test("the folder holds the standard tfjs files and an envelope that checksums them", () => {
  const modelJson = JSON.parse(readFileSync(join(saved, MODEL_JSON), "utf8"));
  assert.ok(modelJson.modelTopology, "model.json has the topology");
  assert.deepEqual(modelJson.weightsManifest[0].paths, [WEIGHTS_BIN]);
  // float32 weights: (4·5 + 5 + 5·3 + 3) = 43 numbers of 4 bytes.
  assert.equal(readFileSync(join(saved, WEIGHTS_BIN)).length, 43 * 4);
  const envelope = JSON.parse(readFileSync(join(saved, ENVELOPE_FILE), "utf8"));
  assert.equal(envelope.kind, "tfjs-layers");
  assert.equal(envelope.schemaVersion, 1);
  assert.deepEqual(envelope.featureNames, FEATURES);
  assert.deepEqual(envelope.classNames, CLASSES);
  assert.deepEqual(
    envelope.files.map((f: { path: string }) => f.path),
    [MODEL_JSON, WEIGHTS_BIN],
  );
  assert.ok(envelope.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256)));
  assert.equal(envelope.metadata.dataset, "toy");
});

test("a saved and loaded model gives identical predictions and keeps its names", async () => {
  const { model: loaded, artifact } = await loadTfjsModel(saved);
  const before = (model.predict(X) as tf.Tensor).arraySync();
  const afterLoad = (loaded.predict(X) as tf.Tensor).arraySync();
  assert.deepEqual(afterLoad, before, "bit-for-bit the same probabilities");
  assert.deepEqual(artifact.featureNames, FEATURES);
  assert.deepEqual(artifact.classNames, CLASSES);
  assert.equal(artifact.model.inputDim, 4);
  assert.equal(artifact.model.outputDim, 3);
  loaded.dispose();
});

test("saving refuses names that do not match the model", async () => {
  await assert.rejects(
    saveTfjsModel(model, join(work, "bad"), { featureNames: ["a"] }),
    /1 featureNames for a model with 4 inputs/,
  );
  await assert.rejects(
    saveTfjsModel(model, join(work, "bad"), { featureNames: FEATURES, classNames: ["x"] }),
    /1 classNames for a model with 3 outputs/,
  );
});

test("a truncated weights.bin is reported as truncated, with its size", async () => {
  const dir = copy("truncated");
  truncateSync(join(dir, WEIGHTS_BIN), 100);
  await assertLoadFails(dir, "companion-corrupt", /weights\.bin in .* is truncated: 100 of 172 bytes/);
});

test("a modified weights.bin is reported as corrupt", async () => {
  const dir = copy("corrupt");
  const bytes = readFileSync(join(dir, WEIGHTS_BIN));
  bytes[10] ^= 0xff;
  writeFileSync(join(dir, WEIGHTS_BIN), bytes);
  await assertLoadFails(dir, "companion-corrupt", /weights\.bin in .* is corrupt: same size, but its sha256 differs/);
});

test("an edited model.json and a missing weights.bin are caught before tfjs reads them", async () => {
  const edited = copy("edited");
  writeFileSync(join(edited, MODEL_JSON), readFileSync(join(edited, MODEL_JSON), "utf8").replace('"relu"', '"tanh"'));
  await assertLoadFails(edited, "companion-corrupt", /model\.json in .* is corrupt/);
  const missing = copy("missing");
  rmSync(join(missing, WEIGHTS_BIN));
  await assertLoadFails(missing, "companion-missing", /needs weights\.bin/);
});

test("a wrong schemaVersion, a truncated envelope, or no envelope at all fail with the problem named", async () => {
  const version = copy("version");
  const envelope = join(version, ENVELOPE_FILE);
  writeFileSync(envelope, readFileSync(envelope, "utf8").replace('"schemaVersion": 1', '"schemaVersion": 2'));
  await assertLoadFails(version, "unsupported-version", /schemaVersion 2.*supported schemaVersion: 1/);
  const cut = copy("cut");
  const text = readFileSync(join(cut, ENVELOPE_FILE), "utf8");
  writeFileSync(join(cut, ENVELOPE_FILE), text.slice(0, text.length / 2));
  await assertLoadFails(cut, "truncated", /truncated/);
  await assertLoadFails(join(work, "nowhere"), "missing", /not found/);
});
