// The capstone model: trained with src/ml on the breast-cancer dataset, saved in the ONE artifact format with a
// version, and as good as a forest should be on it.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { accuracy, forestFromArtifact, loadArtifact } from "../../src/ml";
import { loadServingModel } from "./model";
import { compactTimestamp, TRAINING, trainCapstoneModel } from "./training";

const dir = mkdtempSync(join(tmpdir(), "capstone-train-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("trainCapstoneModel with the stated settings", () => {
  const path = join(dir, "model.json");
  const result = trainCapstoneModel({ outPath: path });

  test("100 trees of depth <= 10 on 455 training rows; test accuracy above 93%", () => {
    const params = result.artifact.model.params;
    assert.equal(params.nEstimators, 100);
    assert.equal(params.maxDepth, 10);
    assert.equal(result.trainRows, 455);
    assert.equal(result.testRows, 114);
    assert.ok(result.metrics.accuracy > 0.93, `test accuracy ${result.metrics.accuracy}`);
    assert.ok(result.metrics.recall > 0.85, `malignant recall ${result.metrics.recall}`);
  });

  test("the saved artifact loads through src/ml, with a version and the metrics it reported", () => {
    const artifact = loadArtifact(path, { expectKind: "random-forest", expectTask: "classification" });
    const meta = artifact.metadata as Record<string, unknown>;
    assert.match(String(meta.version), /^breast-cancer-rf-\d{8}T\d{6}Z$/);
    assert.equal(meta.dataset, "breast-cancer");
    assert.deepEqual(artifact.classNames, ["benign", "malignant"]);
    assert.equal(artifact.featureNames.length, 30);
    // The reported accuracy is reproducible from the artifact and the same split.
    const data = loadDataset("breast-cancer");
    const split = trainTestSplit(data.X, data.y, {
      testSize: TRAINING.testSize,
      seed: TRAINING.splitSeed,
      stratify: true,
    });
    const acc = accuracy(split.yTest, forestFromArtifact(artifact).predict(split.XTest));
    assert.equal(acc, result.metrics.accuracy);
    assert.equal(artifact.metadata.metrics?.testAccuracy, acc);
  });

  test("the API's loader reads it: version, checksum, features", () => {
    const model = loadServingModel(path);
    assert.equal(model.version, (result.artifact.metadata as Record<string, unknown>).version);
    assert.equal(model.checksum, result.artifact.checksum);
    assert.equal(model.featureNames[0], "mean_radius");
  });

  test("an explicit version is kept; the training is deterministic apart from the timestamp", () => {
    const again = trainCapstoneModel({ outPath: join(dir, "again.json"), version: "2025-11-26.1" });
    assert.equal((again.artifact.metadata as Record<string, unknown>).version, "2025-11-26.1");
    assert.deepEqual(again.artifact.model.trees, result.artifact.model.trees);
  });

  test("compactTimestamp", () => {
    assert.equal(compactTimestamp("2025-11-26T12:45:01.123Z"), "20251126T124501Z");
  });
});
