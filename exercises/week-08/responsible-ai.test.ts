// Grades exercises/week-08/responsible-ai.ts (and proves solutions/week-08/responsible-ai.ts with the same file).
// The metrics are checked on small cases worked by hand, then on the diabetes dataset with the project's own forest;
// permutation importance against predictors whose true importances are known.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { createRng, loadDataset, trainTestSplit } from "../../src/data";
import { RandomForest } from "../../src/ml";
import { accuracyScore, demographicParity, equalOpportunity, permutationImportance } from "./responsible-ai";

const close = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 1e-12, `${what}: expected ${want}, got ${got}`);

describe("bias metrics, worked by hand", () => {
  // Group a: 4 rows, predicted 1 on 3 -> selection rate 0.75. Group b: 5 rows, predicted 1 on 1 -> 0.2.
  const group = ["a", "a", "a", "a", "b", "b", "b", "b", "b"];
  const pred = [1, 1, 1, 0, 1, 0, 0, 0, 0];
  const yTrue = [1, 1, 0, 1, 1, 1, 0, 0, 1];
  test("demographic parity: selection rate per group and the gap", () => {
    const dp = demographicParity(pred, group);
    assert.deepEqual(Object.keys(dp.rates).sort(), ["a", "b"]);
    close(dp.rates.a, 0.75, "rate of a");
    close(dp.rates.b, 0.2, "rate of b");
    close(dp.difference, 0.55, "difference");
  });
  test("equal opportunity: true positive rate per group and the gap", () => {
    // a: positives at rows 0, 1, 3 -> predicted 1 on rows 0, 1 -> 2/3. b: positives at 4, 5, 8 -> only 4 -> 1/3.
    const eo = equalOpportunity(yTrue, pred, group);
    close(eo.rates.a, 2 / 3, "TPR of a");
    close(eo.rates.b, 1 / 3, "TPR of b");
    close(eo.difference, 1 / 3, "difference");
  });
  test("three groups: the gap is max minus min", () => {
    const dp = demographicParity([1, 0, 1, 1, 0, 0], ["x", "x", "y", "y", "z", "z"]);
    close(dp.difference, 1, "difference");
    close(dp.rates.x, 0.5, "rate of x");
  });
  test("accuracy", () => {
    // Equal at rows 0, 1, 4, 6, 7.
    close(accuracyScore(yTrue, pred), 5 / 9, "accuracy");
  });
  test("bad input throws a clear error", () => {
    assert.throws(() => demographicParity([1, 0], ["a"]), /length/);
    assert.throws(() => demographicParity([], []), /length/);
    assert.throws(() => demographicParity([1, 0], ["a", "a"]), /two groups/);
    assert.throws(() => equalOpportunity([0, 0, 1], [1, 0, 1], ["a", "a", "b"]), /positives/);
    assert.throws(() => accuracyScore([1], [1, 0]), /length/);
  });
});

describe("bias metrics on diabetes with the project's forest", () => {
  test("match a count done here, row by row", () => {
    const d = loadDataset("diabetes");
    const y = d.y.map((v) => (v > 140 ? 1 : 0));
    const s = trainTestSplit(d.X, y, { seed: 42, testSize: 0.3, stratify: true });
    const pred = new RandomForest({ nEstimators: 30, seed: 7, maxDepth: 6 }).fit(s.XTrain, s.yTrain).predict(s.XTest);
    const sex = d.featureNames.indexOf("sex");
    const group = s.XTest.map((r) => `sex ${r[sex]}`);
    const dp = demographicParity(pred, group);
    const eo = equalOpportunity(s.yTest, pred, group);
    for (const g of ["sex 1", "sex 2"]) {
      const rows = group.map((x, i) => (x === g ? i : -1)).filter((i) => i >= 0);
      const selected = rows.filter((i) => pred[i] === 1).length / rows.length;
      const pos = rows.filter((i) => s.yTest[i] === 1);
      const tpr = pos.filter((i) => pred[i] === 1).length / pos.length;
      close(dp.rates[g], selected, `selection rate of ${g}`);
      close(eo.rates[g], tpr, `true positive rate of ${g}`);
    }
    close(dp.difference, Math.abs(dp.rates["sex 1"] - dp.rates["sex 2"]), "demographic parity difference");
    close(eo.difference, Math.abs(eo.rates["sex 1"] - eo.rates["sex 2"]), "equal opportunity difference");
  });
});

