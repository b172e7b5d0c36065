// Reference solution for exercises/week-02/bias-variance-depth.ts.
import { trainTestSplit } from "../../src/data/split";
import { buildTree, predictTree } from "./tree-build";

export interface SweepOptions {
  seed?: number;
  testSize?: number;
  minSamplesLeaf?: number;
}

export interface DepthSweep {
  depths: number[];
  trainError: number[];
  testError: number[];
}

function errorRate(yTrue: number[], yPred: number[]): number {
  let wrong = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] !== yPred[i]) wrong++;
  return wrong / yTrue.length;
}

export function depthSweep(X: number[][], y: number[], depths: number[], opts: SweepOptions = {}): DepthSweep {
  if (X.length === 0) throw new Error("depthSweep: empty input (no rows)");
  if (depths.length === 0) throw new Error("depthSweep: depths is empty");
  // One split for every depth: comparing depths on different test sets would mix the depth's effect with the split's.
  const split = trainTestSplit(X, y, { testSize: opts.testSize ?? 0.3, seed: opts.seed ?? 42, stratify: true });
  const trainError: number[] = [];
  const testError: number[] = [];
  for (const maxDepth of depths) {
    const tree = buildTree(split.XTrain, split.yTrain, { maxDepth, minSamplesLeaf: opts.minSamplesLeaf });
    trainError.push(errorRate(split.yTrain, predictTree(tree, split.XTrain)));
    testError.push(errorRate(split.yTest, predictTree(tree, split.XTest)));
  }
  return { depths: depths.slice(), trainError, testError };
}

export function bestDepth(sweep: DepthSweep): number {
  let best = 0;
  for (let i = 1; i < sweep.depths.length; i++) {
    const e = sweep.testError[i];
    const eBest = sweep.testError[best];
    // On a tie the shallower (simpler) tree wins: it is as good on new data and easier to trust.
    if (e < eBest || (e === eBest && sweep.depths[i] < sweep.depths[best])) best = i;
  }
  return sweep.depths[best];
}
