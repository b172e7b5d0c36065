import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { loadDataset } from "../data";
import {
  ArtifactError,
  artifactChecksum,
  canonicalJson,
  createArtifact,
  DecisionTree,
  describeCompanion,
  forestFromArtifact,
  forestToArtifact,
  loadArtifact,
  loadForest,
  loadTree,
  RandomForest,
  saveArtifact,
  treeToArtifact,
} from "./index";

const cancer = loadDataset("breast-cancer");
const diabetes = loadDataset("diabetes");
const dir = mkdtempSync(join(tmpdir(), "ml-artifact-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const forest = new RandomForest({ nEstimators: 25, seed: 9 }).fit(cancer.X, cancer.y);
const info = {
  featureNames: cancer.featureNames,
  classNames: cancer.classNames,
  metadata: { dataset: "breast-cancer", rows: cancer.rows },
};
const forestPath = join(dir, "forest.json");
saveArtifact(forestPath, forestToArtifact(forest, info));
const goodText = readFileSync(forestPath, "utf8");

/** Write a variant of the good artifact and return its path. */
function variant(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** loadArtifact must throw an ArtifactError with this code and a message matching `message`. */
function assertFails(path: string, code: string, message: RegExp, opts = {}) {
  assert.throws(
    () => loadArtifact(path, opts),
    (err: unknown) => {
      assert.ok(err instanceof ArtifactError, `expected an ArtifactError, got ${err}`);
      assert.equal(err.code, code, `error code: expected ${code}, got ${err.code} (${err.message})`);
      assert.match(err.message, message);
      return true;
    },
  );
}

describe("artifact: save and load", () => {
  test("a loaded forest gives IDENTICAL predictions on the whole dataset", () => {
    const { forest: loaded, artifact } = loadForest(forestPath);
    assert.deepEqual(loaded.predictProba(cancer.X), forest.predictProba(cancer.X));
    assert.deepEqual(loaded.predict(cancer.X), forest.predict(cancer.X));
    assert.deepEqual(loaded.featureImportances(), forest.featureImportances());
    assert.equal(loaded.oobScore, forest.oobScore);
    assert.deepEqual(artifact.featureNames, cancer.featureNames);
    assert.deepEqual(artifact.classNames, ["benign", "malignant"]);
    assert.equal(artifact.metadata.dataset, "breast-cancer");
    assert.equal(artifact.metadata.rows, 569);
    assert.equal(artifact.metadata.metrics?.oobScore, forest.oobScore);
    assert.equal((artifact.metadata.params as { nEstimators: number }).nEstimators, 25);
    assert.match(artifact.metadata.trainedAt, /^\d{4}-\d{2}-\d{2}T/);
  });

  test("regression forests and single trees round-trip exactly too", () => {
    const reg = new RandomForest({ task: "regression", nEstimators: 10, seed: 1 }).fit(diabetes.X, diabetes.y);
    const p1 = join(dir, "reg.json");
    saveArtifact(p1, forestToArtifact(reg, { featureNames: diabetes.featureNames, metadata: { dataset: "diabetes" } }));
    assert.deepEqual(loadForest(p1).forest.predict(diabetes.X), reg.predict(diabetes.X));

    const tree = new DecisionTree({ criterion: "entropy" }).fit(cancer.X, cancer.y);
    const p2 = join(dir, "tree.json");
    saveArtifact(p2, treeToArtifact(tree, info));
    const loaded = loadTree(p2).tree;
    assert.deepEqual(loaded.predictProba(cancer.X), tree.predictProba(cancer.X));
    assert.deepEqual(loaded.toJSON(), tree.toJSON());
  });

  test("the file is readable at a glance, and saving leaves no temporary file behind", () => {
    const lines = goodText.split("\n");
    assert.equal(lines[1], '  "format": "ml-study-model",');
    assert.equal(lines[2], '  "schemaVersion": 1,');
    assert.equal(lines[3], '  "kind": "random-forest",');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith(".tmp")),
      [],
    );
  });

  test("the checksum is the sha256 of the canonical JSON: key order does not matter, content does", () => {
    assert.equal(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }), '{"a":[2,{"c":4,"d":3}],"b":1}');
    const a = createArtifact({
      kind: "k",
      task: "t",
      featureNames: ["x"],
      metadata: { trainedAt: "2025-01-01T00:00:00Z" },
      model: { p: 1, q: 2 },
    });
    const b = createArtifact({
      model: { q: 2, p: 1 },
      metadata: { trainedAt: "2025-01-01T00:00:00Z" },
      featureNames: ["x"],
      task: "t",
      kind: "k",
    });
    assert.equal(a.checksum, b.checksum);
    assert.equal(a.checksum, artifactChecksum(a));
    assert.notEqual(a.checksum, createArtifact({ ...a, model: { p: 1, q: 3 } }).checksum);
    assert.throws(() => canonicalJson({ x: Number.NaN }), /x is NaN/);
  });

  test("forestToArtifact checks that the names match the model", () => {
    assert.throws(
      () => forestToArtifact(forest, { ...info, featureNames: ["a", "b"] }),
      /2 names but the model uses 30/,
    );
    assert.throws(() => forestToArtifact(forest, { featureNames: cancer.featureNames }), /needs classNames/);
  });
});

