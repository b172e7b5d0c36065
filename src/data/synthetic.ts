/**
 * Small two-class data sets that a straight line cannot separate, generated from a seed: the test bed for "hidden
 * layers bend the decision boundary". Same construction as scikit-learn's make_moons and make_circles (half the
 * points per class, Gaussian noise added to both coordinates), with this workspace's seeded generator, so the
 * numbers differ from scikit-learn's but repeat exactly for a given seed.
 */
import { Random } from "./random";

export interface SyntheticOptions {
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0.2 (moons), 0.1 (circles). */
  noise?: number;
  /** Seed of the generator: same seed, same points. Default 42. */
  seed?: number;
}

export interface TwoClassData {
  /** Rows of [x1, x2]. */
  X: number[][];
  /** Class 0 or 1 per row. */
  y: number[];
}

function checkArgs(what: string, n: number, noise: number): void {
  if (!Number.isInteger(n) || n < 2) throw new Error(`${what}: n must be a whole number >= 2, got ${n}`);
  if (!(noise >= 0) || !Number.isFinite(noise))
    throw new Error(`${what}: noise must be a finite number >= 0, got ${noise}`);
}

/** Points in shuffled order, so that a split or a mini-batch does not see one class first. */
function shuffled(rng: Random, X: number[][], y: number[]): TwoClassData {
  const order = rng.permutation(X.length);
  return { X: order.map((i) => X[i]), y: order.map((i) => y[i]) };
}

/**
 * Two interleaving half circles: class 0 is the upper arc (cos t, sin t), class 1 the lower arc (1 - cos t,
 * 0.5 - sin t), t in [0, π]; floor(n/2) points in class 0, the rest in class 1.
 */
export function makeMoons(n: number, opts: SyntheticOptions = {}): TwoClassData {
  const { noise = 0.2, seed = 42 } = opts;
  checkArgs("makeMoons", n, noise);
  const rng = new Random(seed);
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < nOuter; i++) {
    const t = (Math.PI * i) / Math.max(nOuter - 1, 1);
    X.push([Math.cos(t) + rng.normal(0, noise), Math.sin(t) + rng.normal(0, noise)]);
    y.push(0);
  }
  for (let i = 0; i < nInner; i++) {
    const t = (Math.PI * i) / Math.max(nInner - 1, 1);
    X.push([1 - Math.cos(t) + rng.normal(0, noise), 0.5 - Math.sin(t) + rng.normal(0, noise)]);
    y.push(1);
  }
  return shuffled(rng, X, y);
}

/**
 * Two concentric circles: class 0 on the unit circle, class 1 on a circle of radius `factor` (default 0.5) inside
 * it; floor(n/2) points in class 0, the rest in class 1.
 */
export function makeCircles(n: number, opts: SyntheticOptions & { factor?: number } = {}): TwoClassData {
  const { noise = 0.1, seed = 42, factor = 0.5 } = opts;
  checkArgs("makeCircles", n, noise);
  if (!(factor > 0 && factor < 1)) throw new Error(`makeCircles: factor must be between 0 and 1, got ${factor}`);
  const rng = new Random(seed);
  const nOuter = Math.floor(n / 2);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const outer = i < nOuter;
    const count = outer ? nOuter : n - nOuter;
    const t = (2 * Math.PI * (outer ? i : i - nOuter)) / count;
    const r = outer ? 1 : factor;
    X.push([r * Math.cos(t) + rng.normal(0, noise), r * Math.sin(t) + rng.normal(0, noise)]);
    y.push(outer ? 0 : 1);
  }
  return shuffled(rng, X, y);
}
