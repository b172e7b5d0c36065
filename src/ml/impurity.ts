/**
 * How mixed a node is. A split is good when the children are, on average (weighted by size), much less mixed than
 * the parent; that drop, summed over the splits on a feature, is the feature's importance.
 *
 *   gini    = 1 - sum_k p_k^2       chance that two rows drawn at random (with replacement) disagree on the class
 *   entropy = -sum_k p_k log2 p_k   bits needed to name the class of a row; 0 for a pure node
 *   mse     = mean((y - mean(y))^2) for regression: the error of predicting the node's mean
 *
 * These take (weighted) class counts, not fractions, because that is what a tree keeps at every node.
 */

function total(counts: ArrayLike<number>): number {
  let n = 0;
  for (let k = 0; k < counts.length; k++) {
    if (!(counts[k] >= 0)) throw new Error(`class counts must be >= 0, got ${counts[k]} at index ${k}.`);
    n += counts[k];
  }
  if (n <= 0) throw new Error("class counts sum to 0: an empty node has no impurity.");
  return n;
}

/** Gini impurity of a node with these class counts. */
export function gini(counts: ArrayLike<number>): number {
  const n = total(counts);
  let sumSq = 0;
  for (let k = 0; k < counts.length; k++) sumSq += counts[k] * counts[k];
  return Math.max(0, 1 - sumSq / (n * n));
}

/** Entropy in bits (log base 2, like scikit-learn) of a node with these class counts. 0 * log 0 counts as 0. */
export function entropy(counts: ArrayLike<number>): number {
  const n = total(counts);
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) {
      const p = counts[k] / n;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/** Weighted mean squared deviation from the weighted mean: the regression impurity. */
export function mse(sumW: number, sumWy: number, sumWy2: number): number {
  const mean = sumWy / sumW;
  // Rounding can leave a tiny negative for a constant node; a variance is never below 0.
  return Math.max(0, sumWy2 / sumW - mean * mean);
}
