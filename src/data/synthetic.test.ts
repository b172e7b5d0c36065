import assert from "node:assert/strict";
import { test } from "vitest";
import { makeCircles, makeMoons } from "./synthetic";

test("makeMoons: n points, half per class, the same for the same seed", () => {
  const a = makeMoons(101, { seed: 3 });
  assert.equal(a.X.length, 101);
  assert.equal(a.y.filter((c) => c === 0).length, 50);
  assert.equal(a.y.filter((c) => c === 1).length, 51);
  assert.deepEqual(makeMoons(101, { seed: 3 }), a, "same seed, same data");
  assert.notDeepEqual(makeMoons(101, { seed: 4 }).X, a.X, "another seed, other data");
});

test("makeMoons without noise lies exactly on the two arcs", () => {
  const { X, y } = makeMoons(40, { noise: 0 });
  X.forEach(([x1, x2], i) => {
    // Class 0: the unit circle around (0, 0), upper half. Class 1: the unit circle around (1, 0.5), lower half.
    const [cx, cy] = y[i] === 0 ? [0, 0] : [1, 0.5];
    assert.ok(Math.abs(Math.hypot(x1 - cx, x2 - cy) - 1) < 1e-12, `point ${i} off its arc`);
    assert.ok(y[i] === 0 ? x2 >= -1e-12 : x2 <= 0.5 + 1e-12, `point ${i} on the wrong half`);
  });
});

test("makeCircles: class 1 inside class 0, radius factor", () => {
  const { X, y } = makeCircles(60, { noise: 0, factor: 0.3 });
  X.forEach(([x1, x2], i) => {
    assert.ok(Math.abs(Math.hypot(x1, x2) - (y[i] === 0 ? 1 : 0.3)) < 1e-12);
  });
  assert.equal(y.filter((c) => c === 1).length, 30);
});

test("bad arguments get clear errors", () => {
  assert.throws(() => makeMoons(1), /n must be/);
  assert.throws(() => makeMoons(10, { noise: -1 }), /noise/);
  assert.throws(() => makeCircles(10, { factor: 1.5 }), /factor/);
});
