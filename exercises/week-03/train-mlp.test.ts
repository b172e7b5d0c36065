// Grades exercises/week-03/train-mlp.ts (and proves solutions/week-03/train-mlp.ts with the very same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { fitStandardizer, loadDataset, trainTestSplit } from "../../src/data";
import { predictMlp, trainMlp } from "./train-mlp";

/** Wine: 178 wines, 13 chemical measurements, 3 cultivars. A stratified, seeded split, standardized on train. */
function wine() {
  const data = loadDataset("wine");
  const split = trainTestSplit(data.X, data.y, { testSize: 0.25, seed: 3, stratify: true });
  const scaler = fitStandardizer(split.XTrain);
  return { ...split, XTrain: scaler.transform(split.XTrain), XTest: scaler.transform(split.XTest) };
}

const accuracy = (yTrue: number[], yPred: number[]) => yPred.filter((p, i) => p === yTrue[i]).length / yTrue.length;

test("trainMlp with Adam learns wine: the loss falls and test accuracy is at least 0.9", () => {
  const { XTrain, yTrain, XTest, yTest } = wine();
  const seen: number[] = [];
  const model = trainMlp(XTrain, yTrain, {
    hidden: 16,
    epochs: 40,
    lr: 0.01,
    seed: 1,
    onEpoch: (r) => seen.push(r.epoch),
  });
  const { history } = model;
  assert.equal(history.length, 40, "one history record per epoch");
  assert.deepEqual(
    seen,
    Array.from({ length: 40 }, (_, i) => i + 1),
    "onEpoch is called after every epoch, epochs counted from 1",
  );
  const first = history[0].loss;
  const last = history[history.length - 1].loss;
  // log 3 ≈ 1.10 is the loss of guessing; a working network on this easy dataset ends far below it.
  assert.ok(
    last < 0.5 * first,
    `the training loss should at least halve: first ${first.toFixed(4)}, last ${last.toFixed(4)}`,
  );
  assert.ok(last < 0.2, `the final training loss should be below 0.2, got ${last.toFixed(4)}`);
  const ups = history.slice(1).filter((h, i) => h.loss > history[i].loss + 1e-3).length;
  assert.ok(ups <= 4, `the loss should go down almost every epoch; it rose in ${ups} of 39`);
  assert.ok(
    history.every((h) => h.accuracy >= 0 && h.accuracy <= 1),
    "accuracy is a fraction between 0 and 1",
  );
  const acc = accuracy(yTest, predictMlp(model, XTest));
  assert.ok(acc >= 0.9, `test accuracy ${acc.toFixed(3)} should be at least 0.9 on this split (45 wines)`);
});

test("trainMlp with SGD + momentum also learns, and the same seed repeats the run exactly", () => {
  const { XTrain, yTrain, XTest, yTest } = wine();
  const options = { hidden: 8, epochs: 30, optimizer: "sgd" as const, lr: 0.05, momentum: 0.9, seed: 5 };
  const a = trainMlp(XTrain, yTrain, options);
  const acc = accuracy(yTest, predictMlp(a, XTest));
  assert.ok(acc >= 0.9, `SGD: test accuracy ${acc.toFixed(3)} should be at least 0.9`);
  const b = trainMlp(XTrain, yTrain, options);
  assert.deepEqual(
    b.history.map((h) => h.loss),
    a.history.map((h) => h.loss),
    "same seed, same data: the loss history must repeat exactly (seed the weights AND the shuffling)",
  );
  const c = trainMlp(XTrain, yTrain, { ...options, seed: 6 });
  assert.notDeepEqual(
    c.history.map((h) => h.loss),
    a.history.map((h) => h.loss),
    "another seed gives another run",
  );
});

test("trainMlp rejects empty data and mismatched lengths", () => {
  assert.throws(() => trainMlp([], []), /empty/i);
  assert.throws(
    () =>
      trainMlp(
        [
          [1, 2],
          [3, 4],
        ],
        [0],
      ),
    /length/i,
  );
});
