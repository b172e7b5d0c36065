/**
 * Standardization: rescale each feature to mean 0 and standard deviation 1, so features measured in grams and in
 * millimetres weigh the same in gradient descent, k-NN distances and regularisation.
 *
 * Fit it on the TRAINING rows only, then transform train and test with the same mean and std: fitting on the test
 * rows too would leak information about them into the model.
 */

export interface Standardizer {
  /** Per-feature mean of the rows it was fit on. */
  mean: number[];
  /** Per-feature population standard deviation (divide by n, as scikit-learn's StandardScaler); 1 for a constant column. */
  std: number[];
  /** (x - mean) / std, column by column. Returns new arrays. */
  transform(X: readonly (readonly number[])[]): number[][];
  /** x * std + mean: undoes transform. */
  inverseTransform(X: readonly (readonly number[])[]): number[][];
}

/**
 * Learn mean and std of every column of X.
 *
 * A constant column (every value equal) has std 0, and dividing by it would give NaN or Infinity. Its std is set to 1
 * instead, so it transforms to all zeros: the column carries no information, and zeros keep it harmless.
 * (scikit-learn does the same.) Constant is tested exactly (all values equal), not by a tolerance on the computed std.
 */
export function fitStandardizer(X: readonly (readonly number[])[]): Standardizer {
  if (X.length === 0) throw new Error("fitStandardizer needs at least one row, got an empty X.");
  const d = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== d) throw new Error(`X row ${i} has ${row.length} values but row 0 has ${d}.`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) {
        throw new Error(`X[${i}][${j}] is ${v}: drop or fill missing values before standardizing.`);
      }
    });
  });

  const n = X.length;
  const mean: number[] = [];
  const std: number[] = [];
  for (let j = 0; j < d; j++) {
    const first = X[0][j];
    if (X.every((row) => row[j] === first)) {
      // Exactly the value, so transform gives exactly 0 (a computed mean can be off by rounding).
      mean.push(first);
      std.push(1);
      continue;
    }
    let sum = 0;
    for (const row of X) sum += row[j];
    const m = sum / n;
    // Two passes (mean first, then squared deviations) avoid the cancellation of the sum-of-squares shortcut.
    let sq = 0;
    for (const row of X) sq += (row[j] - m) ** 2;
    mean.push(m);
    std.push(Math.sqrt(sq / n));
  }
  return makeStandardizer(mean, std);
}

/** A standardizer from known statistics, e.g. ones saved with a trained model. */
export function makeStandardizer(mean: readonly number[], std: readonly number[]): Standardizer {
  if (mean.length !== std.length) {
    throw new Error(`mean has ${mean.length} values but std has ${std.length}.`);
  }
  std.forEach((s, j) => {
    if (!(s > 0) || !Number.isFinite(s)) throw new Error(`std[${j}] is ${s}: every std must be a positive number.`);
  });
  const d = mean.length;
  const checkWidth = (X: readonly (readonly number[])[]) =>
    X.forEach((row, i) => {
      if (row.length !== d) {
        throw new Error(`X row ${i} has ${row.length} values, but the standardizer was fit on ${d} features.`);
      }
    });
  return {
    mean: [...mean],
    std: [...std],
    transform(X) {
      checkWidth(X);
      return X.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
    },
    inverseTransform(X) {
      checkWidth(X);
      return X.map((row) => row.map((v, j) => v * std[j] + mean[j]));
    },
  };
}
