/**
 * The week-2 checkpoint's model format, read by the API: a forest that YOUR exercises trained (trainForest in
 * exercises/week-02/random-forest.ts) and saved (saveForest in exercises/week-02/save-forest.ts). The API never
 * imports the exercises (capstone/src depends on src/ only); it reads the FORMAT they write, which the stub of
 * save-forest.ts documents:
 *
 *   { "format": "week2-forest", "version": 1, "featureNames": [...], "classNames": [...], "nFeatures": 30,
 *     "nClasses": 2, "trees": [ node, ... ] }
 *   node = { "kind": "leaf", "prediction": c, "counts": [...] }
 *        | { "kind": "split", "feature": j, "threshold": t, "left": node, "right": node }
 *
 * The forest votes: each tree's leaf says one class (its `prediction`), a row goes left when row[j] <= t, and the
 * answer is the class with the most votes, a tie going to the smaller class index (predictForest's rule). The API
 * serves probabilities, so it reports the vote shares (votes / trees): their argmax is exactly predictForest's class.
 *
 *   const forest = readWeek2Forest(artifact.model);        // throws ArtifactError("invalid", ...) naming the problem
 *   const predict = compileWeek2Forest(forest);             // n rows packed row-major -> n x classes vote shares
 */
import { ArtifactError } from "../../src/ml/artifact";

export const WEEK2_FORMAT = "week2-forest";
export const WEEK2_VERSION = 1;

export interface Week2Leaf {
  kind: "leaf";
  prediction: number;
  counts: number[];
}
export interface Week2Split {
  kind: "split";
  feature: number;
  threshold: number;
  left: Week2Node;
  right: Week2Node;
}
export type Week2Node = Week2Leaf | Week2Split;

export interface Week2Forest {
  format: typeof WEEK2_FORMAT;
  version: typeof WEEK2_VERSION;
  featureNames: string[];
  classNames: string[];
  nFeatures: number;
  nClasses: number;
  trees: Week2Node[];
}

const isIndex = (v: unknown, below: number): v is number =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < below;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/** Checks every node iteratively (a deep tree must not overflow the stack), naming the first bad one. */
function checkTree(root: unknown, nFeatures: number, nClasses: number, where: string): void {
  const stack: [unknown, string][] = [[root, where]];
  while (stack.length > 0) {
    const [node, at] = stack.pop() as [unknown, string];
    const n = node as Record<string, unknown> | null;
    if (n?.kind === "leaf") {
      if (!isIndex(n.prediction, nClasses)) throw invalid(`${at}.prediction is not a class index below ${nClasses}`);
    } else if (n?.kind === "split") {
      if (!isIndex(n.feature, nFeatures)) throw invalid(`${at}.feature is not a feature index below ${nFeatures}`);
      if (typeof n.threshold !== "number" || !Number.isFinite(n.threshold)) {
        throw invalid(`${at}.threshold is not a finite number`);
      }
      stack.push([n.right, `${at}.right`], [n.left, `${at}.left`]);
    } else {
      throw invalid(`${at} is neither a leaf nor a split node`);
    }
  }
}

const invalid = (why: string) => new ArtifactError("invalid", `the week2-forest payload is invalid: ${why}.`);

/** The payload of a "week2-forest" artifact, checked before anything trusts it. */
export function readWeek2Forest(payload: unknown): Week2Forest {
  const p = payload as Record<string, unknown> | null;
  if (p === null || typeof p !== "object") throw invalid("it is not an object");
  if (p.format !== WEEK2_FORMAT) throw invalid(`format is ${JSON.stringify(p.format)}, expected "${WEEK2_FORMAT}"`);
  if (p.version !== WEEK2_VERSION) {
    throw invalid(`version ${JSON.stringify(p.version)} is not supported (this API reads version ${WEEK2_VERSION})`);
  }
  const { featureNames, classNames, nFeatures, nClasses, trees } = p;
  if (!isStrings(featureNames) || !isStrings(classNames)) throw invalid("featureNames and classNames must be strings");
  if (!Number.isInteger(nFeatures) || featureNames.length !== nFeatures) {
    throw invalid(`nFeatures ${JSON.stringify(nFeatures)} for ${featureNames.length} featureNames`);
  }
  if (!Number.isInteger(nClasses) || classNames.length !== nClasses || classNames.length < 2) {
    throw invalid(`nClasses ${JSON.stringify(nClasses)} for ${classNames.length} classNames (a classifier needs 2+)`);
  }
  if (!Array.isArray(trees) || trees.length === 0) throw invalid("trees is missing or empty");
  trees.forEach((tree, t) => {
    checkTree(tree, nFeatures as number, nClasses as number, `trees[${t}]`);
  });
  return p as unknown as Week2Forest;
}

/**
 * The forest as one predict function over packed rows: the trees are flattened into typed arrays once (a row walks
 * numbers, not objects), and each row's vote shares are written to a new Float64Array (row r, class c at r * k + c).
 */
export function compileWeek2Forest(forest: Week2Forest): (values: ArrayLike<number>, n: number) => Float64Array {
  const feature: number[] = []; // -1 marks a leaf
  const threshold: number[] = [];
  const left: number[] = []; // for a leaf: its class
  const right: number[] = [];
  const roots: number[] = [];
  for (const tree of forest.trees) {
    roots.push(feature.length);
    // Pre-order with an explicit stack; children get their ids when they are reached.
    const stack: [Week2Node, number][] = [];
    const add = (node: Week2Node): number => {
      const id = feature.length;
      feature.push(node.kind === "leaf" ? -1 : node.feature);
      threshold.push(node.kind === "leaf" ? 0 : node.threshold);
      left.push(node.kind === "leaf" ? node.prediction : -1);
      right.push(-1);
      if (node.kind === "split") stack.push([node, id]);
      return id;
    };
    add(tree);
    while (stack.length > 0) {
      const [node, id] = stack.pop() as [Week2Split, number];
      left[id] = add(node.left);
      right[id] = add(node.right);
    }
  }
  const f = Int32Array.from(feature);
  const th = Float64Array.from(threshold);
  const l = Int32Array.from(left);
  const r = Int32Array.from(right);
  const d = forest.nFeatures;
  const k = forest.nClasses;
  const nTrees = roots.length;
  return (values, n) => {
    if (values.length !== n * d) throw new Error(`expected ${n} rows x ${d} features, got ${values.length} values.`);
    const out = new Float64Array(n * k);
    for (let row = 0; row < n; row++) {
      const base = row * d;
      for (let t = 0; t < nTrees; t++) {
        let i = roots[t];
        while (f[i] >= 0) i = values[base + f[i]] <= th[i] ? l[i] : r[i];
        out[row * k + l[i]] += 1;
      }
      for (let c = 0; c < k; c++) out[row * k + c] /= nTrees;
    }
    return out;
  };
}
