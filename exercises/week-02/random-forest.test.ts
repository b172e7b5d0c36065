// Grades exercises/week-02/random-forest.ts (and proves solutions/week-02/random-forest.ts with the very same file).
import assert from "node:assert/strict";
import { RandomForestClassifier } from "ml-random-forest";
import { test } from "vitest";
import { loadDataset, mulberry32, trainTestSplit } from "../../src/data";
import { bootstrapSample, type Forest, oobScore, predictForest, trainForest } from "./random-forest";
import { buildTree, predictTree, type TreeNode } from "./tree-build";

function accuracy(yTrue: number[], yPred: number[]): number {
  return yTrue.filter((v, i) => v === yPred[i]).length / yTrue.length;
}

function featuresUsed(node: TreeNode): Set<number> {
  if (node.kind === "leaf") return new Set();
  return new Set([node.feature, ...featuresUsed(node.left), ...featuresUsed(node.right)]);
}

const leaf = (prediction: number): TreeNode => ({ kind: "leaf", prediction, counts: [0, 0, 0] });

const cancer = loadDataset("breast-cancer");
const split = trainTestSplit(cancer.X, cancer.y, { testSize: 0.25, seed: 7, stratify: true });

test("bootstrapSample draws n indices with replacement: about 63.2% distinct", () => {
  const n = 10000;
  const sample = bootstrapSample(n, mulberry32(1));
  assert.equal(sample.length, n, `expected ${n} indices, got ${sample.length}`);
  assert.ok(
    sample.every((i) => Number.isInteger(i) && i >= 0 && i < n),
    "every index is a whole number in 0..n-1",
  );
  // P(a row is drawn at least once) = 1 - (1 - 1/n)^n → 1 - 1/e ≈ 0.632; over 10,000 rows the spread is ~0.005.
  const unique = new Set(sample).size / n;
  assert.ok(Math.abs(unique - 0.632) < 0.015, `distinct fraction: expected ≈ 0.632 ± 0.015, got ${unique.toFixed(4)}`);
  const mean = sample.reduce((a, b) => a + b, 0) / n;
  assert.ok(Math.abs(mean - (n - 1) / 2) < 0.02 * n, `mean index should be ≈ ${(n - 1) / 2} (uniform), got ${mean}`);
  assert.ok(Math.max(...sample) > 0.99 * n, "the last indices must be reachable: use Math.floor(rng() * n)");
});

test("bootstrapSample draws every index equally often, the last one included", () => {
  const rng = mulberry32(5);
  const counts = [0, 0, 0, 0];
  for (let draw = 0; draw < 500; draw++) {
    for (const i of bootstrapSample(4, rng)) counts[i]++;
  }
  // 2,000 draws of 4 indices: each count is 500 ± 19 (one standard deviation); 80 is over four of them.
  assert.ok(
    counts.every((c) => Math.abs(c - 500) < 80),
    `each of the indices 0..3 should be drawn about 500 times out of 2,000, got [${counts}]`,
  );
});

test("bootstrapSample is reproducible with a seed and rejects n = 0", () => {
  assert.deepEqual(bootstrapSample(50, mulberry32(3)), bootstrapSample(50, mulberry32(3)), "same seed, same sample");
  assert.notDeepEqual(bootstrapSample(50, mulberry32(3)), bootstrapSample(50, mulberry32(4)), "another seed differs");
  assert.throws(() => bootstrapSample(0, mulberry32(1)), /n must/i);
});

test("predictForest takes the majority vote; a tie goes to the smaller class", () => {
  const forest: Forest = {
    trees: [
      { kind: "split", feature: 0, threshold: 0, left: leaf(0), right: leaf(2) },
      { kind: "split", feature: 0, threshold: 5, left: leaf(0), right: leaf(1) },
      { kind: "split", feature: 1, threshold: 0, left: leaf(2), right: leaf(1) },
    ],
    samples: [],
    nClasses: 3,
    nFeatures: 2,
  };
  // Row [-1, -1]: votes 0, 0, 2 -> 0.  Row [1, 1]: 2, 0, 1 (a three-way tie) -> 0.  Row [9, 1]: 2, 1, 1 -> 1.
  assert.deepEqual(
    predictForest(forest, [
      [-1, -1],
      [1, 1],
      [9, 1],
    ]),
    [0, 0, 1],
  );
});

