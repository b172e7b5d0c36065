/**
 * DecisionTree: a CART tree for classification (gini or entropy) or regression (mse), on typed arrays.
 *
 * Data layout: fit and predict accept rows (number[][], as loadDataset returns) or a ColumnMajor table (matrix.ts:
 * one Float64Array/Float32Array, feature j of row i at values[j * rows + i]). Training converts rows to column-major
 * once, because the split search reads one feature down a node's rows.
 *
 *   const tree = new DecisionTree({ maxDepth: 3 }).fit(XTrain, yTrain);
 *   tree.predict(XTest); tree.predictProba(XTest); tree.depth; tree.nodeCount; tree.featureImportances();
 *
 * The fitted tree is a set of flat arrays (tree.nodes: feature, threshold, left, right, value, ...), see grow.ts.
 */
import { growTree, type TreeNodes } from "./grow";
import { type Features, toColumnMajor } from "./matrix";
import {
  forEachLeaf,
  impurityImportances,
  leafOfRow,
  type NodesJSON,
  nodeClasses,
  nodeProbabilities,
  nodesFromJSON,
  nodesToJSON,
  treeDepth,
} from "./nodes";
import { growParams, prepareTarget, resolveTreeParams, type Task, type TreeOptions, type TreeParams } from "./params";
import { presort } from "./presort";

export interface TreeFitOptions {
  /** How much each row counts (e.g. bootstrap counts); rows with weight 0 are left out. Default: every row once. */
  sampleWeight?: ArrayLike<number>;
  /** Number of classes, when some class may be absent from y. Default: max(y) + 1. */
  nClasses?: number;
}

/** A tree as plain JSON (what toJSON returns and artifacts store). */
export interface TreeModel {
  task: Task;
  nFeatures: number;
  /** 0 for regression. */
  nClasses: number;
  params: TreeParams;
  nodes: NodesJSON;
}

interface Fitted {
  nodes: TreeNodes;
  nFeatures: number;
  nClasses: number;
  proba: Float64Array;
  classes: Int32Array;
}

export class DecisionTree {
  readonly params: TreeParams;
  private fitted: Fitted | null = null;

  constructor(options: TreeOptions = {}) {
    this.params = resolveTreeParams(options, "all");
  }

  fit(X: Features, y: ArrayLike<number>, opts: TreeFitOptions = {}): this {
    const data = toColumnMajor(X);
    const { target, nClasses } = prepareTarget(y, this.params.task, data.rows, opts.nClasses);
    let weights: Float64Array | null = null;
    if (opts.sampleWeight !== undefined) {
      weights = Float64Array.from(opts.sampleWeight);
      if (weights.length !== data.rows) {
        throw new Error(`sampleWeight has ${weights.length} values but X has ${data.rows} rows.`);
      }
      const bad = weights.findIndex((v) => !(v >= 0 && Number.isFinite(v)));
      if (bad >= 0) throw new Error(`sampleWeight[${bad}] is ${weights[bad]}: weights must be finite and >= 0.`);
    }
    const p = growParams(this.params, data.cols, nClasses, this.params.seed);
    this.setNodes(growTree(presort(data), target, weights, p), data.cols, nClasses);
    return this;
  }

  /** A fitted tree from ready-made nodes (how RandomForest and fromJSON build their trees). */
  static fromNodes(params: TreeParams, nodes: TreeNodes, nFeatures: number, nClasses: number): DecisionTree {
    const tree = new DecisionTree(params);
    tree.setNodes(nodes, nFeatures, nClasses);
    return tree;
  }

  private setNodes(nodes: TreeNodes, nFeatures: number, nClasses: number): void {
    this.fitted = { nodes, nFeatures, nClasses, proba: nodeProbabilities(nodes), classes: nodeClasses(nodes) };
  }

  private get state(): Fitted {
    if (this.fitted === null) throw new Error("This DecisionTree is not fitted yet: call fit(X, y) first.");
    return this.fitted;
  }

