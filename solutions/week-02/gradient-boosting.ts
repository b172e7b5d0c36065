// Reference solution for exercises/week-02/gradient-boosting.ts.

export type RegressionNode =
  | { kind: "leaf"; value: number }
  | { kind: "split"; feature: number; threshold: number; left: RegressionNode; right: RegressionNode };

export interface RegressionTreeOptions {
  maxDepth: number;
  minSamplesLeaf?: number;
}

export interface BoostingOptions {
  nEstimators: number;
  learningRate: number;
  maxDepth: number;
  minSamplesLeaf?: number;
}

export interface BoostedModel {
  init: number;
  learningRate: number;
  trees: RegressionNode[];
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function checkXy(X: number[][], y: number[], what: string): void {
  if (X.length === 0) throw new Error(`${what}: empty input (no rows)`);
  if (X.length !== y.length) throw new Error(`${what}: X has ${X.length} rows but y has length ${y.length}`);
}

/** The split of `rows` that most reduces the sum of squared errors around each side's mean, or null. */
function bestSseSplit(X: number[][], y: number[], rows: number[], minLeaf: number) {
  const n = rows.length;
  let totalSum = 0;
  for (const i of rows) totalSum += y[i];
  let best: { feature: number; threshold: number; gain: number } | null = null;
  const order = rows.slice();
  for (let feature = 0; feature < X[0].length; feature++) {
    order.sort((a, b) => X[a][feature] - X[b][feature]);
    // SSE = Σy² - (Σy)²/n on each side; Σy² is the same for every split, so maximise (ΣL)²/nL + (ΣR)²/nR.
    let leftSum = 0;
    for (let k = 0; k < n - 1; k++) {
      leftSum += y[order[k]];
      const here = X[order[k]][feature];
      const next = X[order[k + 1]][feature];
      if (here === next) continue;
      const nLeft = k + 1;
      const nRight = n - nLeft;
      if (nLeft < minLeaf || nRight < minLeaf) continue;
      const rightSum = totalSum - leftSum;
      const gain = (leftSum * leftSum) / nLeft + (rightSum * rightSum) / nRight - (totalSum * totalSum) / n;
      if (best === null || gain > best.gain + 1e-12) best = { feature, threshold: (here + next) / 2, gain };
    }
  }
  return best;
}

export function fitRegressionTree(X: number[][], y: number[], opts: RegressionTreeOptions): RegressionNode {
  checkXy(X, y, "fitRegressionTree");
  const minLeaf = opts.minSamplesLeaf ?? 1;
  const grow = (rows: number[], depth: number): RegressionNode => {
    const value = mean(rows.map((i) => y[i]));
    if (depth >= opts.maxDepth || rows.length < 2 * minLeaf) return { kind: "leaf", value };
    const split = bestSseSplit(X, y, rows, minLeaf);
    if (split === null || split.gain <= 0) return { kind: "leaf", value };
    return {
      kind: "split",
      feature: split.feature,
      threshold: split.threshold,
      left: grow(
        rows.filter((i) => X[i][split.feature] <= split.threshold),
        depth + 1,
      ),
      right: grow(
        rows.filter((i) => X[i][split.feature] > split.threshold),
        depth + 1,
      ),
    };
  };
  return grow(
    X.map((_, i) => i),
    0,
  );
}

export function predictRegressionTree(tree: RegressionNode, X: number[][]): number[] {
  return X.map((row) => {
    let at = tree;
    while (at.kind === "split") at = row[at.feature] <= at.threshold ? at.left : at.right;
    return at.value;
  });
}

export function fitGradientBoosting(
  X: number[][],
  y: number[],
  opts: BoostingOptions,
): { model: BoostedModel; trainLoss: number[] } {
  checkXy(X, y, "fitGradientBoosting");
  if (!(opts.learningRate > 0)) throw new Error(`learningRate must be > 0, got ${opts.learningRate}`);
  if (!(Number.isInteger(opts.nEstimators) && opts.nEstimators >= 0)) {
    throw new Error(`nEstimators must be a whole number >= 0, got ${opts.nEstimators}`);
  }
  const init = mean(y);
  const current = y.map(() => init);
  const trees: RegressionNode[] = [];
  const trainLoss: number[] = [];
  for (let m = 0; m < opts.nEstimators; m++) {
    // For squared error, the negative gradient of ½(y - F)² with respect to F is exactly the residual y - F.
    const residuals = y.map((v, i) => v - current[i]);
    const tree = fitRegressionTree(X, residuals, { maxDepth: opts.maxDepth, minSamplesLeaf: opts.minSamplesLeaf });
    const step = predictRegressionTree(tree, X);
    let sse = 0;
    for (let i = 0; i < y.length; i++) {
      current[i] += opts.learningRate * step[i];
      sse += (y[i] - current[i]) ** 2;
    }
    trees.push(tree);
    trainLoss.push(sse / y.length);
  }
  return { model: { init, learningRate: opts.learningRate, trees }, trainLoss };
}

export function predictBoosting(model: BoostedModel, X: number[][]): number[] {
  const out = X.map(() => model.init);
  for (const tree of model.trees) {
    predictRegressionTree(tree, X).forEach((v, i) => {
      out[i] += model.learningRate * v;
    });
  }
  return out;
}
