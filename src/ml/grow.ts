/**
 * Growing one CART tree: the hot loop behind DecisionTree and RandomForest. Everything here is typed arrays and
 * plain loops, with all scratch memory allocated once per tree, because a forest calls this hundreds of times.
 *
 * The rows of a node are a contiguous slice idx[start, end) of one index array; splitting a node partitions its slice
 * in place, so children need no new arrays. Nodes are processed depth first, left child first, so node ids come out
 * in pre-order (the root is 0 and a split node's left child is the next id).
 *
 * Split search at a node, for each candidate feature:
 *   1. order the node's rows by the feature: key = rank * rows + row packs both into one exact Float64 (ranks and row
 *      numbers are integers below `rows`, so key < rows^2 < 2^53), and Float64Array.sort() sorts numbers natively;
 *   2. sweep the sorted rows left to right, moving one row at a time from the right child to the left one and updating
 *      running class counts (or sums of y) in O(1);
 *   3. score a threshold only where the value changes (between two distinct values), at their midpoint.
 *
 * Weights are bootstrap counts in a forest (a row drawn 3 times has weight 3), so a forest never copies rows;
 * minSamplesSplit / minSamplesLeaf count weighted rows, which is the same as counting the drawn copies.
 */
import { mulberry32 } from "../data/random";
import { entropy, gini, mse } from "./impurity";
import type { Presorted } from "./presort";

export type Criterion = "gini" | "entropy" | "mse";

/** Fully resolved settings for one tree (tree.ts turns the user's options into these). */
export interface GrowParams {
  criterion: Criterion;
  /** Number of classes; ignored for "mse". */
  nClasses: number;
  /** Infinity for no limit. The root has depth 0. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Features tried per split, 1..cols (already resolved from "sqrt" etc.). */
  maxFeatures: number;
  seed: number;
}

/**
 * The fitted tree as parallel flat arrays, one entry per node (like scikit-learn's tree_). Compact to store and fast
 * to walk: predicting is `while (feature[i] >= 0) i = x[feature[i]] <= threshold[i] ? left[i] : right[i]`.
 */
export interface TreeNodes {
  readonly nodeCount: number;
  /** Numbers per node in `value`: the number of classes, or 1 for regression. */
  readonly nOutputs: number;
  /** Feature index tested at the node, -1 at a leaf. */
  readonly feature: Int32Array;
  /** Rows with x[feature] <= threshold go left. 0 at a leaf. */
  readonly threshold: Float64Array;
  /** Child node ids, -1 at a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** value[node * nOutputs + k]: weighted class counts (classification) or the mean of y (regression). */
  readonly value: Float64Array;
  /** Impurity of the node (gini, entropy in bits, or mse). */
  readonly impurity: Float64Array;
  /** Weighted number of training rows that reached the node. */
  readonly samples: Float64Array;
}

class NodeBuffer {
  count = 0;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  impurity: Float64Array;
  samples: Float64Array;

  constructor(
    readonly nOutputs: number,
    private capacity = 64,
  ) {
    this.feature = new Int32Array(capacity).fill(-1);
    this.threshold = new Float64Array(capacity);
    this.left = new Int32Array(capacity).fill(-1);
    this.right = new Int32Array(capacity).fill(-1);
    this.value = new Float64Array(capacity * nOutputs);
    this.impurity = new Float64Array(capacity);
    this.samples = new Float64Array(capacity);
  }

  /** Append a leaf (split() may turn it into a split node later); returns its id. */
  add(value: Float64Array, impurity: number, samples: number): number {
    if (this.count === this.capacity) this.grow();
    const id = this.count++;
    this.value.set(value, id * this.nOutputs);
    this.impurity[id] = impurity;
    this.samples[id] = samples;
    return id;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const bigger = <T extends Int32Array | Float64Array>(a: T, size: number, fill: number): T => {
      const b = (a instanceof Int32Array ? new Int32Array(size) : new Float64Array(size)) as T;
      if (fill !== 0) b.fill(fill);
      b.set(a);
      return b;
    };
    this.feature = bigger(this.feature, cap, -1);
    this.threshold = bigger(this.threshold, cap, 0);
    this.left = bigger(this.left, cap, -1);
    this.right = bigger(this.right, cap, -1);
    this.value = bigger(this.value, cap * this.nOutputs, 0);
    this.impurity = bigger(this.impurity, cap, 0);
    this.samples = bigger(this.samples, cap, 0);
    this.capacity = cap;
  }

