import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { beforeAll, test } from "vitest";
import { chooseBackend } from "./backend";
import { fitProgress } from "./progress";

beforeAll(async () => {
  await chooseBackend({ quiet: true });
});

test("fitProgress records every epoch of model.fit and ends with one summary line", async () => {
  const writes: string[] = [];
  const stream = { isTTY: false, write: (s: string) => writes.push(s) };
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 2, activation: "softmax" })] });
  model.compile({ optimizer: tf.train.adam(0.05), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  const xs = tf.tensor2d([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]);
  const ys = tf.tensor2d([
    [1, 0],
    [1, 0],
    [0, 1],
    [0, 1],
  ]);
  const fp = fitProgress({ epochs: 6, label: "tiny", stream });
  const history = await model.fit(xs, ys, {
    epochs: 6,
    validationData: [xs, ys],
    verbose: 0,
    callbacks: [fp.callback],
  });
  assert.deepEqual(
    fp.history.map((h) => h.epoch),
    [1, 2, 3, 4, 5, 6],
    "epochs counted from 1",
  );
  assert.deepEqual(
    fp.history.map((h) => h.loss),
    history.history.loss,
    "the losses tfjs reports",
  );
  assert.deepEqual(
    fp.history.map((h) => h.accuracy),
    history.history.acc,
    "accuracy from tfjs's 'acc' log",
  );
  assert.ok(fp.history.every((h) => typeof h.valLoss === "number" && typeof h.valAccuracy === "number"));
  assert.equal(writes.length, 1, "not a terminal: a single summary line at the end");
  assert.match(writes[0], /^tiny \[#+\] 6\/6 100% done in .* loss=\S+ accuracy=\S+/);
  tf.dispose([xs, ys]);
  model.dispose();
});
