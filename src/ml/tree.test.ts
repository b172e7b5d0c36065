import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { loadDataset } from "../data";
import { DecisionTree, entropy, gini, toColumnMajor } from "./index";

const cancer = loadDataset("breast-cancer");
const diabetes = loadDataset("diabetes");

/** Every candidate split of (X, y) on one node, scored by brute force: the independent reference for the sweep. */
function bestSplitByBruteForce(X: number[][], y: number[], impurity: (ys: number[]) => number) {
  let best = { score: Number.POSITIVE_INFINITY, feature: -1, threshold: 0 };
  for (let f = 0; f < X[0].length; f++) {
    const values = [...new Set(X.map((r) => r[f]))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < values.length; k++) {
      const t = values[k] / 2 + values[k + 1] / 2;
      const left = y.filter((_, i) => X[i][f] <= t);
      const right = y.filter((_, i) => X[i][f] > t);
      const score = left.length * impurity(left) + right.length * impurity(right);
      if (score < best.score - 1e-9) best = { score, feature: f, threshold: t };
    }
  }
  return best;
}
const counts = (ys: number[], k: number) => Array.from({ length: k }, (_, c) => ys.filter((v) => v === c).length);
const variance = (ys: number[]) => {
  const m = ys.reduce((a, b) => a + b, 0) / ys.length;
  return ys.reduce((a, b) => a + (b - m) ** 2, 0) / ys.length;
};

describe("impurity", () => {
  test("gini and entropy by hand", () => {
    assert.equal(gini([5, 5]), 0.5);
    assert.equal(gini([10, 0]), 0);
    assert.ok(Math.abs(gini([1, 1, 1]) - 2 / 3) < 1e-15, `gini([1,1,1]) expected 2/3, got ${gini([1, 1, 1])}`);
    assert.ok(Math.abs(gini([1, 3]) - 0.375) < 1e-15);
    assert.equal(entropy([5, 5]), 1);
    assert.equal(entropy([1, 1, 1, 1]), 2);
    assert.equal(entropy([8, 0]), 0);
    // -(1/4 log2 1/4 + 3/4 log2 3/4) = 0.8112781244591328
    assert.ok(Math.abs(entropy([1, 3]) - 0.8112781244591328) < 1e-15, `entropy([1,3]) got ${entropy([1, 3])}`);
    assert.throws(() => gini([0, 0]), /sum to 0/);
    assert.throws(() => entropy([-1, 2]), />= 0/);
  });

  test("the root node's impurity is the impurity of the whole training set", () => {
    const c = counts(cancer.y, 2);
    const g = new DecisionTree({ maxDepth: 1 }).fit(cancer.X, cancer.y);
    const e = new DecisionTree({ maxDepth: 1, criterion: "entropy" }).fit(cancer.X, cancer.y);
    assert.ok(Math.abs(g.nodes.impurity[0] - gini(c)) < 1e-15);
    assert.ok(Math.abs(e.nodes.impurity[0] - entropy(c)) < 1e-15);
    assert.deepEqual(Array.from(g.nodes.value.subarray(0, 2)), c, "root value holds the class counts");
  });
});

describe("DecisionTree: the split search", () => {
  for (const criterion of ["gini", "entropy"] as const) {
    test(`a stump (${criterion}) picks the split a brute-force search over every midpoint finds best`, () => {
      const X = cancer.X.slice(0, 200);
      const y = cancer.y.slice(0, 200);
      const impurity = (ys: number[]) => (criterion === "gini" ? gini(counts(ys, 2)) : entropy(counts(ys, 2)));
      const ref = bestSplitByBruteForce(X, y, impurity);
      const stump = new DecisionTree({ maxDepth: 1, criterion }).fit(X, y);
      const { feature, threshold, samples, impurity: imp } = stump.nodes;
      const got = samples[1] * imp[1] + samples[2] * imp[2];
      assert.ok(
        Math.abs(got - ref.score) < 1e-9,
        `children's weighted ${criterion}: expected ${ref.score}, got ${got}`,
      );
      assert.equal(feature[0], ref.feature, `split feature: expected ${ref.feature}, got ${feature[0]}`);
      assert.equal(threshold[0], ref.threshold);
    });
  }

  test("a regression stump picks the split with the lowest squared error (diabetes)", () => {
    const ref = bestSplitByBruteForce(diabetes.X, diabetes.y, variance);
    const stump = new DecisionTree({ task: "regression", maxDepth: 1 }).fit(diabetes.X, diabetes.y);
    const { feature, threshold, value } = stump.nodes;
    assert.equal(feature[0], ref.feature);
    assert.equal(threshold[0], ref.threshold);
    // Each side predicts the mean of its training rows.
    const left = diabetes.y.filter((_, i) => diabetes.X[i][ref.feature] <= ref.threshold);
    const mean = left.reduce((a, b) => a + b, 0) / left.length;
    assert.ok(Math.abs(value[1] - mean) < 1e-9, `left leaf: expected mean ${mean}, got ${value[1]}`);
  });
});

