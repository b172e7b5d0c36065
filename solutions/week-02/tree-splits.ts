// Reference solution for exercises/week-02/tree-splits.ts.

/** A candidate split: rows with x[feature] <= threshold go left, the rest go right. */
export interface Split {
  feature: number;
  threshold: number;
  /** Parent impurity minus the size-weighted impurity of the two children (the Gini "gain"). */
  decrease: number;
}

export interface SplitOptions {
  /** The feature indices to consider (default: every feature). Random forests pass a random subset here. */
  features?: number[];
  /** Each side of the split must keep at least this many rows (default 1). */
  minSamplesLeaf?: number;
}

function total(counts: number[]): number {
  let n = 0;
  for (const c of counts) {
    if (c < 0) throw new Error(`class counts cannot be negative, got ${c}`);
    n += c;
  }
  if (n === 0) throw new Error("impurity of an empty node: the counts sum to 0");
  return n;
}

export function gini(counts: number[]): number {
  const n = total(counts);
  let sumSq = 0;
  for (const c of counts) sumSq += (c / n) ** 2;
  return 1 - sumSq;
}

export function entropy(counts: number[]): number {
  const n = total(counts);
  let h = 0;
  // 0 · log 0 is taken as 0: an absent class adds no uncertainty.
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log2(c / n);
  return h;
}

/** Gini impurity straight from Σ counts² (avoids re-dividing inside the sweep). */
function giniFromSquares(sumSq: number, n: number): number {
  return 1 - sumSq / (n * n);
}

export function bestSplit(X: number[][], y: number[], opts: SplitOptions = {}): Split | null {
  const n = X.length;
  if (n === 0) throw new Error("bestSplit: empty input (no rows)");
  if (y.length !== n) throw new Error(`bestSplit: X has ${n} rows but y has length ${y.length}`);
  const minLeaf = opts.minSamplesLeaf ?? 1;
  const features = opts.features ?? X[0].map((_, j) => j);
  let nClasses = 0;
  for (const c of y) nClasses = Math.max(nClasses, c + 1);

  const parentCounts = new Array<number>(nClasses).fill(0);
  for (const c of y) parentCounts[c]++;
  const parent = gini(parentCounts);

  let best: Split | null = null;
  const order = Array.from({ length: n }, (_, i) => i);
  for (const feature of features) {
    // Sort once, then sweep left to right moving one row at a time from the right side to the left:
    // every threshold is then evaluated in O(classes) instead of O(n).
    order.sort((a, b) => X[a][feature] - X[b][feature]);
    const left = new Array<number>(nClasses).fill(0);
    const right = parentCounts.slice();
    let leftSq = 0;
    let rightSq = right.reduce((s, c) => s + c * c, 0);
    for (let i = 0; i < n - 1; i++) {
      const c = y[order[i]];
      leftSq += 2 * left[c] + 1;
      left[c]++;
      rightSq -= 2 * right[c] - 1;
      right[c]--;
      const here = X[order[i]][feature];
      const next = X[order[i + 1]][feature];
      // A threshold between two equal values would not separate them: only cut where the value changes.
      if (here === next) continue;
      const nLeft = i + 1;
      const nRight = n - nLeft;
      if (nLeft < minLeaf || nRight < minLeaf) continue;
      const children = (nLeft * giniFromSquares(leftSq, nLeft) + nRight * giniFromSquares(rightSq, nRight)) / n;
      const decrease = parent - children;
      // Strictly greater: on a tie the earlier feature and the lower threshold win.
      if (best === null || decrease > best.decrease + 1e-12) {
        best = { feature, threshold: (here + next) / 2, decrease };
      }
    }
  }
  return best;
}
