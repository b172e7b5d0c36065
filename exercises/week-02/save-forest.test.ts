// Grades exercises/week-02/save-forest.ts (and proves solutions/week-02/save-forest.ts with the very same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { type Forest, predictForest, trainForest } from "./random-forest";
import { FOREST_FORMAT, FOREST_SCHEMA_VERSION, loadForest, saveForest } from "./save-forest";

const cancer = loadDataset("breast-cancer");
const meta = { featureNames: cancer.featureNames, classNames: cancer.classNames ?? [] };

/** A tiny hand-made forest, so the error cases do not depend on training. */
const tiny: Forest = {
  trees: [
    {
      kind: "split",
      feature: 1,
      threshold: 0.5,
      left: { kind: "leaf", prediction: 0, counts: [3, 1] },
      right: { kind: "leaf", prediction: 1, counts: [0, 2] },
    },
  ],
  samples: [[0, 1, 1, 2, 3, 4]],
  nClasses: 2,
  nFeatures: 2,
};
const tinyMeta = { featureNames: ["a", "b"], classNames: ["no", "yes"] };

test("a trained forest survives the round trip: same predictions, names kept", () => {
  const split = trainTestSplit(cancer.X, cancer.y, { testSize: 0.25, seed: 7, stratify: true });
  const forest = trainForest(split.XTrain, split.yTrain, { nEstimators: 20, maxDepth: 6, seed: 1 });
  const json = saveForest(forest, meta);
  assert.equal(typeof json, "string");
  const loaded = loadForest(json);
  assert.deepEqual(loaded.featureNames, cancer.featureNames, "feature names come back in column order");
  assert.deepEqual(loaded.classNames, cancer.classNames, "class names come back");
  assert.deepEqual(
    predictForest(loaded.forest, split.XTest),
    predictForest(forest, split.XTest),
    "the loaded forest must predict exactly what the original did",
  );
});

test("the JSON carries the format, the schema version and the metadata", () => {
  const data = JSON.parse(saveForest(tiny, tinyMeta));
  assert.equal(data.format, FOREST_FORMAT, `format: expected "${FOREST_FORMAT}", got ${data.format}`);
  assert.equal(data.version, FOREST_SCHEMA_VERSION, `version: expected ${FOREST_SCHEMA_VERSION}, got ${data.version}`);
  assert.deepEqual(data.featureNames, ["a", "b"]);
  assert.deepEqual(data.classNames, ["no", "yes"]);
  assert.equal(data.nFeatures, 2);
  assert.equal(data.nClasses, 2);
  assert.equal(data.trees.length, 1);
});

test("saveForest refuses names that do not match the forest", () => {
  assert.throws(() => saveForest(tiny, { ...tinyMeta, featureNames: ["a"] }), /feature/i);
  assert.throws(() => saveForest(tiny, { ...tinyMeta, classNames: ["no", "yes", "maybe"] }), /class/i);
});

test("loadForest fails clearly on a truncated file, another format, another version, a broken node", () => {
  const json = saveForest(tiny, tinyMeta);
  assert.throws(() => loadForest(json.slice(0, Math.floor(json.length / 2))), /JSON/);
  const data = JSON.parse(json);
  assert.throws(() => loadForest(JSON.stringify({ ...data, format: "something-else" })), /format/i);
  assert.throws(() => loadForest(JSON.stringify({ ...data, version: FOREST_SCHEMA_VERSION + 1 })), /version/i);
  assert.throws(() => loadForest(JSON.stringify({ ...data, trees: [{ kind: "leaf" }] })), /node/i);
  const badFeature = { ...data.trees[0], feature: 7 };
  assert.throws(
    () => loadForest(JSON.stringify({ ...data, trees: [badFeature] })),
    /node/i,
    "a split on feature 7 of a 2-feature forest is not a valid node",
  );
});
