/**
 * A random forest compiled for serving: every tree of a fitted RandomForest copied into ONE set of flat typed arrays,
 * so predicting a row is a tight loop over numbers, with no objects, no per-tree calls and no allocation.
 *
 *   const flat = FlatForest.compile(forest);         // or FlatForest.fromArtifact(loadArtifact(path))
 *   flat.predictProba(rows); flat.predict(rows);    // the SAME numbers as forest.predictProba / predict, to the bit
 *   flat.predictProbaFlat(values, n, out);          // the hot path: n rows packed row-major in one Float64Array
 *
 * Layout (node ids are global: tree t's nodes follow tree t-1's):
 *
 *   roots[t]      id of tree t's root
 *   feature[i]    feature tested at node i, or -1 when node i is a leaf
 *   threshold[i]  go left when row[feature[i]] <= threshold[i], right otherwise (same test as src/ml)
 *   left[i]       left child id; FOR A LEAF, where its class probabilities start in leafProba
 *   right[i]      right child id
 *   leafProba     nClasses probabilities per leaf, back to back
 *
 * Reusing `left` of a leaf as its offset saves an array and a memory read per tree: a leaf has no children anyway.
 *
 * Why the results are EXACTLY the original model's, not merely close: the thresholds stay float64 (float32 would move
 * some comparisons), the leaf probabilities are the very numbers the DecisionTree computed, and the forest's mean is
 * computed in the same order (0 + tree 0 + tree 1 + ..., then / nTrees). Floating-point addition is not associative,
 * so summing in another order could change the last bit of a probability and, at a tie, the predicted class.
 */
import type { ModelArtifact } from "../ml/artifact";
import { argmax, type ForestModel, type RandomForest } from "../ml/forest";
import { forestFromArtifact } from "../ml/tree-artifacts";

export class FlatForest {
  private constructor(
    readonly nFeatures: number,
    readonly nClasses: number,
    readonly roots: Int32Array,
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly leafProba: Float64Array,
  ) {}

  get nTrees(): number {
    return this.roots.length;
  }
  get nodeCount(): number {
    return this.feature.length;
  }

  /** Copies a fitted classification forest into flat arrays. The forest itself is not changed or kept. */
  static compile(forest: RandomForest): FlatForest {
    if (!forest.isFitted) throw new Error("FlatForest.compile needs a fitted RandomForest: call fit(X, y) first.");
    if (forest.params.task !== "classification") {
      throw new Error("FlatForest compiles classification forests only (it serves class probabilities).");
    }
    const trees = forest.trees;
    const k = forest.nClasses;
    let nodes = 0;
    let leaves = 0;
    for (const tree of trees) {
      nodes += tree.nodeCount;
      leaves += tree.leafCount;
    }
    const roots = new Int32Array(trees.length);
    const feature = new Int32Array(nodes);
    const threshold = new Float64Array(nodes);
    const left = new Int32Array(nodes);
    const right = new Int32Array(nodes);
    const leafProba = new Float64Array(leaves * k);

    let base = 0; // global id of the current tree's node 0
    let nextLeaf = 0; // next free slot in leafProba, in probabilities
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      const src = tree.nodes;
      const proba = tree.leafProbabilities(); // nodeCount x k, the numbers DecisionTree.predictProba returns
      roots[t] = base;
      for (let i = 0; i < src.nodeCount; i++) {
        const g = base + i;
        feature[g] = src.feature[i];
        threshold[g] = src.threshold[i];
        if (src.feature[i] >= 0) {
          left[g] = base + src.left[i];
          right[g] = base + src.right[i];
        } else {
          left[g] = nextLeaf;
          right[g] = -1;
          for (let c = 0; c < k; c++) leafProba[nextLeaf + c] = proba[i * k + c];
          nextLeaf += k;
        }
      }
      base += src.nodeCount;
    }
    return new FlatForest(forest.nFeatures, k, roots, feature, threshold, left, right, leafProba);
  }

  /** Loads the forest from a "random-forest" artifact (through src/ml's own loader) and compiles it. */
  static fromArtifact(artifact: ModelArtifact): FlatForest {
    return FlatForest.compile(forestFromArtifact(artifact as ModelArtifact<ForestModel>));
  }

  /**
   * The hot path. `values` holds n rows back to back (row r, feature j at values[r * nFeatures + j]); the class
   * probabilities go to `out` (row r, class c at out[r * nClasses + c]), which is returned. Pass `out` to reuse a
   * buffer; it is overwritten, not added to. Non-finite values are refused: NaN compares false with every threshold
   * and would silently walk every tree to the right.
   */
  predictProbaFlat(values: ArrayLike<number>, n: number, out?: Float64Array): Float64Array {
    const d = this.nFeatures;
    const k = this.nClasses;
    if (!Number.isInteger(n) || n < 0) throw new Error(`row count must be a whole number >= 0, got ${n}.`);
    if (values.length !== n * d) {
      throw new Error(`expected ${n} rows x ${d} features = ${n * d} values, got ${values.length}.`);
    }
    for (let v = 0; v < values.length; v++) {
      if (!Number.isFinite(values[v])) {
        throw new Error(`row ${Math.floor(v / d)}, feature ${v % d} is ${values[v]}: need finite numbers.`);
      }
    }
    const result = out ?? new Float64Array(n * k);
    if (result.length !== n * k) throw new Error(`out must hold ${n * k} numbers, it holds ${result.length}.`);
    const { roots, feature, threshold, left, right, leafProba } = this;
    const T = roots.length;
    for (let r = 0; r < n; r++) {
      const rowStart = r * d;
      const o = r * k;
      for (let c = 0; c < k; c++) result[o + c] = 0;
      for (let t = 0; t < T; t++) {
        let i = roots[t];
        let f = feature[i];
        while (f >= 0) {
          i = values[rowStart + f] <= threshold[i] ? left[i] : right[i];
          f = feature[i];
        }
        const p = left[i];
        for (let c = 0; c < k; c++) result[o + c] += leafProba[p + c];
      }
      for (let c = 0; c < k; c++) result[o + c] /= T;
    }
    return result;
  }

  /** Class probabilities per row, like RandomForest.predictProba (rows as arrays of numbers). */
  predictProba(X: readonly ArrayLike<number>[]): number[][] {
    const n = X.length;
    const d = this.nFeatures;
    const k = this.nClasses;
    const values = new Float64Array(n * d);
    for (let r = 0; r < n; r++) {
      const row = X[r];
      if (row.length !== d) throw new Error(`row ${r} has ${row.length} features, the forest needs ${d}.`);
      for (let j = 0; j < d; j++) values[r * d + j] = row[j];
    }
    const proba = this.predictProbaFlat(values, n);
    return Array.from({ length: n }, (_, r) => Array.from(proba.subarray(r * k, (r + 1) * k)));
  }

  /** Class index per row: the highest probability, the lowest index on a tie (as RandomForest.predict). */
  predict(X: readonly ArrayLike<number>[]): number[] {
    return this.predictProba(X).map(argmax);
  }
}