describe("DecisionTree: fits what it should", () => {
  test("threshold data: one split, at the midpoint between the classes, ignoring a noise feature", () => {
    const X = [1, 2, 3, 5, 6, 7].map((v, i) => [v, (i * 7) % 5]);
    const y = [0, 0, 0, 1, 1, 1];
    const tree = new DecisionTree().fit(X, y);
    assert.equal(tree.depth, 1);
    assert.equal(tree.nodeCount, 3);
    assert.equal(tree.nodes.feature[0], 0);
    assert.equal(tree.nodes.threshold[0], 4, "midpoint of 3 and 5");
    assert.deepEqual(
      tree.predict([
        [3.9, 0],
        [4.1, 0],
        [-100, 3],
        [100, 3],
      ]),
      [0, 1, 0, 1],
    );
    assert.deepEqual(tree.featureImportances(), [1, 0]);
  });

  test("XOR: no single split gains anything at the root, the tree must still split and fit it exactly", () => {
    const X = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const y = [0, 1, 1, 0];
    for (const seed of [1, 2, 3]) {
      const tree = new DecisionTree({ seed }).fit(X, y);
      assert.deepEqual(tree.predict(X), y, `seed ${seed}`);
      assert.equal(tree.depth, 2);
      assert.equal(tree.nodeCount, 7);
    }
  });

  test("XOR-like clouds: exact on the training rows, right at the centre of each quadrant", () => {
    // 200 random points in the unit square, class = which diagonal pair of quadrants they fall in.
    let s = 7;
    const rand = () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    };
    const X = Array.from({ length: 200 }, () => [rand(), rand()]);
    const y = X.map(([a, b]) => Number(a > 0.5 !== b > 0.5));
    const tree = new DecisionTree().fit(X, y);
    assert.deepEqual(tree.predict(X), y);
    assert.deepEqual(
      tree.predict([
        [0.25, 0.25],
        [0.25, 0.75],
        [0.75, 0.25],
        [0.75, 0.75],
      ]),
      [0, 1, 1, 0],
    );
  });

  test("unlimited depth fits a table with distinct rows exactly (classification and regression)", () => {
    assert.deepEqual(new DecisionTree().fit(cancer.X, cancer.y).predict(cancer.X), cancer.y);
    const reg = new DecisionTree({ task: "regression" }).fit(diabetes.X, diabetes.y);
    assert.deepEqual(reg.predict(diabetes.X), diabetes.y);
  });

  test("predictProba is the class fractions of the training rows in the leaf", () => {
    const tree = new DecisionTree({ maxDepth: 2 }).fit(cancer.X, cancer.y);
    const leaves = tree.apply(cancer.X);
    const proba = tree.predictProba(cancer.X);
    for (const leaf of new Set(leaves)) {
      const ys = cancer.y.filter((_, i) => leaves[i] === leaf);
      const expected = counts(ys, 2).map((c) => c / ys.length);
      const i = leaves.indexOf(leaf);
      assert.deepEqual(proba[i], expected, `leaf ${leaf}: expected ${expected}, got ${proba[i]}`);
      assert.deepEqual(tree.predictProbaRow(cancer.X[i]), expected);
    }
  });

  test("column-major Float64Array and Float32Array inputs grow the same tree as rows", () => {
    const rows = new DecisionTree({ maxFeatures: "sqrt", seed: 3 }).fit(cancer.X, cancer.y);
    const cm = toColumnMajor(cancer.X);
    const col = new DecisionTree({ maxFeatures: "sqrt", seed: 3 }).fit(cm, cancer.y);
    assert.deepEqual(col.toJSON(), rows.toJSON());
    assert.deepEqual(col.predict(cm), rows.predict(cancer.X));
    const f32 = { ...cm, values: Float32Array.from(cm.values) };
    const t32 = new DecisionTree().fit(f32, cancer.y);
    assert.deepEqual(t32.predict(f32), cancer.y, "a Float32 tree fits its own (rounded) training data exactly");
  });
});

