// Grades exercises/week-03/training-tools.ts (and proves solutions/week-03/training-tools.ts with this file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { Random } from "../../src/data";
import { cosineLr, EarlyStopping, glorotStd, heStd } from "./training-tools";

const close = (got: number, expected: number, what: string, tol = 1e-12) =>
  assert.ok(Math.abs(got - expected) <= tol, `${what}: expected ${expected}, got ${got}`);

test("He and Glorot standard deviations", () => {
  close(heStd(2), 1, "heStd(2) = √(2/2)");
  close(heStd(64), Math.sqrt(2 / 64), "heStd(64)");
  close(glorotStd(64, 64), Math.sqrt(2 / 128), "glorotStd(64, 64)");
  close(glorotStd(2, 30), Math.sqrt(2 / 32), "glorotStd(2, 30)");
  assert.throws(() => heStd(0), /fanIn/);
  assert.throws(() => heStd(2.5), /fanIn/);
  assert.throws(() => glorotStd(3, 0), /fan/);
});

test("He keeps the size of ReLU activations steady through 30 layers, where std 1 explodes and 0.01 vanishes", () => {
  // A forward pass through 30 ReLU layers of width 50 with weights N(0, std²): the mean square of the last layer's
  // activations, relative to the first, should stay near 1 with the right std.
  const width = 50;
  const depth = 30;
  const meanSquareRatio = (std: number) => {
    const rng = new Random(7);
    let h = Array.from({ length: width }, () => Math.abs(rng.normal()));
    const first = h.reduce((s, v) => s + v * v, 0) / width;
    for (let layer = 0; layer < depth; layer++) {
      const next = new Array<number>(width).fill(0);
      for (let o = 0; o < width; o++) {
        let z = 0;
        for (let i = 0; i < width; i++) z += rng.normal(0, std) * h[i];
        next[o] = Math.max(0, z);
      }
      h = next;
    }
    return h.reduce((s, v) => s + v * v, 0) / width / first;
  };
  const he = meanSquareRatio(heStd(width));
  assert.ok(
    he > 0.05 && he < 20,
    `with heStd(${width}) the signal should neither vanish nor explode over ${depth} layers; its mean square changed by ×${he.toExponential(2)}`,
  );
  assert.ok(meanSquareRatio(1) > 1e20, "(a check of the test itself: std 1 explodes)");
  assert.ok(meanSquareRatio(0.01) < 1e-20, "(a check of the test itself: std 0.01 vanishes)");
});

test("EarlyStopping: stops after `patience` epochs without an improvement larger than minDelta", () => {
  const es = new EarlyStopping({ patience: 2, minDelta: 0.005 });
  assert.equal(es.bestEpoch, -1, "no epoch seen yet");
  assert.equal(es.bestLoss, Number.POSITIVE_INFINITY);
  const losses = [1, 0.8, 0.7, 0.697, 0.69, 0.75, 0.8, 0.9];
  const stops = losses.map((l) => es.update(l));
  // 0.697 is not better than 0.7 by more than 0.005 (one epoch waited); 0.69 is (best, wait reset to 0);
  // 0.75 and 0.8 are two epochs without improvement: stop after epoch 6.
  assert.deepEqual(stops.slice(0, 7), [false, false, false, false, false, false, true], `stop signals ${stops}`);
  assert.equal(es.bestEpoch, 4, "the best epoch is 4 (loss 0.69): keep those weights");
  close(es.bestLoss, 0.69, "bestLoss");
});

test("EarlyStopping: improvements reset the count; NaN stops at once; bad options are refused", () => {
  const es = new EarlyStopping({ patience: 3 });
  const stops = [0.5, 0.6, 0.6, 0.4, 0.5, 0.5].map((l) => es.update(l));
  assert.deepEqual(stops, [false, false, false, false, false, false], "0.4 at epoch 3 resets the count");
  assert.equal(es.bestEpoch, 3);
  assert.equal(es.update(0.45), true, "the third epoch in a row without improvement stops");
  const diverged = new EarlyStopping({ patience: 10 });
  diverged.update(0.3);
  assert.equal(diverged.update(Number.NaN), true, "a NaN loss means the run diverged: stop now");
  assert.equal(diverged.bestEpoch, 0, "and the best epoch is still the last good one");
  assert.throws(() => new EarlyStopping({ patience: 0 }), /patience/);
  assert.throws(() => new EarlyStopping({ patience: 1.5 }), /patience/);
  assert.throws(() => new EarlyStopping({ patience: 2, minDelta: -1 }), /minDelta/);
});

test("cosineLr: linear warm-up, then a half cosine from lrMax down towards lrMin", () => {
  const opts = { lrMax: 0.1, lrMin: 0.001, warmupEpochs: 5, totalEpochs: 105 };
  close(cosineLr(0, opts), 0.02, "epoch 0 of a 5-epoch warm-up: 0.1 · 1/5");
  close(cosineLr(4, opts), 0.1, "the last warm-up epoch reaches lrMax");
  close(cosineLr(5, opts), 0.1, "the cosine starts at lrMax (t = 0)");
  close(cosineLr(55, opts), 0.001 + 0.099 / 2, "half-way through the decay (t = 1/2) is the midpoint");
  close(cosineLr(104, opts), 0.001 + (0.099 * (1 + Math.cos(Math.PI * 0.99))) / 2, "the last epoch (t = 0.99)");
  const all = Array.from({ length: 100 }, (_, e) => cosineLr(e + 5, opts));
  assert.ok(
    all.every((v, i) => i === 0 || v < all[i - 1]),
    "after the warm-up the rate only goes down",
  );
  close(cosineLr(0, { lrMax: 1, totalEpochs: 4 }), 1, "no warm-up: start at lrMax");
  close(cosineLr(2, { lrMax: 1, totalEpochs: 4 }), 0.5, "lrMin defaults to 0");
});

test("cosineLr: bad input gets a clear error", () => {
  const opts = { lrMax: 0.1, totalEpochs: 10 };
  assert.throws(() => cosineLr(10, opts), /epoch/);
  assert.throws(() => cosineLr(-1, opts), /epoch/);
  assert.throws(() => cosineLr(1.5, opts), /epoch/);
  assert.throws(() => cosineLr(0, { lrMax: 0, totalEpochs: 10 }), /lrMax/);
  assert.throws(() => cosineLr(0, { lrMax: 0.1, lrMin: 0.2, totalEpochs: 10 }), /lrMin/);
  assert.throws(() => cosineLr(0, { lrMax: 0.1, warmupEpochs: 10, totalEpochs: 10 }), /totalEpochs/);
  assert.throws(() => cosineLr(0, { lrMax: 0.1, warmupEpochs: -1, totalEpochs: 10 }), /warmupEpochs/);
});
