/**
 * RandomForest: many CART trees, each grown on a bootstrap sample (rows drawn with replacement) and trying only a
 * random subset of features at every split; predictions average the trees (class probabilities, or values).
 * Averaging many trees that make DIFFERENT mistakes cuts variance, which a single deep tree has plenty of.
 *
 *   const rf = new RandomForest({ nEstimators: 100, seed: 7 }).fit(XTrain, yTrain);
 *   rf.predict(XTest); rf.predictProba(XTest); rf.oobScore; rf.featureImportances();
 *
 * Out-of-bag (OOB): each bootstrap leaves out about 1/e = 37% of the rows, so every row has trees that never saw it.
 * Predicting each row with only those trees gives a free validation score (oobScore) without a held-out set.
 *
 * Deterministic: the forest seed fixes every tree's seed, hence every bootstrap and every feature draw.
 */
import { mulberry32 } from "../data/random";
import { growTree } from "./grow";
import { type Features, toColumnMajor } from "./matrix";
import { accuracy, r2Score } from "./metrics";
import { forEachLeaf, leafOfColumnRow, leafOfRow, type NodesJSON, nodesFromJSON, nodesToJSON } from "./nodes";
import { growParams, prepareTarget, resolveTreeParams, type Task, type TreeOptions, type TreeParams } from "./params";
import { presort } from "./presort";
import { DecisionTree, rowCount } from "./tree";

export interface ForestOptions extends TreeOptions {
  /** Number of trees. Default 100. */
  nEstimators?: number;
  /** Grow each tree on a bootstrap sample (default true). false: every tree sees all rows, no OOB score. */
  bootstrap?: boolean;
  /** Default "sqrt" for classification and "all" for regression, as in scikit-learn. */
  maxFeatures?: TreeOptions["maxFeatures"];
}

export interface ForestParams extends TreeParams {
  nEstimators: number;
  bootstrap: boolean;
}

/** A forest as plain JSON (what toJSON returns and artifacts store). */
export interface ForestModel {
  task: Task;
  nFeatures: number;
  /** 0 for regression. */
  nClasses: number;
  params: ForestParams;
  /** OOB accuracy (classification) or R² (regression) measured when it was fitted; null without bootstrap. */
  oobScore: number | null;
  trees: NodesJSON[];
}

interface Fitted {
  trees: DecisionTree[];
  nFeatures: number;
  nClasses: number;
  oobScore: number | null;
  oobPrediction: number[][] | number[] | null;
}

export class RandomForest {
  readonly params: ForestParams;
  private fitted: Fitted | null = null;

  constructor(options: ForestOptions = {}) {
    const task = options.task ?? "classification";
    const tree = resolveTreeParams(options, task === "classification" ? "sqrt" : "all");
    const nEstimators = options.nEstimators ?? 100;
    if (!Number.isInteger(nEstimators) || nEstimators < 1) {
      throw new Error(`nEstimators must be an integer >= 1, got ${nEstimators}.`);
    }
    this.params = { ...tree, nEstimators, bootstrap: options.bootstrap ?? true };
  }

  fit(X: Features, y: ArrayLike<number>, opts: { nClasses?: number } = {}): this {
    const data = toColumnMajor(X);
    const n = data.rows;
    const { target, nClasses } = prepareTarget(y, this.params.task, n, opts.nClasses);
    const classify = this.params.task === "classification";
    const nOut = classify ? nClasses : 1;
    // Sorted once for all trees: the expensive part of preparing the data is shared.
    const sorted = presort(data);
    const treeParams = treeParamsOf(this.params);

    const master = mulberry32(this.params.seed);
    const trees: DecisionTree[] = [];
    const weights = new Float64Array(n);
    const oobSum = new Float64Array(n * nOut);
    const oobCount = new Int32Array(n);
    for (let t = 0; t < this.params.nEstimators; t++) {
      const rng = mulberry32(Math.floor(master() * 4294967296));
      if (this.params.bootstrap) {
        weights.fill(0);
        for (let k = 0; k < n; k++) weights[Math.floor(rng() * n)]++;
      } else weights.fill(1);
      const treeSeed = Math.floor(rng() * 4294967296);
      const nodes = growTree(sorted, target, weights, growParams(treeParams, data.cols, nClasses, treeSeed));
      const tree = DecisionTree.fromNodes(treeParams, nodes, data.cols, nClasses);
      trees.push(tree);
      if (!this.params.bootstrap) continue;
      // Rows this tree never saw: add its prediction to their out-of-bag tally.
      const leafValues = classify ? tree.leafProbabilities() : nodes.value;
      for (let i = 0; i < n; i++) {
        if (weights[i] > 0) continue;
        const leaf = leafOfColumnRow(nodes, data, i);
        for (let k = 0; k < nOut; k++) oobSum[i * nOut + k] += leafValues[leaf * nOut + k];
        oobCount[i]++;
      }
    }

    let oobScore: number | null = null;
    let oobPrediction: number[][] | number[] | null = null;
    if (this.params.bootstrap) {
      // Rows that were in every bootstrap (rare unless there are few trees) get NaN and are left out of the score.
      const seen: number[] = [];
      for (let i = 0; i < n; i++) if (oobCount[i] > 0) seen.push(i);
      if (classify) {
        const proba = Array.from({ length: n }, (_, i) =>
          Array.from(oobSum.subarray(i * nOut, (i + 1) * nOut), (v) =>
            oobCount[i] > 0 ? v / oobCount[i] : Number.NaN,
          ),
        );
        oobPrediction = proba;
        if (seen.length > 0)
          oobScore = accuracy(
            seen.map((i) => target[i]),
            seen.map((i) => argmax(proba[i])),
          );
      } else {
        const mean = Array.from(oobSum, (v, i) => (oobCount[i] > 0 ? v / oobCount[i] : Number.NaN));
        oobPrediction = mean;
        const ySeen = seen.map((i) => target[i]);
        if (seen.length > 1 && new Set(ySeen).size > 1)
          oobScore = r2Score(
            ySeen,
            seen.map((i) => mean[i]),
          );
      }
    }
    this.fitted = { trees, nFeatures: data.cols, nClasses, oobScore, oobPrediction };
    return this;
  }

