/**
 * trainTestSplit: hold out a test set the model never sees while training, the same one on every run for a given
 * seed. Row order is shuffled first, because the committed files are sorted by class and taking the last 20% would
 * test on a single class.
 */
import { Random } from "./random";

export interface SplitOptions {
  /** Fraction of rows for the test set, strictly between 0 and 1. The test set gets ceil(testSize * n) rows. */
  testSize?: number;
  /** Seed for the shuffle: same seed, same split. */
  seed?: number;
  /** Keep each class's share the same in train and test (y must hold class indices). */
  stratify?: boolean;
}

export interface Split<Row> {
  XTrain: Row[];
  XTest: Row[];
  yTrain: number[];
  yTest: number[];
}

export function trainTestSplit<Row>(X: readonly Row[], y: readonly number[], opts: SplitOptions = {}): Split<Row> {
  const { testSize = 0.2, seed = 42, stratify = false } = opts;
  const n = X.length;
  if (n !== y.length) {
    throw new Error(`X has ${n} rows but y has ${y.length} values: they must be the same length.`);
  }
  if (!(testSize > 0 && testSize < 1)) {
    throw new Error(`testSize must be between 0 and 1 (exclusive), got ${testSize}.`);
  }
  if (n < 2) {
    throw new Error(`Need at least 2 rows to split into train and test, got ${n}.`);
  }
  // Rounding the test size up, as scikit-learn does, so a small test fraction still gets at least one row.
  const nTest = Math.ceil(testSize * n);
  if (nTest >= n) {
    throw new Error(`testSize ${testSize} of ${n} rows leaves no rows to train on: use a smaller testSize.`);
  }

  const rng = new Random(seed);
  const testIdx = stratify ? stratifiedTestIndices(y, nTest, rng) : rng.permutation(n).slice(0, nTest);
  const isTest = new Array<boolean>(n).fill(false);
  for (const i of testIdx) isTest[i] = true;
  // Shuffle the training rows too: many learners (SGD, mini-batches) are sensitive to sorted input.
  const trainIdx = rng.shuffle(Array.from({ length: n }, (_, i) => i).filter((i) => !isTest[i]));

  return {
    XTrain: trainIdx.map((i) => X[i]),
    XTest: testIdx.map((i) => X[i]),
    yTrain: trainIdx.map((i) => y[i]),
    yTest: testIdx.map((i) => y[i]),
  };
}

/**
 * Pick nTest indices so each class's share of the test set matches its share of y. Each class gets the floor of its
 * exact share, and the rows left over go to the classes with the largest remainders, so the total is exactly nTest.
 */
function stratifiedTestIndices(y: readonly number[], nTest: number, rng: Random): number[] {
  const byClass = new Map<number, number[]>();
  y.forEach((label, i) => {
    if (!Number.isInteger(label)) {
      throw new Error(`stratify needs class indices in y, but y[${i}] is ${label}.`);
    }
    const members = byClass.get(label);
    if (members) members.push(i);
    else byClass.set(label, [i]);
  });
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  for (const c of classes) {
    if (byClass.get(c)!.length < 2) {
      throw new Error(`Class ${c} has only 1 row: stratify needs at least 2 rows in every class.`);
    }
  }

  const n = y.length;
  const quota = classes.map((c) => {
    const exact = (byClass.get(c)!.length * nTest) / n;
    return { c, take: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = nTest - quota.reduce((sum, q) => sum + q.take, 0);
  // Ties go to the smaller class index, so the result never depends on Map or sort order quirks.
  for (const q of [...quota].sort((a, b) => b.remainder - a.remainder || a.c - b.c)) {
    if (left === 0) break;
    q.take++;
    left--;
  }

  const picked = quota.flatMap(({ c, take }) => rng.shuffle(byClass.get(c)!).slice(0, take));
  // Mix the classes: otherwise the test set would be ordered class by class.
  return rng.shuffle(picked);
}
