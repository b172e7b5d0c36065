// Grades exercises/week-06/pipeline-gate.ts (and proves solutions/week-06/pipeline-gate.ts with the very same file).
// The trusted references: hand-built tables, and the workspace pipeline's own checks (src/mlops/pipeline, used by
// `npm run pipeline`) on the breast-cancer dataset, clean and with rows copied into a leaky split.
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { contractFor, datasetData, leakageCheck, validateData } from "../../src/mlops/pipeline";
import { duplicateRows, evaluationGate, leakedTestRows } from "./pipeline-gate";

const cancer = loadDataset("breast-cancer");

test("leakedTestRows finds exact copies only, in ascending test order", () => {
  const train = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];
  const testRows = [
    [3, 4], // in train
    [4, 3], // same values, other order: a different row
    [0.1 + 0.2, 1], // 0.30000000000000004, not 0.3
    [5, 6], // in train
    [1, 2.0000001],
  ];
  assert.deepEqual(leakedTestRows(train, testRows), [0, 3]);
  assert.deepEqual(leakedTestRows(train, [[0.3, 1]]), []);
  assert.deepEqual(leakedTestRows([], [[1, 2]]), []);
  assert.throws(() => leakedTestRows([[1, 2]], [[1, 2, 3]]), /length/);
});

test("leakedTestRows agrees with the pipeline's leakage check on a clean and a leaky breast-cancer split", () => {
  const clean = trainTestSplit(cancer.X, cancer.y, { seed: 42, stratify: true });
  assert.deepEqual(leakedTestRows(clean.XTrain, clean.XTest), [], "the committed data has no duplicate rows");
  // Copy 150 rows: after a shuffled split many copies sit on both sides.
  const X = [...cancer.X, ...cancer.X.slice(0, 150)];
  const y = [...cancer.y, ...cancer.y.slice(0, 150)];
  const leaky = trainTestSplit(X, y, { seed: 42, stratify: true });
  const got = leakedTestRows(leaky.XTrain, leaky.XTest);
  const reference = leakageCheck(leaky.XTrain, leaky.XTest).value;
  assert.equal(got.length, reference, `expected ${reference} leaked test rows (src/mlops), got ${got.length}`);
  assert.ok(got.length > 20, `a leaky split should leak many rows, got ${got.length}`);
  for (const i of got)
    assert.ok(
      leaky.XTrain.some((r) => r.join() === leaky.XTest[i].join()),
      `row ${i} is a copy`,
    );
});

test("leakedTestRows stays fast: 20 000 × 20 000 rows in well under a second (no pairwise comparison)", () => {
  const rows = (offset: number) =>
    Array.from({ length: 20_000 }, (_, i) => {
      const v = i + offset;
      return [v, v % 7, (v * 31) % 101];
    });
  const started = performance.now();
  const leaked = leakedTestRows(rows(0), rows(10_000));
  const ms = performance.now() - started;
  assert.equal(leaked.length, 10_000, "rows 10 000..19 999 appear in both");
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms: build a Set of the training rows instead of comparing pairs`);
});

test("duplicateRows counts repeats of features AND label, matching the pipeline's duplicate check", () => {
  const X = [
    [1, 2],
    [1, 2],
    [1, 2],
    [3, 4],
    [3, 4],
  ];
  // Three copies of ([1,2], 0) are 2 duplicates; ([3,4], 1) and ([3,4], 0) differ by label: a conflict, not a duplicate.
  assert.equal(duplicateRows(X, [0, 0, 0, 1, 0]), 2);
  assert.equal(duplicateRows([], []), 0);
  assert.throws(() => duplicateRows([[1]], []), /length/);
  const data = datasetData("breast-cancer");
  const doubled = { ...data, X: [...data.X, ...data.X.slice(0, 40)], y: [...data.y, ...data.y.slice(0, 40)] };
  const check = validateData(doubled, contractFor(data)).find((c) => c.id === "duplicates")!;
  const expected = Math.round(check.value * doubled.X.length);
  assert.equal(duplicateRows(doubled.X, doubled.y), expected, `expected ${expected} duplicates (src/mlops)`);
  assert.equal(expected, 40);
});

test("evaluationGate: the floor, and the champion on the same test rows", () => {
  const first = evaluationGate({ auc: 0.97, minAuc: 0.95 });
  assert.equal(first.promote, true, "no champion yet: the floor alone decides");
  assert.ok(Math.abs(first.floorMargin - 0.02) < 1e-12, `floor margin 0.02, got ${first.floorMargin}`);
  assert.equal(first.championMargin, undefined);
  assert.deepEqual(first.reasons, []);

  const low = evaluationGate({ auc: 0.9, minAuc: 0.95 });
  assert.equal(low.promote, false);
  assert.deepEqual(low.reasons, ["AUC 0.9000 is below the floor 0.9500 by 0.0500"]);

  const worse = evaluationGate({ auc: 0.97, minAuc: 0.95, championAuc: 0.99 });
  assert.equal(worse.promote, false);
  assert.ok(Math.abs(worse.championMargin! + 0.02) < 1e-12, `champion margin -0.02, got ${worse.championMargin}`);
  assert.deepEqual(worse.reasons, ["AUC 0.9700 is worse than the champion's 0.9900 by 0.0200"]);

  assert.equal(evaluationGate({ auc: 0.99, minAuc: 0.95, championAuc: 0.99 }).promote, true, "equal is not worse");
  assert.equal(evaluationGate({ auc: 0.985, minAuc: 0.95, championAuc: 0.99, tolerance: 0.01 }).promote, true);
  const both = evaluationGate({ auc: 0.5, minAuc: 0.95, championAuc: 0.99 });
  assert.equal(both.reasons.length, 2, "every failed condition is reported, not just the first");
});

test("evaluationGate refuses a broken metric instead of comparing it", () => {
  assert.throws(() => evaluationGate({ auc: Number.NaN, minAuc: 0.95 }), /AUC/);
  assert.throws(() => evaluationGate({ auc: 1.2, minAuc: 0.95 }), /AUC/);
  assert.throws(() => evaluationGate({ auc: 0.97, minAuc: 0.95, championAuc: -1 }), /AUC/);
});
