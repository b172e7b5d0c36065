/**
 * Sort every feature ONCE, before any tree grows, and replace each value by its rank among the feature's distinct
 * values. A forest shares this: 100 trees pay for 30 sorts, not for 100 x 30.
 *
 * Why ranks: inside a node the split search must order the node's rows by a feature. Ordering small integers packed
 * with the row number into one Float64 (see grow.ts) lets the engine's native typed-array sort do it, with no
 * comparator callback; and a threshold can only sit between two distinct values, which the rank makes explicit.
 */
import type { ColumnMajor } from "./matrix";

export interface Presorted {
  readonly rows: number;
  readonly cols: number;
  /** rank[j * rows + i]: position of row i's value among the sorted distinct values of feature j (0 = smallest). */
  readonly rank: Int32Array;
  /** distinct[j]: the sorted distinct values of feature j, so distinct[j][rank] gives the value back. */
  readonly distinct: Float64Array[];
}

export function presort(X: ColumnMajor): Presorted {
  const { values, rows, cols } = X;
  const rank = new Int32Array(rows * cols);
  const distinct: Float64Array[] = [];
  const order = new Int32Array(rows);
  for (let j = 0; j < cols; j++) {
    const off = j * rows;
    for (let i = 0; i < rows; i++) order[i] = i;
    order.sort((a, b) => values[off + a] - values[off + b]);
    const uniq = new Float64Array(rows);
    let r = -1;
    let prev = Number.NaN;
    for (let k = 0; k < rows; k++) {
      const i = order[k];
      const v = values[off + i];
      if (v !== prev) {
        uniq[++r] = v;
        prev = v;
      }
      rank[off + i] = r;
    }
    distinct.push(uniq.slice(0, r + 1));
  }
  return { rows, cols, rank, distinct };
}
