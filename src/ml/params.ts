/**
 * Checking and resolving the options shared by DecisionTree and RandomForest, with errors that say what is allowed.
 * Kept apart from the models so both read their options the same way.
 */
import type { Criterion, GrowParams } from "./grow";

export type Task = "classification" | "regression";
/** Features tried at each split: sqrt(d), log2(d), all d, or an exact count between 1 and d. */
export type MaxFeatures = "sqrt" | "log2" | "all" | number;

export interface TreeOptions {
  /** "classification" (default): y holds class indices 0, 1, ...; "regression": y holds numbers. */
  task?: Task;
  /** Split quality: "gini" (default) or "entropy" for classification; "mse" (the only one) for regression. */
  criterion?: Criterion;
  /** Deepest allowed node (root = depth 0). null or undefined: grow until leaves are pure or too small. */
  maxDepth?: number | null;
  /** A node needs at least this many (weighted) rows to be split. Default 2. */
  minSamplesSplit?: number;
  /** Each child of a split must keep at least this many (weighted) rows. Default 1. */
  minSamplesLeaf?: number;
  /** Features tried per split. Default "all" for a single tree. */
  maxFeatures?: MaxFeatures;
  /** Seed for the feature draws, so a fit repeats exactly. Default 42. */
  seed?: number;
}

/** The options after defaults, as stored in a model (JSON-friendly: an unlimited depth is null). */
export interface TreeParams {
  task: Task;
  criterion: Criterion;
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: MaxFeatures;
  seed: number;
}

function integerAtLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${value}.`);
  return value;
}

export function resolveTreeParams(o: TreeOptions, defaultMaxFeatures: MaxFeatures): TreeParams {
  const task = o.task ?? "classification";
  if (task !== "classification" && task !== "regression") {
    throw new Error(`task must be "classification" or "regression", got "${task}".`);
  }
  const criterion = o.criterion ?? (task === "classification" ? "gini" : "mse");
  const allowed = task === "classification" ? ["gini", "entropy"] : ["mse"];
  if (!allowed.includes(criterion)) {
    throw new Error(`criterion "${criterion}" does not fit task "${task}": use ${allowed.join(" or ")}.`);
  }
  const maxDepth = o.maxDepth ?? null;
  if (maxDepth !== null && maxDepth !== Number.POSITIVE_INFINITY) integerAtLeast("maxDepth", maxDepth, 0);
  const maxFeatures = o.maxFeatures ?? defaultMaxFeatures;
  if (typeof maxFeatures === "number") integerAtLeast("maxFeatures (a count of features)", maxFeatures, 1);
  else if (!["sqrt", "log2", "all"].includes(maxFeatures)) {
    throw new Error(`maxFeatures must be "sqrt", "log2", "all" or a whole number of features, got "${maxFeatures}".`);
  }
  return {
    task,
    criterion,
    maxDepth: maxDepth === Number.POSITIVE_INFINITY ? null : maxDepth,
    minSamplesSplit: integerAtLeast("minSamplesSplit", o.minSamplesSplit ?? 2, 2),
    minSamplesLeaf: integerAtLeast("minSamplesLeaf", o.minSamplesLeaf ?? 1, 1),
    maxFeatures,
    seed: integerAtLeast("seed", o.seed ?? 42, 0),
  };
}

/** The number of features tried per split, for data with d features. */
export function resolveMaxFeatures(m: MaxFeatures, d: number): number {
  if (m === "all") return d;
  if (m === "sqrt") return Math.max(1, Math.floor(Math.sqrt(d)));
  if (m === "log2") return Math.max(1, Math.floor(Math.log2(d)));
  if (m > d) throw new Error(`maxFeatures is ${m} but the data has only ${d} features.`);
  return m;
}

export function growParams(p: TreeParams, nFeatures: number, nClasses: number, seed: number): GrowParams {
  return {
    criterion: p.criterion,
    nClasses,
    maxDepth: p.maxDepth ?? Number.POSITIVE_INFINITY,
    minSamplesSplit: p.minSamplesSplit,
    minSamplesLeaf: p.minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(p.maxFeatures, nFeatures),
    seed,
  };
}

/**
 * y as the typed array the tree grower wants, checked: class indices 0..nClasses-1 for classification (nClasses is
 * max(y) + 1 unless given, so a class missing from a small sample still gets its column), finite numbers otherwise.
 */
export function prepareTarget(
  y: ArrayLike<number>,
  task: Task,
  rows: number,
  nClasses?: number,
): { target: Int32Array | Float64Array; nClasses: number } {
  if (y.length !== rows) throw new Error(`X has ${rows} rows but y has ${y.length} values: they must match.`);
  if (task === "regression") {
    const target = Float64Array.from(y);
    const bad = target.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new Error(`y[${bad}] is ${y[bad]}: regression needs finite numbers.`);
    return { target, nClasses: 0 };
  }
  let max = 0;
  for (let i = 0; i < rows; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0) {
      throw new Error(`y[${i}] is ${v}: classification needs class indices 0, 1, 2, ... (use classNames for labels).`);
    }
    if (v > max) max = v;
  }
  const k = nClasses ?? max + 1;
  if (!Number.isInteger(k) || k < 1) throw new Error(`nClasses must be a positive integer, got ${k}.`);
  if (max >= k) throw new Error(`y holds class ${max} but nClasses is ${k}: classes must be 0..${k - 1}.`);
  return { target: Int32Array.from(y), nClasses: k };
}
