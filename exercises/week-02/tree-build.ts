// Week 2 · Decision trees from scratch, part 2: growing and using a tree.
// Needs your bestSplit from ./tree-splits (solve `tree-splits` first).
// Grade it with `npm run grade tree-build`; stuck? `npm run hint tree-build`.
import { todo } from "../../src/grader/todo";
// biome-ignore lint/correctness/noUnusedImports: imported for you; buildTree calls it at every node.
import { bestSplit } from "./tree-splits";

/** A leaf: where a row ends up, and what the tree predicts for it. */
export interface Leaf {
  kind: "leaf";
  /** The majority class of the training rows that reached this leaf (ties: the smaller class index). */
  prediction: number;
  /** How many training rows of each class reached this leaf; length nClasses. */
  counts: number[];
}

/** An inner node: rows with x[feature] <= threshold go to `left`, the others to `right`. */
export interface SplitNode {
  kind: "split";
  feature: number;
  threshold: number;
  left: TreeNode;
  right: TreeNode;
}

export type TreeNode = Leaf | SplitNode;

export interface TreeOptions {
  /** The longest path from the root to a leaf, in splits (0 = a single leaf). Default Infinity (grow until pure). */
  maxDepth?: number;
  /** Every leaf keeps at least this many training rows (default 1). Pass it on to bestSplit. */
  minSamplesLeaf?: number;
  /** Length of each leaf's counts (default max(y) + 1). A forest sets it: a bootstrap sample can miss a class. */
  nClasses?: number;
  /**
   * Called once per node that is searched for a split, with the number of features; returns the feature indices
   * bestSplit may use there. Default: all features. A random forest passes a random subset here.
   */
  chooseFeatures?: (nFeatures: number) => number[];
}

/**
 * Grows a classification tree greedily (CART), top-down: at each node take bestSplit's split, send the rows left
 * and right, and recurse. A node becomes a leaf when it is pure (one class), when it is at maxDepth, when it has
 * fewer than 2·minSamplesLeaf rows, or when bestSplit finds no split that lowers the impurity (null or decrease <= 0).
 * Throws an Error mentioning "empty" for no rows and "length" when X and y differ in length.
 */
export function buildTree(X: number[][], y: number[], opts: TreeOptions = {}): TreeNode {
  return todo("tree-build");
}

/** The class the tree predicts for each row of X: walk from the root (<= threshold: left) to a leaf. */
export function predictTree(tree: TreeNode, X: number[][]): number[] {
  return todo("tree-build");
}

/** The number of splits on the longest root-to-leaf path (a lone leaf has depth 0). */
export function treeDepth(tree: TreeNode): number {
  return todo("tree-build");
}
