// Week 2 · Decision trees from scratch, part 1: impurity and the best split.
// Read the "Decision trees" section of notebooks/week-02-supervised-learning.ipynb first.
// Grade it with `npm run grade tree-splits`; stuck? `npm run hint tree-splits`.
import { todo } from "../../src/grader/todo";

/** A candidate split: rows with x[feature] <= threshold go left, the rest go right. */
export interface Split {
  feature: number;
  threshold: number;
  /**
   * How much the split lowers Gini impurity: gini(parent) - (nLeft/n)·gini(left) - (nRight/n)·gini(right).
   * Always >= 0; 0 means the split does not help at all.
   */
  decrease: number;
}

export interface SplitOptions {
  /** The feature indices to consider (default: every feature). Random forests pass a random subset here. */
  features?: number[];
  /** Each side of the split must keep at least this many rows (default 1). */
  minSamplesLeaf?: number;
}

/**
 * Gini impurity of a node from its class counts: 1 - Σ_c p_c², where p_c = counts[c] / total.
 * It is the chance that two rows drawn at random from the node (with replacement) have different classes:
 * 0 for a pure node, 0.5 for a 50/50 two-class node.
 * Throws an Error mentioning "empty" when the counts sum to 0 (an empty node has no impurity).
 */
export function gini(counts: number[]): number {
  return todo("tree-splits");
}

/**
 * Entropy of a node in bits: -Σ_c p_c · log2(p_c), skipping classes with count 0 (0 · log 0 is taken as 0).
 * 0 for a pure node, 1 for a 50/50 two-class node, log2(k) for k equally common classes.
 * Throws an Error mentioning "empty" when the counts sum to 0.
 */
export function entropy(counts: number[]): number {
  return todo("tree-splits");
}

/**
 * The split with the largest Gini decrease, searched over the features in opts.features (default all) and every
 * threshold that separates two DIFFERENT consecutive values of the feature. The threshold is the midpoint between
 * those two values, so a row whose value equals either neighbour is still sent to the right side.
 * y holds class indices 0, 1, 2...
 *
 * Returns null when no split exists: every candidate feature is constant, or no threshold leaves at least
 * opts.minSamplesLeaf rows on both sides. On ties any of the best splits is fine.
 * Throws an Error mentioning "empty" when X has no rows, and "length" when X and y differ in length.
 */
export function bestSplit(X: number[][], y: number[], opts: SplitOptions = {}): Split | null {
  return todo("tree-splits");
}
