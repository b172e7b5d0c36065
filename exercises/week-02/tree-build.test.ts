// Grades exercises/week-02/tree-build.ts (and proves solutions/week-02/tree-build.ts with the very same file).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { buildTree, type Leaf, predictTree, type TreeNode, treeDepth } from "./tree-build";

// ml-cart ships no type declarations, so it is loaded with require() and given the small shape used here.
interface CartClassifier {
  train(X: number[][], y: number[]): void;
  predict(X: number[][]): number[];
}
const { DecisionTreeClassifier } = createRequire(import.meta.url)("ml-cart") as {
  DecisionTreeClassifier: new (opts: {
    maxDepth: number;
    minNumSamples: number;
    gainThreshold: number;
  }) => CartClassifier;
};

function accuracy(yTrue: number[], yPred: number[]): number {
  return yTrue.filter((v, i) => v === yPred[i]).length / yTrue.length;
}

/** Depth and leaves, walked here rather than trusting the learner's treeDepth. */
function depthOf(node: TreeNode): number {
  return node.kind === "leaf" ? 0 : 1 + Math.max(depthOf(node.left), depthOf(node.right));
}
function leavesOf(node: TreeNode): Leaf[] {
  return node.kind === "leaf" ? [node] : [...leavesOf(node.left), ...leavesOf(node.right)];
}
function featuresUsed(node: TreeNode): Set<number> {
  if (node.kind === "leaf") return new Set();
  return new Set([node.feature, ...featuresUsed(node.left), ...featuresUsed(node.right)]);
}

const handTree: TreeNode = {
  kind: "split",
  feature: 0,
  threshold: 2.5,
  left: { kind: "leaf", prediction: 0, counts: [3, 0] },
  right: {
    kind: "split",
    feature: 1,
    threshold: 0,
    left: { kind: "leaf", prediction: 1, counts: [0, 2] },
    right: { kind: "leaf", prediction: 0, counts: [1, 0] },
  },
};

test("predictTree walks a hand-built tree (x <= threshold goes left) and treeDepth measures it", () => {
  const X = [
    [1, 5],
    [2.5, 5],
    [3, -1],
    [3, 0],
    [3, 0.5],
  ];
  assert.deepEqual(predictTree(handTree, X), [0, 0, 1, 1, 0], "a value equal to the threshold goes left");
  assert.equal(treeDepth(handTree), 2);
  assert.equal(treeDepth({ kind: "leaf", prediction: 1, counts: [0, 4] }), 0, "a lone leaf has depth 0");
});

test("buildTree makes a stump from the best split, with majority-class leaves and counts", () => {
  const X = [[1], [2], [3], [4], [5], [6]];
  const y = [0, 0, 0, 1, 1, 0];
  const tree = buildTree(X, y, { maxDepth: 1 });
  // Gini decrease: 3.5 gives 2/9, 4.5 gives 1/36, 5.5 gives 2/45, so the cut is at 3.5.
  assert.equal(tree.kind, "split", `expected a split at the root, got a ${tree.kind}`);
  if (tree.kind !== "split") return;
  assert.equal(tree.feature, 0);
  assert.equal(tree.threshold, 3.5, `expected threshold 3.5, got ${tree.threshold}`);
  assert.deepEqual(tree.left, { kind: "leaf", prediction: 0, counts: [3, 0] }, "left leaf: rows 1, 2, 3");
  assert.deepEqual(
    tree.right,
    { kind: "leaf", prediction: 1, counts: [1, 2] },
    "right leaf: rows 4, 5, 6 (2 of class 1)",
  );
});

test("a pure node, or maxDepth 0, is a single leaf; ties go to the smaller class", () => {
  const pure = buildTree([[1], [2], [3]], [2, 2, 2]);
  assert.equal(pure.kind, "leaf", "all one class: nothing to split");
  assert.equal(pure.kind === "leaf" ? pure.prediction : -1, 2);
  assert.deepEqual(pure.kind === "leaf" ? pure.counts : [], [0, 0, 3], "counts has one entry per class 0..max(y)");
  const stump = buildTree([[1], [2], [3], [4]], [1, 0, 1, 0], { maxDepth: 0 });
  assert.equal(stump.kind, "leaf", "maxDepth 0 allows no split");
  assert.equal(stump.kind === "leaf" ? stump.prediction : -1, 0, "a 2-2 tie goes to class 0");
  const wide = buildTree([[1], [2]], [0, 0], { nClasses: 3 });
  assert.deepEqual(wide.kind === "leaf" ? wide.counts : [], [2, 0, 0], "nClasses sets the length of counts");
});

test("maxDepth and minSamplesLeaf are respected on breast cancer", () => {
  const { X, y } = loadDataset("breast-cancer");
  for (const maxDepth of [1, 2, 4]) {
    const d = depthOf(buildTree(X, y, { maxDepth }));
    assert.equal(d, maxDepth, `maxDepth ${maxDepth}: the tree should be exactly that deep here, got depth ${d}`);
  }
  const tree = buildTree(X, y, { minSamplesLeaf: 10 });
  const smallest = Math.min(...leavesOf(tree).map((l) => l.counts.reduce((a, b) => a + b, 0)));
  assert.ok(smallest >= 10, `minSamplesLeaf 10: the smallest leaf holds ${smallest} training rows`);
});

test("a fully grown tree fits its training set perfectly", () => {
  const { X, y } = loadDataset("breast-cancer");
  const split = trainTestSplit(X, y, { testSize: 0.25, seed: 7, stratify: true });
  const tree = buildTree(split.XTrain, split.yTrain);
  const acc = accuracy(split.yTrain, predictTree(tree, split.XTrain));
  assert.equal(acc, 1, `no two training rows are identical, so a tree grown until pure is 100% right; got ${acc}`);
});

test("chooseFeatures limits the features a split may use", () => {
  const { X, y } = loadDataset("breast-cancer");
  const seen: number[] = [];
  const tree = buildTree(X, y, {
    maxDepth: 3,
    chooseFeatures: (d) => {
      seen.push(d);
      return [2, 5];
    },
  });
  const used = [...featuresUsed(tree)];
  assert.ok(seen.length > 0, "chooseFeatures was never called");
  assert.ok(
    seen.every((d) => d === 30),
    `chooseFeatures receives the number of features (30), got ${[...new Set(seen)]}`,
  );
  assert.ok(
    used.every((f) => f === 2 || f === 5),
    `only features 2 and 5 were allowed, the tree used [${used}]`,
  );
});

test("test accuracy matches ml-cart's DecisionTreeClassifier on breast cancer (depth 4)", () => {
  const { X, y } = loadDataset("breast-cancer");
  const split = trainTestSplit(X, y, { testSize: 0.25, seed: 7, stratify: true });
  const reference = new DecisionTreeClassifier({ maxDepth: 4, minNumSamples: 1, gainThreshold: 0 });
  reference.train(split.XTrain, split.yTrain);
  const refAcc = accuracy(split.yTest, reference.predict(split.XTest));
  const mine = buildTree(split.XTrain, split.yTrain, { maxDepth: 4 });
  const acc = accuracy(split.yTest, predictTree(mine, split.XTest));
  // The same greedy algorithm gives the same tree (0.902 here); 0.02 leaves room for another tie-break.
  assert.ok(
    acc >= refAcc - 0.02,
    `test accuracy ${acc.toFixed(3)} should be within 0.02 of ml-cart's ${refAcc.toFixed(3)}`,
  );
});

test("buildTree rejects empty input and different lengths", () => {
  assert.throws(() => buildTree([], []), /empty/i);
  assert.throws(() => buildTree([[1], [2]], [0]), /length/i);
});
