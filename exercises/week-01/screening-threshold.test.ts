// Grades exercises/week-01/screening-threshold.ts (and proves solutions/week-01/screening-threshold.ts with this file).
// Only the outcome is graded: the cost of the decisions on held-out rows that the learner's code never sees.
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { trainScreening } from "./screening-threshold";

const FN_COST = 10;
const FP_COST = 1;
const BASELINE = 136;
const TARGET = 130;
const SEEDS = [1, 2, 3, 4, 5, 6];

test(`total cost 10·FN + FP over six held-out splits: at most ${TARGET} (the 0.5 threshold costs ${BASELINE})`, () => {
  const data = loadDataset("breast-cancer");
  let total = 0;
  const lines: string[] = [];
  for (const seed of SEEDS) {
    const split = trainTestSplit(data.X, data.y, { testSize: 0.3, seed, stratify: true });
    // Copies: the learner's code sees the training rows only and cannot change the held-out ones.
    const predict = trainScreening(
      split.XTrain.map((r) => r.slice()),
      split.yTrain.slice(),
    );
    assert.equal(typeof predict, "function", "trainScreening must return a function");
    const yhat = predict(split.XTest.map((r) => r.slice()));
    assert.ok(
      Array.isArray(yhat) && yhat.length === split.XTest.length,
      `split ${seed}: expected ${split.XTest.length} predictions, got ${Array.isArray(yhat) ? yhat.length : typeof yhat}`,
    );
    let fn = 0;
    let fp = 0;
    yhat.forEach((c, i) => {
      assert.ok(c === 0 || c === 1, `split ${seed}: predictions must be 0 or 1, got ${c}`);
      if (split.yTest[i] === 1 && c === 0) fn++;
      if (split.yTest[i] === 0 && c === 1) fp++;
    });
    total += FN_COST * fn + FP_COST * fp;
    lines.push(`split ${seed}: ${fn} missed, ${fp} false alarms`);
  }
  assert.ok(
    total <= TARGET,
    `total cost ${total} (${lines.join("; ")}); the bar is ${TARGET} and the 0.5 threshold costs ${BASELINE}. When a miss costs 10 false alarms, should the threshold stay at 0.5?`,
  );
});
