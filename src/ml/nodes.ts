/**
 * What can be read off a fitted tree's flat node arrays: the leaf a row lands in, leaf probabilities, depth,
 * feature importances, and the plain-JSON form that artifacts store. Shared by DecisionTree and RandomForest.
 */
import type { TreeNodes } from "./grow";
import { type ColumnMajor, toColumnMajor } from "./matrix";

/** The JSON form of TreeNodes: plain number arrays, so JSON.stringify / parse give back the exact same doubles. */
export interface NodesJSON {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  impurity: number[];
  samples: number[];
}

function checkRow(row: ArrayLike<number>, nFeatures: number): void {
  if (row.length !== nFeatures) {
    throw new Error(`a row has ${row.length} features but the model was trained on ${nFeatures}.`);
  }
}

/** Id of the leaf that `row` reaches. */
export function leafOfRow(t: TreeNodes, row: ArrayLike<number>): number {
  const { feature, threshold, left, right } = t;
  let i = 0;
  while (feature[i] >= 0) {
    const v = row[feature[i]];
    // NaN (or a missing value) would compare false and always go right: a silently wrong answer, so refuse it.
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new Error(`feature ${feature[i]} is ${v}: models need every feature as a number.`);
    }
    i = v <= threshold[i] ? left[i] : right[i];
  }
  return i;
}

/** Id of the leaf that row `r` of a column-major table reaches. */
export function leafOfColumnRow(t: TreeNodes, X: ColumnMajor, r: number): number {
  const { feature, threshold, left, right } = t;
  const { values, rows } = X;
  let i = 0;
  while (feature[i] >= 0) {
    i = values[feature[i] * rows + r] <= threshold[i] ? left[i] : right[i];
  }
  return i;
}

/** Calls visit(rowIndex, leafId) for every row of X, whichever layout X has. */
export function forEachLeaf(
  t: TreeNodes,
  nFeatures: number,
  X: readonly ArrayLike<number>[] | ColumnMajor,
  visit: (row: number, leaf: number) => void,
): void {
  if (Array.isArray(X)) {
    const rows = X as readonly ArrayLike<number>[];
    for (let r = 0; r < rows.length; r++) {
      checkRow(rows[r], nFeatures);
      visit(r, leafOfRow(t, rows[r]));
    }
    return;
  }
  const cm = toColumnMajor(X as ColumnMajor); // checks the shape and that every value is finite
  if (cm.cols !== nFeatures) throw new Error(`X has ${cm.cols} features but the model was trained on ${nFeatures}.`);
  for (let r = 0; r < cm.rows; r++) visit(r, leafOfColumnRow(t, cm, r));
}

/** Class fractions per node (counts / total): what predictProba returns at a leaf. */
export function nodeProbabilities(t: TreeNodes): Float64Array {
  const { nodeCount, nOutputs, value } = t;
  const proba = new Float64Array(value.length);
  for (let i = 0; i < nodeCount; i++) {
    let total = 0;
    for (let k = 0; k < nOutputs; k++) total += value[i * nOutputs + k];
    for (let k = 0; k < nOutputs; k++) proba[i * nOutputs + k] = total > 0 ? value[i * nOutputs + k] / total : 0;
  }
  return proba;
}

/** The most frequent class at each node; ties go to the lowest class index, as in scikit-learn. */
export function nodeClasses(t: TreeNodes): Int32Array {
  const { nodeCount, nOutputs, value } = t;
  const cls = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    let best = 0;
    for (let k = 1; k < nOutputs; k++) if (value[i * nOutputs + k] > value[i * nOutputs + best]) best = k;
    cls[i] = best;
  }
  return cls;
}

/** Length of the longest root-to-leaf path (a single leaf has depth 0). */
export function treeDepth(t: TreeNodes): number {
  const depth = new Int32Array(t.nodeCount);
  let max = 0;
  // Children always have larger ids than their parent (pre-order), so one forward pass sees parents first.
  for (let i = 0; i < t.nodeCount; i++) {
    if (t.feature[i] >= 0) {
      depth[t.left[i]] = depth[i] + 1;
      depth[t.right[i]] = depth[i] + 1;
      if (depth[i] + 1 > max) max = depth[i] + 1;
    }
  }
  return max;
}

/**
 * Mean decrease in impurity: each split adds (weighted impurity of the node - weighted impurity of its children) to
 * its feature. Normalised to sum to 1 (all zeros for a tree with no split). Biased towards features with many distinct
 * values; permutation importance on held-out data is the check against that.
 */
export function impurityImportances(t: TreeNodes, nFeatures: number): number[] {
  const imp = new Float64Array(nFeatures);
  const { feature, left, right, impurity, samples } = t;
  for (let i = 0; i < t.nodeCount; i++) {
    const f = feature[i];
    if (f < 0) continue;
    const l = left[i];
    const r = right[i];
    imp[f] += samples[i] * impurity[i] - samples[l] * impurity[l] - samples[r] * impurity[r];
  }
  let total = 0;
  for (let j = 0; j < nFeatures; j++) total += imp[j];
  return Array.from(imp, (v) => (total > 0 ? v / total : 0));
}

export function nodesToJSON(t: TreeNodes): NodesJSON {
  return {
    feature: Array.from(t.feature),
    threshold: Array.from(t.threshold),
    left: Array.from(t.left),
    right: Array.from(t.right),
    value: Array.from(t.value),
    impurity: Array.from(t.impurity),
    samples: Array.from(t.samples),
  };
}

/**
 * Rebuild TreeNodes from JSON, checking the structure a prediction relies on: equal lengths, children that exist
 * and come after their parent (so walking the tree always ends), features in range. `where` names the tree in errors.
 */
export function nodesFromJSON(json: NodesJSON, nOutputs: number, nFeatures: number, where: string): TreeNodes {
  const n = json.feature.length;
  if (n === 0) throw new Error(`${where} has no nodes.`);
  for (const key of ["threshold", "left", "right", "impurity", "samples"] as const) {
    if (json[key].length !== n) throw new Error(`${where}: ${key} has ${json[key].length} entries, feature has ${n}.`);
  }
  if (json.value.length !== n * nOutputs) {
    throw new Error(`${where}: value has ${json.value.length} entries, expected ${n} nodes x ${nOutputs} outputs.`);
  }
  for (let i = 0; i < n; i++) {
    const f = json.feature[i];
    if (f === -1) continue;
    const l = json.left[i];
    const r = json.right[i];
    if (!Number.isInteger(f) || f < 0 || f >= nFeatures) throw new Error(`${where}: node ${i} tests feature ${f}.`);
    if (!(l > i && l < n && r > i && r < n)) throw new Error(`${where}: node ${i} has children ${l}, ${r}.`);
  }
  return {
    nodeCount: n,
    nOutputs,
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold),
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    value: Float64Array.from(json.value),
    impurity: Float64Array.from(json.impurity),
    samples: Float64Array.from(json.samples),
  };
}