  get isFitted(): boolean {
    return this.fitted !== null;
  }
  /** The flat node arrays (read-only view of the model). */
  get nodes(): TreeNodes {
    return this.state.nodes;
  }
  get nFeatures(): number {
    return this.state.nFeatures;
  }
  /** Number of classes (0 for regression). */
  get nClasses(): number {
    return this.state.nClasses;
  }
  get nodeCount(): number {
    return this.state.nodes.nodeCount;
  }
  get leafCount(): number {
    let leaves = 0;
    for (const f of this.state.nodes.feature) if (f < 0) leaves++;
    return leaves;
  }
  /** Longest root-to-leaf path; a tree that never split has depth 0. */
  get depth(): number {
    return treeDepth(this.state.nodes);
  }

  /** The leaf id each row lands in (rows in the same leaf get the same prediction). */
  apply(X: Features): number[] {
    const s = this.state;
    const out = new Array<number>(rowCount(X));
    forEachLeaf(s.nodes, s.nFeatures, X, (r, leaf) => {
      out[r] = leaf;
    });
    return out;
  }

  /** Class index (classification) or predicted value (regression) for each row. */
  predict(X: Features): number[] {
    const s = this.state;
    const out = new Array<number>(rowCount(X));
    const regression = this.params.task === "regression";
    forEachLeaf(s.nodes, s.nFeatures, X, (r, leaf) => {
      out[r] = regression ? s.nodes.value[leaf] : s.classes[leaf];
    });
    return out;
  }

  predictRow(row: ArrayLike<number>): number {
    const s = this.state;
    if (row.length !== s.nFeatures) throw new Error(`row has ${row.length} features, the tree needs ${s.nFeatures}.`);
    const leaf = leafOfRow(s.nodes, row);
    return this.params.task === "regression" ? s.nodes.value[leaf] : s.classes[leaf];
  }

  /** Class fractions of the training rows in each row's leaf. Classification only. */
  predictProba(X: Features): number[][] {
    const s = this.classificationState("predictProba");
    const out = new Array<number[]>(rowCount(X));
    const k = s.nClasses;
    forEachLeaf(s.nodes, s.nFeatures, X, (r, leaf) => {
      out[r] = Array.from(s.proba.subarray(leaf * k, leaf * k + k));
    });
    return out;
  }

  predictProbaRow(row: ArrayLike<number>): number[] {
    const s = this.classificationState("predictProbaRow");
    if (row.length !== s.nFeatures) throw new Error(`row has ${row.length} features, the tree needs ${s.nFeatures}.`);
    const leaf = leafOfRow(s.nodes, row);
    return Array.from(s.proba.subarray(leaf * s.nClasses, (leaf + 1) * s.nClasses));
  }

  /** Internal: the leaf class fractions, so a forest can add them up without copying. */
  leafProbabilities(): Float64Array {
    return this.classificationState("leafProbabilities").proba;
  }

  private classificationState(method: string): Fitted {
    if (this.params.task !== "classification") throw new Error(`${method} is for classification trees only.`);
    return this.state;
  }

  /** Impurity-decrease importances, one per feature, summing to 1 (all 0 if the tree never split). */
  featureImportances(): number[] {
    return impurityImportances(this.state.nodes, this.state.nFeatures);
  }

  toJSON(): TreeModel {
    const s = this.state;
    return {
      task: this.params.task,
      nFeatures: s.nFeatures,
      nClasses: s.nClasses,
      params: { ...this.params },
      nodes: nodesToJSON(s.nodes),
    };
  }

  static fromJSON(model: TreeModel): DecisionTree {
    const nOutputs = model.task === "regression" ? 1 : model.nClasses;
    const nodes = nodesFromJSON(model.nodes, nOutputs, model.nFeatures, "decision tree");
    return DecisionTree.fromNodes(model.params, nodes, model.nFeatures, model.nClasses);
  }
}

export function rowCount(X: Features): number {
  return Array.isArray(X) ? X.length : (X as { rows: number }).rows;
}