describe("permutation importance", () => {
  // y depends on feature 0 only; feature 1 is noise; the predictor reads feature 0 only.
  const rng = createRng(3);
  const X = Array.from({ length: 400 }, () => [rng.next() - 0.5, rng.next() - 0.5]);
  const y = X.map((r) => (r[0] > 0 ? 1 : 0));
  const predict = (rows: number[][]) => rows.map((r) => (r[0] > 0 ? 1 : 0));

  test("a feature the model ignores has importance exactly 0; the one it uses loses about half the accuracy", () => {
    const imp = permutationImportance(predict, X, y, { repeats: 5, seed: 11 });
    close(imp.baseline, 1, "baseline accuracy of a perfect predictor");
    close(imp.mean[1], 0, "importance of the ignored feature");
    close(imp.std[1], 0, "spread of the ignored feature");
    assert.ok(
      imp.mean[0] > 0.4 && imp.mean[0] < 0.6,
      `shuffling the only useful feature should leave ~50% accuracy, drop ${imp.mean[0]}`,
    );
    assert.ok(imp.std[0] > 0 && imp.std[0] < 0.1, `std of the drops ${imp.std[0]}`);
  });
  test("shuffles the column, not the rows' other values, and never changes X", () => {
    const copy = X.map((r) => [...r]);
    const seen: number[][][] = [];
    permutationImportance(
      (rows) => {
        seen.push(rows.map((r) => [...r]));
        return predict(rows);
      },
      X,
      y,
      { repeats: 2, seed: 5 },
    );
    assert.deepEqual(X, copy, "X must not be modified");
    assert.equal(seen.length, 1 + 2 * 2, "one baseline call, then repeats calls per feature");
    const shuffled0 = seen[1];
    assert.deepEqual(
      shuffled0.map((r) => r[1]),
      X.map((r) => r[1]),
      "shuffling feature 0 leaves column 1 in place",
    );
    assert.deepEqual(
      shuffled0.map((r) => r[0]).sort(),
      X.map((r) => r[0]).sort(),
      "column 0 holds the same values, reordered",
    );
    assert.notDeepEqual(
      shuffled0.map((r) => r[0]),
      X.map((r) => r[0]),
      "column 0 was actually shuffled",
    );
  });
  test("the same seed gives the same result", () => {
    const a = permutationImportance(predict, X, y, { repeats: 3, seed: 9 });
    const b = permutationImportance(predict, X, y, { repeats: 3, seed: 9 });
    assert.deepEqual(a, b);
  });
  test("on diabetes, bmi or s5 matters most to the forest and an added noise column is near 0", () => {
    const d = loadDataset("diabetes");
    const noise = createRng(1);
    const Xn = d.X.map((r) => [...r, noise.next()]);
    const y2 = d.y.map((v) => (v > 140 ? 1 : 0));
    const s = trainTestSplit(Xn, y2, { seed: 42, testSize: 0.3, stratify: true });
    const rf = new RandomForest({ nEstimators: 30, seed: 7, maxDepth: 6 }).fit(s.XTrain, s.yTrain);
    const imp = permutationImportance((rows) => rf.predict(rows), s.XTest, s.yTest, { repeats: 5, seed: 1 });
    const names = [...d.featureNames, "noise"];
    const top = names[imp.mean.indexOf(Math.max(...imp.mean))];
    assert.ok(
      top === "bmi" || top === "s5",
      `most important: ${top} (${imp.mean.map((m, i) => `${names[i]} ${m.toFixed(3)}`).join(", ")})`,
    );
    assert.ok(Math.abs(imp.mean[names.indexOf("noise")]) < 0.03, `noise importance ${imp.mean.at(-1)}`);
  });
  test("bad input throws a clear error", () => {
    assert.throws(() => permutationImportance(predict, X, y, { repeats: 0, seed: 1 }), /repeats/);
    assert.throws(() => permutationImportance(predict, X, [1, 0], { repeats: 1, seed: 1 }), /length/);
  });
});
