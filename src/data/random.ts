/**
 * A small seeded random number generator. Math.random() cannot be seeded, and a split, an initialisation or a
 * bootstrap sample that changes on every run makes results impossible to compare; with a seed they repeat exactly.
 *
 * mulberry32 is a tiny 32-bit generator: fast, statistically fine for shuffling and sampling, NOT for cryptography.
 */

/** mulberry32: returns a function giving floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly source: () => number;
  // Box–Muller makes normals in pairs; the second is kept for the next call so no randomness is wasted.
  private spareNormal: number | null = null;

  constructor(seed = 42) {
    if (!Number.isInteger(seed)) {
      throw new Error(`seed must be an integer, got ${seed}.`);
    }
    this.source = mulberry32(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source();
  }

  /** An integer in [min, max): max is excluded, like Python's randrange and numpy's integers. */
  randInt(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min) {
      throw new Error(`randInt needs integers with min < max, got min=${min}, max=${max}.`);
    }
    return min + Math.floor(this.next() * (max - min));
  }

  /** A shuffled COPY of `items` (Fisher–Yates); the input array is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.randInt(0, i + 1);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }

  /** The indices 0..n-1 in random order. */
  permutation(n: number): number[] {
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** A sample from the normal distribution N(mean, std²), by the Box–Muller transform. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    // 1 - next() lies in (0, 1], so the logarithm is always finite.
    const r = Math.sqrt(-2 * Math.log(1 - this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spareNormal = r * Math.sin(theta);
    return mean + std * r * Math.cos(theta);
  }
}

/** Shorthand for `new Random(seed)`. */
export function createRng(seed = 42): Random {
  return new Random(seed);
}