  private get state(): Fitted {
    if (this.fitted === null) throw new Error("This RandomForest is not fitted yet: call fit(X, y) first.");
    return this.fitted;
  }

  get isFitted(): boolean {
    return this.fitted !== null;
  }
  get trees(): readonly DecisionTree[] {
    return this.state.trees;
  }
  get nFeatures(): number {
    return this.state.nFeatures;
  }
  /** Number of classes (0 for regression). */
  get nClasses(): number {
    return this.state.nClasses;
  }
  /** OOB accuracy (classification) or OOB R² (regression); null when bootstrap is off. */
  get oobScore(): number | null {
    return this.state.oobScore;
  }
  /**
   * Per training row, the prediction of only the trees that did not see it: class probabilities (classification) or
   * a value (regression); NaN for a row no tree left out. Available after fit, not after loading from JSON.
   */
  get oobPrediction(): number[][] | number[] | null {
    return this.state.oobPrediction;
  }

  /** Mean of the trees' class probabilities (classification only). */
  predictProba(X: Features): number[][] {
    const s = this.classificationState("predictProba");
    const n = rowCount(X);
    const k = s.nClasses;
    const sum = new Float64Array(n * k);
    for (const tree of s.trees) {
      const proba = tree.leafProbabilities();
      forEachLeaf(tree.nodes, s.nFeatures, X, (r, leaf) => {
        for (let c = 0; c < k; c++) sum[r * k + c] += proba[leaf * k + c];
      });
    }
    const T = s.trees.length;
    return Array.from({ length: n }, (_, r) => Array.from(sum.subarray(r * k, (r + 1) * k), (v) => v / T));
  }

  /** Class with the highest mean probability (classification), or the mean of the trees (regression). */
  predict(X: Features): number[] {
    if (this.params.task === "classification") return this.predictProba(X).map(argmax);
    const s = this.state;
    const n = rowCount(X);
    const sum = new Float64Array(n);
    for (const tree of s.trees) {
      const value = tree.nodes.value;
      forEachLeaf(tree.nodes, s.nFeatures, X, (r, leaf) => {
        sum[r] += value[leaf];
      });
    }
    return Array.from(sum, (v) => v / s.trees.length);
  }

  predictProbaRow(row: ArrayLike<number>): number[] {
    return this.predictProba([row])[0];
  }

  predictRow(row: ArrayLike<number>): number {
    const s = this.state;
    if (row.length !== s.nFeatures) throw new Error(`row has ${row.length} features, the forest needs ${s.nFeatures}.`);
    if (this.params.task === "classification") return argmax(this.predictProbaRow(row));
    let sum = 0;
    for (const tree of s.trees) sum += tree.nodes.value[leafOfRow(tree.nodes, row)];
    return sum / s.trees.length;
  }

  /** Mean of the trees' normalised impurity importances, renormalised to sum to 1 (like scikit-learn). */
  featureImportances(): number[] {
    const s = this.state;
    const sum = new Array<number>(s.nFeatures).fill(0);
    for (const tree of s.trees) {
      tree.featureImportances().forEach((v, j) => {
        sum[j] += v;
      });
    }
    const total = sum.reduce((a, b) => a + b, 0);
    return sum.map((v) => (total > 0 ? v / total : 0));
  }

  private classificationState(method: string): Fitted {
    if (this.params.task !== "classification") throw new Error(`${method} is for classification forests only.`);
    return this.state;
  }

  toJSON(): ForestModel {
    const s = this.state;
    return {
      task: this.params.task,
      nFeatures: s.nFeatures,
      nClasses: s.nClasses,
      params: { ...this.params },
      oobScore: s.oobScore,
      trees: s.trees.map((t) => nodesToJSON(t.nodes)),
    };
  }

  static fromJSON(model: ForestModel): RandomForest {
    const forest = new RandomForest(model.params);
    const nOutputs = model.task === "regression" ? 1 : model.nClasses;
    const treeParams = treeParamsOf(model.params);
    const trees = model.trees.map((json, t) =>
      DecisionTree.fromNodes(
        treeParams,
        nodesFromJSON(json, nOutputs, model.nFeatures, `tree ${t}`),
        model.nFeatures,
        model.nClasses,
      ),
    );
    if (trees.length !== model.params.nEstimators) {
      throw new Error(`the forest lists ${trees.length} trees but params.nEstimators is ${model.params.nEstimators}.`);
    }
    forest.fitted = {
      trees,
      nFeatures: model.nFeatures,
      nClasses: model.nClasses,
      oobScore: model.oobScore,
      oobPrediction: null,
    };
    return forest;
  }
}

/** The options each tree of the forest was grown with (the forest's own, minus the forest-only ones). */
function treeParamsOf(p: ForestParams): TreeParams {
  const { nEstimators: _n, bootstrap: _b, ...tree } = p;
  return tree;
}

/** Index of the largest value; the first one wins a tie. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}
