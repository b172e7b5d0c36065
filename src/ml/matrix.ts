/**
 * The feature table the trees train on, as ONE typed array in COLUMN-MAJOR order: feature j of row i is
 * `values[j * rows + i]`. Column-major because a split search reads one feature down all rows of a node; with the
 * column contiguous in memory that read is a straight walk instead of a jump of `cols` numbers per row.
 *
 * Everything that takes features also accepts plain rows (`number[][]`, what loadDataset returns) and converts them.
 */

export interface ColumnMajor {
  /** Feature j of row i is values[j * rows + i]. Float32Array halves memory; the trees work the same on both. */
  readonly values: Float64Array | Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/** Rows of numbers (one array per example), or a ready column-major table. */
export type Features = readonly ArrayLike<number>[] | ColumnMajor;

export function isColumnMajor(X: Features): X is ColumnMajor {
  return !Array.isArray(X) && typeof (X as ColumnMajor).rows === "number";
}

/**
 * Rows -> column-major Float64Array. Rejects ragged rows and non-finite values with the row and column that is wrong,
 * because a NaN inside a tree silently sends every comparison the same way.
 */
export function toColumnMajor(X: Features, what = "X"): ColumnMajor {
  if (isColumnMajor(X)) {
    checkColumnMajor(X, what);
    return X;
  }
  const rows = X.length;
  if (rows === 0) throw new Error(`${what} is empty: need at least one row.`);
  const cols = X[0].length;
  if (cols === 0) throw new Error(`${what} has rows with no features: need at least one column.`);
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row = X[i];
    if (row.length !== cols) {
      throw new Error(`${what} row ${i} has ${row.length} values but row 0 has ${cols}: every row needs the same.`);
    }
    for (let j = 0; j < cols; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new Error(`${what}[${i}][${j}] is ${v}: trees need finite numbers.`);
      values[j * rows + i] = v;
    }
  }
  return { values, rows, cols };
}

function checkColumnMajor(X: ColumnMajor, what: string): void {
  const { values, rows, cols } = X;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1) {
    throw new Error(`${what} must have at least one row and one column, got rows=${rows}, cols=${cols}.`);
  }
  if (values.length !== rows * cols) {
    throw new Error(`${what}.values has ${values.length} numbers but rows*cols is ${rows * cols}.`);
  }
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) {
      throw new Error(`${what} row ${k % rows}, column ${Math.floor(k / rows)} is ${values[k]}: need finite numbers.`);
    }
  }
}

/** The rows at `indices`, for cross-validation folds: works on both layouts and keeps the layout. */
export function takeRows<T extends Features>(X: T, indices: readonly number[]): T {
  if (!isColumnMajor(X)) return indices.map((i) => X[i]) as unknown as T;
  const { values, rows, cols } = X;
  const out =
    values instanceof Float32Array ? new Float32Array(indices.length * cols) : new Float64Array(indices.length * cols);
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < indices.length; k++) out[j * indices.length + k] = values[j * rows + indices[k]];
  }
  return { values: out, rows: indices.length, cols } as unknown as T;
}