describe("artifact: every kind of bad file fails with its own clear message", () => {
  test("missing file", () => {
    assertFails(join(dir, "nope.json"), "missing", /nope\.json not found: train and save a model first/);
  });

  test("corrupt: one byte of the payload changed", () => {
    // Change one digit of the first threshold: still valid JSON, still a valid forest, but not what was saved.
    const at = goodText.indexOf('"threshold":[') + '"threshold":['.length;
    const digit = goodText.slice(at).search(/[0-9]/) + at;
    const changed = goodText.slice(0, digit) + (goodText[digit] === "1" ? "2" : "1") + goodText.slice(digit + 1);
    assert.equal(changed.length, goodText.length);
    assertFails(variant("corrupt.json", changed), "checksum-mismatch", /is corrupt: its checksum does not match/);
  });

  test("truncated: the save stopped half way; or an empty file", () => {
    assertFails(variant("truncated.json", goodText.slice(0, goodText.length / 2)), "truncated", /is truncated/);
    assertFails(variant("empty.json", ""), "truncated", /is empty/);
  });

  test("not JSON at all", () => {
    assertFails(variant("table.json", "a,b\n1,2\n}"), "not-json", /is not valid JSON/);
  });

  test("wrong format: JSON, but not a model artifact", () => {
    assertFails(
      variant("package.json", '{"name": "x"}'),
      "wrong-format",
      /not an ml-study-model artifact: its "format" is missing/,
    );
  });

  test("unsupported schemaVersion, naming the supported ones", () => {
    const v2 = goodText.replace('"schemaVersion": 1,', '"schemaVersion": 2,');
    assertFails(
      variant("v2.json", v2),
      "unsupported-version",
      /schemaVersion 2.*supported schemaVersion: 1\).*newer code/,
    );
  });

  test("invalid structure", () => {
    const text = goodText.replace(/\n {2}"featureNames": .*\n/, "\n");
    assertFails(variant("nofeatures.json", text), "invalid", /\/featureNames/);
  });

  test("wrong kind", () => {
    const treePath = join(dir, "tree.json");
    assertFails(treePath, "wrong-kind", /holds a "decision-tree" model, but a "random-forest" was expected/, {
      expectKind: "random-forest",
    });
    assert.throws(() => loadForest(treePath), /holds a "decision-tree" model/);
    assert.throws(
      () => forestFromArtifact(loadArtifact(treePath)),
      /holds a "decision-tree" model, not a "random-forest"/,
    );
    assertFails(forestPath, "wrong-task", /classification model, but a regression model/, { expectTask: "regression" });
  });

  test("a payload that passes the checksum but not the forest schema (saved by buggy code)", () => {
    const good = loadArtifact(forestPath);
    const bad = { ...good, model: { ...(good.model as object), trees: "none" } };
    const path = join(dir, "badpayload.json");
    saveArtifact(path, bad);
    assert.throws(() => forestFromArtifact(loadArtifact(path)), /random-forest payload is invalid: model\/trees/);
  });
});

describe("artifact: a generic envelope for kinds stored in several files", () => {
  test("companion files are listed with their sha256 and checked on load", () => {
    // What a week-3 tfjs model will do: write model.json and weights beside the artifact, then list them.
    const sub = mkdtempSync(join(dir, "tfjs-"));
    const path = join(sub, "artifact.json");
    writeFileSync(join(sub, "model.json"), '{"modelTopology": {}}');
    writeFileSync(join(sub, "weights.bin"), Buffer.from([1, 2, 3, 4]));
    saveArtifact(path, {
      kind: "tfjs-layers",
      task: "classification",
      featureNames: ["a", "b"],
      classNames: ["no", "yes"],
      metadata: { dataset: "toy" },
      files: ["model.json", "weights.bin"].map((f) => describeCompanion(path, f)),
      model: { modelJson: "model.json" },
    });
    assert.equal(loadArtifact(path, { expectKind: "tfjs-layers" }).files?.length, 2);

    writeFileSync(join(sub, "weights.bin"), Buffer.from([1, 2, 3, 5]));
    assertFails(path, "companion-corrupt", /companion weights\.bin is corrupt/);
    rmSync(join(sub, "weights.bin"));
    assertFails(path, "companion-missing", /needs weights\.bin beside it/);
    assert.throws(() => describeCompanion(path, "../forest.json"), /must stay inside the artifact's folder/);
  });
});
