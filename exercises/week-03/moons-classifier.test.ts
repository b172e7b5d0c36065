// Grades exercises/week-03/moons-classifier.ts (and proves solutions/week-03/moons-classifier.ts with this file).
// Only the outcome is graded: accuracy on held-out points that the learner's code never sees.
import assert from "node:assert/strict";
import { beforeAll, test } from "vitest";
import { makeMoons, trainTestSplit } from "../../src/data";
import { chooseBackend } from "../../src/nn";
import { trainMoonsClassifier } from "./moons-classifier";

const TARGET = 0.92;
const BASELINE = 0.873;

beforeAll(async () => {
  await chooseBackend({ quiet: true });
});

test(`held-out accuracy on two moons: at least ${TARGET} (a straight line gets ${BASELINE})`, async () => {
  const data = makeMoons(600, { noise: 0.25, seed: 11 });
  const split = trainTestSplit(data.X, data.y, { testSize: 0.25, seed: 3, stratify: true });
  // Copies: the learner's code gets the training rows only, and cannot change the held-out ones.
  const predict = await trainMoonsClassifier(
    split.XTrain.map((r) => r.slice()),
    split.yTrain.slice(),
  );
  assert.equal(typeof predict, "function", "trainMoonsClassifier must resolve to a predict function");
  const yhat = await predict(split.XTest.map((r) => r.slice()));
  assert.ok(Array.isArray(yhat), `predict must return an array of 0/1, got ${typeof yhat}`);
  assert.equal(
    yhat.length,
    split.XTest.length,
    `predict must return one class per row (${split.XTest.length}), got ${yhat.length}`,
  );
  for (const c of yhat) assert.ok(c === 0 || c === 1, `predictions must be 0 or 1, got ${c}`);
  const correct = yhat.filter((c, i) => c === split.yTest[i]).length;
  const accuracy = correct / split.yTest.length;
  assert.ok(
    accuracy >= TARGET,
    `${correct} of ${split.yTest.length} held-out points right (${accuracy.toFixed(3)}); the bar is ${TARGET}. A straight line gets ${BASELINE}: does your model have a hidden layer with a nonlinearity, and did it train long enough?`,
  );
});
