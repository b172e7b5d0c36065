// Reference solution for exercises/week-02/tree-build.ts.
import { bestSplit } from "./tree-splits";

export interface Leaf {
  kind: "leaf";
  /** The majority class of the training rows that reached this leaf (ties: the smaller class index). */
  prediction: number;
  /** How many training rows of each class reached this leaf (length nClasses). */
  counts: number[];
}

export interface SplitNode {
  kind: "split";
  feature: number;
  threshold: number;
  /** Rows with x[feature] <= threshold. */
  left: TreeNode;
  right: TreeNode;
}

export type TreeNode = Leaf | SplitNode;

export interface TreeOptions {
  maxDepth?: number;
  minSamplesLeaf?: number;
  nClasses?: number;
  chooseFeatures?: (nFeatures: number) => number[];
}

function makeLeaf(y: number[], nClasses: number): Leaf {
  const counts = new Array<number>(nClasses).fill(0);
  for (const c of y) counts[c]++;
  let prediction = 0;
  for (let c = 1; c < nClasses; c++) if (counts[c] > counts[prediction]) prediction = c;
  return { kind: "leaf", prediction, counts };
}

export function buildTree(X: number[][], y: number[], opts: TreeOptions = {}): TreeNode {
  if (X.length === 0) throw new Error("buildTree: empty input (no rows)");
  if (X.length !== y.length) throw new Error(`buildTree: X has ${X.length} rows but y has length ${y.length}`);
  const maxDepth = opts.maxDepth ?? Infinity;
  const minSamplesLeaf = opts.minSamplesLeaf ?? 1;
  if (!(maxDepth >= 0)) throw new Error(`buildTree: maxDepth must be >= 0, got ${maxDepth}`);
  if (!(Number.isInteger(minSamplesLeaf) && minSamplesLeaf >= 1)) {
    throw new Error(`buildTree: minSamplesLeaf must be a whole number >= 1, got ${minSamplesLeaf}`);
  }
  const nClasses = opts.nClasses ?? Math.max(...y) + 1;
  const nFeatures = X[0].length;

  const grow = (rows: number[], depth: number): TreeNode => {
    const yHere = rows.map((i) => y[i]);
    const leaf = makeLeaf(yHere, nClasses);
    const pure = leaf.counts[leaf.prediction] === rows.length;
    if (pure || depth >= maxDepth || rows.length < 2 * minSamplesLeaf) return leaf;
    const split = bestSplit(
      rows.map((i) => X[i]),
      yHere,
      { features: opts.chooseFeatures?.(nFeatures), minSamplesLeaf },
    );
    if (split === null || split.decrease <= 0) return leaf;
    const left = rows.filter((i) => X[i][split.feature] <= split.threshold);
    const right = rows.filter((i) => X[i][split.feature] > split.threshold);
    return {
      kind: "split",
      feature: split.feature,
      threshold: split.threshold,
      left: grow(left, depth + 1),
      right: grow(right, depth + 1),
    };
  };
  return grow(
    X.map((_, i) => i),
    0,
  );
}

function predictRow(node: TreeNode, row: number[]): number {
  let at = node;
  while (at.kind === "split") at = row[at.feature] <= at.threshold ? at.left : at.right;
  return at.prediction;
}

export function predictTree(tree: TreeNode, X: number[][]): number[] {
  return X.map((row) => predictRow(tree, row));
}

export function treeDepth(tree: TreeNode): number {
  return tree.kind === "leaf" ? 0 : 1 + Math.max(treeDepth(tree.left), treeDepth(tree.right));
}