  finish(): TreeNodes {
    const n = this.count;
    return {
      nodeCount: n,
      nOutputs: this.nOutputs,
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      value: this.value.slice(0, n * this.nOutputs),
      impurity: this.impurity.slice(0, n),
      samples: this.samples.slice(0, n),
    };
  }
}

/** Entropy (bits) of counts summing to w, for the sweep: the same formula as impurity.ts without its checks. */
function entropyOf(counts: Float64Array, w: number): number {
  let h = 0;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k];
    if (c > 0) {
      const p = c / w;
      h -= p * Math.log2(p);
    }
  }
  return h;
}

/**
 * Grow a tree on presorted data. target: class indices (Int32Array) for gini/entropy, values (Float64Array) for mse.
 * weights: how often each row counts (0 = left out, as for out-of-bag rows); null means every row once.
 */
export function growTree(
  data: Presorted,
  target: Int32Array | Float64Array,
  weights: Float64Array | null,
  p: GrowParams,
): TreeNodes {
  const { rows: n, cols: d, rank, distinct } = data;
  const classify = p.criterion !== "mse";
  const nOut = classify ? p.nClasses : 1;
  const labels = classify ? (target as Int32Array) : new Int32Array(0);
  const y = classify ? new Float64Array(0) : (target as Float64Array);
  const w = weights ?? new Float64Array(n).fill(1);
  const useEntropy = p.criterion === "entropy";
  const { maxDepth, minSamplesSplit, minSamplesLeaf: minLeaf, maxFeatures: mtry } = p;

  // Rows in this tree (weight > 0); each node owns a slice of idx.
  const idx = new Int32Array(n);
  let m0 = 0;
  for (let i = 0; i < n; i++) if (w[i] > 0) idx[m0++] = i;
  if (m0 === 0) throw new Error("growTree: every row has weight 0, there is nothing to learn from.");

  const keys = new Float64Array(m0);
  const featureOrder = new Int32Array(d);
  for (let j = 0; j < d; j++) featureOrder[j] = j;
  const rng = mulberry32(p.seed);
  const out = new NodeBuffer(nOut);
  const tot = new Float64Array(nOut); // class counts of the node (or [mean] for regression)
  const lc = new Float64Array(nOut); // class counts left of the threshold during a sweep
  const rc = new Float64Array(nOut); // ... and right of it

  // Depth-first stack of pending nodes: (start, end, depth, parent id, 1 if left child of parent).
  const stack: number[] = [0, m0, 0, -1, 0];
  while (stack.length > 0) {
    const isLeft = stack.pop()!;
    const parent = stack.pop()!;
    const depth = stack.pop()!;
    const end = stack.pop()!;
    const start = stack.pop()!;
    const m = end - start;

    // ---- node statistics -------------------------------------------------------------------------------------
    let wN = 0;
    let sumY = 0;
    let impurity: number;
    let pure: boolean;
    if (classify) {
      tot.fill(0);
      for (let k = start; k < end; k++) {
        const s = idx[k];
        tot[labels[s]] += w[s];
      }
      let nonEmpty = 0;
      for (let c = 0; c < nOut; c++) {
        wN += tot[c];
        if (tot[c] > 0) nonEmpty++;
      }
      pure = nonEmpty <= 1;
      impurity = useEntropy ? entropy(tot) : gini(tot);
    } else {
      let sumY2 = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let k = start; k < end; k++) {
        const s = idx[k];
        const ws = w[s];
        const v = y[s];
        wN += ws;
        sumY += ws * v;
        sumY2 += ws * v * v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      // "All y equal" rather than "mse < epsilon": sumY2/w - mean^2 cancels badly when y is large.
      pure = lo === hi;
      impurity = pure ? 0 : mse(wN, sumY, sumY2);
      tot[0] = sumY / wN;
    }
    const id = out.add(tot, impurity, wN);
    if (parent >= 0) (isLeft ? out.left : out.right)[parent] = id;

    if (pure || depth >= maxDepth || wN < minSamplesSplit || wN < 2 * minLeaf) continue;

    // ---- split search ----------------------------------------------------------------------------------------
    let sumSqTot = 0;
    for (let c = 0; c < nOut; c++) sumSqTot += tot[c] * tot[c];
    let bestScore = Number.NEGATIVE_INFINITY;
    let bestF = -1;
    let bestRank = 0;
    let bestNext = 0;
    let visited = 0;
    // Draw features without replacement (a Fisher-Yates shuffle done lazily). As in scikit-learn, a feature that is
    // constant in this node does not count towards maxFeatures: the search keeps drawing.
    for (let q = 0; q < d && visited < mtry; q++) {
      const pick = q + Math.floor(rng() * (d - q));
      const f = featureOrder[pick];
      featureOrder[pick] = featureOrder[q];
      featureOrder[q] = f;

      const off = f * n;
      for (let k = 0; k < m; k++) {
        const s = idx[start + k];
        keys[k] = rank[off + s] * n + s;
      }
      keys.subarray(0, m).sort();
      let r = Math.floor(keys[0] / n);
      if (r === Math.floor(keys[m - 1] / n)) continue; // constant here
      visited++;

      // Score of a split, higher is better. For gini, the children's weighted impurity is
      // wL (1 - sqL/wL^2) + wR (1 - sqR/wR^2) = wN - (sqL/wL + sqR/wR), so maximising sqL/wL + sqR/wR minimises it.
      // For mse likewise: maximise sumL^2/wL + sumR^2/wR. For entropy the score is minus the weighted entropy.
      let wL = 0;
      let wR = wN;
      if (classify) {
        lc.fill(0);
        rc.set(tot);
        let sqL = 0;
        let sqR = sumSqTot;
        for (let k = 0; k < m - 1; k++) {
          const s = keys[k] - r * n;
          const c = labels[s];
          const ws = w[s];
          const a = lc[c];
          sqL += ws * (2 * a + ws);
          lc[c] = a + ws;
          const b = rc[c];
          sqR += ws * (ws - 2 * b);
          rc[c] = b - ws;
          wL += ws;
          wR -= ws;
          const next = Math.floor(keys[k + 1] / n);
          if (next === r) continue; // same value as the next row: no threshold between them
          const here = r;
          r = next;
          if (wL < minLeaf) continue;
          if (wR < minLeaf) break; // wR only shrinks from here on
          const score = useEntropy ? -(wL * entropyOf(lc, wL) + wR * entropyOf(rc, wR)) : sqL / wL + sqR / wR;
          if (score > bestScore) {
            bestScore = score;
            bestF = f;
            bestRank = here;
            bestNext = next;
          }
        }
      } else {
        let sL = 0;
        let sR = sumY;
        for (let k = 0; k < m - 1; k++) {
          const s = keys[k] - r * n;
          const ws = w[s];
          const v = ws * y[s];
          sL += v;
          sR -= v;
          wL += ws;
          wR -= ws;
          const next = Math.floor(keys[k + 1] / n);
          if (next === r) continue;
          const here = r;
          r = next;
          if (wL < minLeaf) continue;
          if (wR < minLeaf) break;
          const score = (sL * sL) / wL + (sR * sR) / wR;
          if (score > bestScore) {
            bestScore = score;
            bestF = f;
            bestRank = here;
            bestNext = next;
          }
        }
      }
    }
    if (bestF < 0) continue; // no allowed split: the node stays a leaf

    // Midpoint between the two distinct values; if rounding lands it on the upper value, use the lower one, so that
    // "x <= threshold goes left" sends exactly the rows with rank <= bestRank left.
    const lo = distinct[bestF][bestRank];
    const hi = distinct[bestF][bestNext];
    let threshold = lo / 2 + hi / 2;
    if (!(threshold < hi)) threshold = lo;
    out.feature[id] = bestF;
    out.threshold[id] = threshold;

    // Partition the slice: rows going left first. Comparing ranks (not values) cannot disagree with the search.
    const off = bestF * n;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (rank[off + idx[i]] <= bestRank) i++;
      else {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        j--;
      }
    }
    // Push right first so the left child is processed (and numbered) next.
    stack.push(i, end, depth + 1, id, 0);
    stack.push(start, i, depth + 1, id, 1);
  }
  return out.finish();
}