describe("DecisionTree: limits and options", () => {
  test("maxDepth is respected; maxDepth 0 is a single leaf predicting the majority class", () => {
    for (const maxDepth of [1, 2, 3, 5]) {
      const tree = new DecisionTree({ maxDepth }).fit(cancer.X, cancer.y);
      assert.ok(tree.depth <= maxDepth, `maxDepth ${maxDepth}: got depth ${tree.depth}`);
      assert.equal(tree.depth, maxDepth, "this data is rich enough to reach the limit");
    }
    const leaf = new DecisionTree({ maxDepth: 0 }).fit(cancer.X, cancer.y);
    assert.equal(leaf.nodeCount, 1);
    assert.deepEqual(new Set(leaf.predict(cancer.X)), new Set([0]), "benign (class 0, 357 of 569) is the majority");
  });

  test("minSamplesLeaf and minSamplesSplit are respected", () => {
    const t1 = new DecisionTree({ minSamplesLeaf: 15 }).fit(cancer.X, cancer.y);
    const { samples } = t1.nodes;
    for (let i = 0; i < t1.nodeCount; i++) assert.ok(samples[i] >= 15, `node ${i} has ${samples[i]} rows`);
    const t2 = new DecisionTree({ minSamplesSplit: 60 }).fit(cancer.X, cancer.y);
    for (let i = 0; i < t2.nodeCount; i++) {
      if (t2.nodes.feature[i] >= 0) assert.ok(t2.nodes.samples[i] >= 60, `split node ${i}: ${t2.nodes.samples[i]}`);
    }
    const full = new DecisionTree().fit(cancer.X, cancer.y);
    assert.ok(t1.nodeCount < full.nodeCount && t2.nodeCount < full.nodeCount, "both limits prune the tree");
  });

  test("sample weights act like repeated rows", () => {
    const X = [[1], [2], [3], [4]];
    const weighted = new DecisionTree({ maxDepth: 1 }).fit(X, [0, 0, 1, 1], { sampleWeight: [3, 1, 0, 2] });
    const repeated = new DecisionTree({ maxDepth: 1 }).fit([[1], [1], [1], [2], [4], [4]], [0, 0, 0, 0, 1, 1]);
    assert.deepEqual(weighted.toJSON().nodes, repeated.toJSON().nodes);
  });

  test("deterministic for a seed; feature subsampling makes other seeds grow other trees", () => {
    const fit = (seed: number) => new DecisionTree({ maxFeatures: "sqrt", seed }).fit(cancer.X, cancer.y).toJSON();
    assert.deepEqual(fit(5), fit(5));
    assert.notDeepEqual(fit(5).nodes, fit(6).nodes);
  });

  test("importances sum to 1 and are the impurity decreases", () => {
    const tree = new DecisionTree({ maxDepth: 4 }).fit(cancer.X, cancer.y);
    const imp = tree.featureImportances();
    assert.equal(imp.length, 30);
    assert.ok(Math.abs(imp.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(imp.every((v) => v >= 0));
    const { feature, samples, impurity, left, right } = tree.nodes;
    const root =
      samples[0] * impurity[0] - samples[left[0]] * impurity[left[0]] - samples[right[0]] * impurity[right[0]];
    let total = 0;
    for (let i = 0; i < tree.nodeCount; i++) {
      if (feature[i] >= 0) {
        total +=
          samples[i] * impurity[i] - samples[left[i]] * impurity[left[i]] - samples[right[i]] * impurity[right[i]];
      }
    }
    assert.ok(imp[feature[0]] >= root / total - 1e-12, "the root's feature gets at least the root's decrease");
  });
});

describe("DecisionTree: clear errors", () => {
  test("bad input", () => {
    assert.throws(() => new DecisionTree().fit([], []), /empty/);
    assert.throws(() => new DecisionTree().fit([[1, 2], [3]], [0, 1]), /row 1 has 1 values/);
    assert.throws(() => new DecisionTree().fit([[1], [Number.NaN]], [0, 1]), /X\[1\]\[0\] is NaN/);
    assert.throws(() => new DecisionTree().fit([[1], [2]], [0]), /2 rows but y has 1/);
    assert.throws(() => new DecisionTree().fit([[1], [2]], [0, 0.5]), /class indices/);
    assert.throws(() => new DecisionTree({ task: "regression" }).fit([[1], [2]], [0, Number.NaN]), /finite/);
    assert.throws(() => new DecisionTree().fit([[1], [2]], [0, 1], { sampleWeight: [1, -1] }), /weights must be/);
  });

  test("bad options", () => {
    assert.throws(() => new DecisionTree({ maxFeatures: 0 }), /maxFeatures/);
    assert.throws(() => new DecisionTree({ maxFeatures: 5 }).fit([[1, 2]], [0]), /only 2 features/);
    assert.throws(() => new DecisionTree({ criterion: "mse" }), /does not fit task "classification"/);
    assert.throws(() => new DecisionTree({ minSamplesLeaf: 0 }), /minSamplesLeaf must be an integer >= 1/);
    assert.throws(() => new DecisionTree({ maxDepth: 1.5 }), /maxDepth/);
  });

  test("misuse after fitting", () => {
    assert.throws(() => new DecisionTree().predict([[1]]), /not fitted yet/);
    const tree = new DecisionTree().fit(
      [
        [1, 2],
        [3, 4],
      ],
      [0, 1],
    );
    assert.throws(() => tree.predict([[1]]), /1 features but the model was trained on 2/);
    assert.throws(() => tree.predict([[Number.NaN, Number.NaN]]), /NaN/);
    const reg = new DecisionTree({ task: "regression" }).fit([[1], [2]], [1, 2]);
    assert.throws(() => reg.predictProba([[1]]), /classification trees only/);
  });
});
