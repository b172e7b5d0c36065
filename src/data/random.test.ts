import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { mulberry32, Random } from "./random";

describe("Random", () => {
  test("the same seed gives the same sequence; another seed a different one", () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    assert.deepEqual(
      seqA,
      Array.from({ length: 20 }, () => b.next()),
    );
    assert.notDeepEqual(
      seqA,
      Array.from({ length: 20 }, () => c.next()),
    );
  });

  test("mulberry32 matches its reference output (pins the algorithm, so seeds mean the same forever)", () => {
    // Reference values of the published mulberry32 for seed 42, times 2^32.
    const next = mulberry32(42);
    const ints = Array.from({ length: 3 }, () => next() * 4294967296);
    assert.deepEqual(ints, [2581720956, 1925393290, 3661312704]);
  });

  test("next() stays in [0, 1)", () => {
    const rng = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const v = rng.next();
      assert.ok(v >= 0 && v < 1);
    }
  });

  test("randInt(min, max) covers min..max-1 and never max", () => {
    const rng = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.randInt(-2, 3));
    assert.deepEqual(
      [...seen].sort((x, y) => x - y),
      [-2, -1, 0, 1, 2],
    );
    assert.throws(() => rng.randInt(3, 3), { message: "randInt needs integers with min < max, got min=3, max=3." });
  });

  test("shuffle returns a permutation and leaves its input alone", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const out = new Random(5).shuffle(input);
    assert.deepEqual(input, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(
      [...out].sort((x, y) => x - y),
      input,
    );
    assert.notDeepEqual(out, input);
    assert.deepEqual(new Random(5).permutation(10).length, 10);
  });

  test("normal() has the requested mean and standard deviation", () => {
    const rng = new Random(11);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => rng.normal(3, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const std = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    assert.ok(Math.abs(mean - 3) < 0.05, `mean ${mean}`);
    assert.ok(Math.abs(std - 2) < 0.05, `std ${std}`);
  });

  test("a non-integer seed is rejected", () => {
    assert.throws(() => new Random(0.5), { message: "seed must be an integer, got 0.5." });
  });
});