test("oobScore lets each row be judged only by the trees that never saw it", () => {
  // Tree 0 trained on rows 0 and 1 (row 2 is out of bag); tree 1 on row 2 only (rows 0 and 1 out of bag).
  const forest: Forest = {
    trees: [leaf(1), leaf(0)],
    samples: [
      [0, 1, 1],
      [2, 2, 2],
    ],
    nClasses: 2,
    nFeatures: 1,
  };
  const X = [[0], [0], [0]];
  // Row 0: tree 1 says 0, truth 0 (right). Row 1: tree 1 says 0, truth 1 (wrong). Row 2: tree 0 says 1, truth 1.
  const got = oobScore(forest, X, [0, 1, 1]);
  assert.ok(Math.abs(got - 2 / 3) < 1e-12, `expected 2/3, got ${got}`);
  assert.throws(() => oobScore({ ...forest, samples: [] }, X, [0, 1, 1]), /samples/i);
});

test("trainForest is reproducible and subsamples features at every split", () => {
  const a = trainForest(split.XTrain, split.yTrain, { nEstimators: 5, maxDepth: 3, seed: 11 });
  const b = trainForest(split.XTrain, split.yTrain, { nEstimators: 5, maxDepth: 3, seed: 11 });
  assert.equal(a.trees.length, 5, `expected 5 trees, got ${a.trees.length}`);
  assert.equal(a.samples.length, 5, "one bootstrap sample per tree");
  assert.ok(
    a.samples.every((s) => s.length === split.XTrain.length),
    "each bootstrap sample has n rows",
  );
  assert.equal(a.nClasses, 2);
  assert.equal(a.nFeatures, 30);
  assert.deepEqual(predictForest(a, split.XTest), predictForest(b, split.XTest), "same seed, same forest");
  assert.notDeepEqual(a.samples[0], a.samples[1], "each tree needs its own bootstrap sample");

  // With one feature per split, a tree can only use several features if the draw happens at every split.
  const one = trainForest(split.XTrain, split.yTrain, { nEstimators: 10, maxDepth: 4, maxFeatures: 1, seed: 5 });
  const roots = new Set(one.trees.map((t) => (t.kind === "split" ? t.feature : -1)));
  assert.ok(roots.size >= 3, `maxFeatures 1: the 10 roots should use several features, got [${[...roots]}]`);
  assert.ok(
    one.trees.some((t) => featuresUsed(t).size >= 2),
    "maxFeatures 1 is drawn per split, not per tree: some tree should use two or more features",
  );
  const all = trainForest(split.XTrain, split.yTrain, { nEstimators: 3, maxDepth: 4, maxFeatures: "all", seed: 5 });
  const single = buildTree(split.XTrain, split.yTrain, { maxDepth: 4 });
  assert.ok(
    all.trees.some((t) => JSON.stringify(t) !== JSON.stringify(single)),
    "bagging: trees trained on bootstrap samples differ from the tree on all the data",
  );
});

test("the forest's test accuracy matches ml-random-forest's on breast cancer (10 trees, depth 5)", () => {
  const reference = new RandomForestClassifier({
    nEstimators: 10,
    maxFeatures: 0.5,
    seed: 7,
    treeOptions: { maxDepth: 5 },
    noOOB: true,
  });
  reference.train(split.XTrain, split.yTrain);
  const refAcc = accuracy(split.yTest, reference.predict(split.XTest));
  const forest = trainForest(split.XTrain, split.yTrain, { nEstimators: 10, maxDepth: 5, seed: 7 });
  const acc = accuracy(split.yTest, predictForest(forest, split.XTest));
  // The reference scores 0.937; forests from 20 other seeds of the reference solution scored 0.930 to 0.972.
  assert.ok(
    acc >= refAcc - 0.03,
    `test accuracy ${acc.toFixed(3)} should be at least ml-random-forest's ${refAcc.toFixed(3)} - 0.03`,
  );
});

test("a forest beats one fully grown tree, and its OOB score estimates the test accuracy", () => {
  const treeAcc = accuracy(split.yTest, predictTree(buildTree(split.XTrain, split.yTrain), split.XTest));
  const forest = trainForest(split.XTrain, split.yTrain, { nEstimators: 50, seed: 3 });
  const forestAcc = accuracy(split.yTest, predictForest(forest, split.XTest));
  assert.ok(
    forestAcc > treeAcc,
    `50 trees (${forestAcc.toFixed(3)}) should beat a single fully grown tree (${treeAcc.toFixed(3)})`,
  );
  const oob = oobScore(forest, split.XTrain, split.yTrain);
  assert.ok(
    Math.abs(oob - forestAcc) <= 0.05,
    `OOB score ${oob.toFixed(3)} should be within 0.05 of the held-out accuracy ${forestAcc.toFixed(3)}`,
  );
});

test("trainForest rejects empty input and different lengths", () => {
  assert.throws(() => trainForest([], [], { nEstimators: 3 }), /empty/i);
  assert.throws(() => trainForest([[1], [2]], [0], { nEstimators: 3 }), /length/i);
});
