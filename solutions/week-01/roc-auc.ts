// Reference solution for exercises/week-01/roc-auc.ts.
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
}

export function rocCurve(yTrue: readonly number[], scores: readonly number[]): RocCurve {
  const n = yTrue.length;
  if (n === 0) throw new Error("rocCurve: empty input");
  if (n !== scores.length) throw new Error(`rocCurve: length mismatch (${n} labels, ${scores.length} scores)`);
  let positives = 0;
  for (const label of yTrue) {
    if (label !== 0 && label !== 1) throw new Error(`rocCurve: every label must be 0 or 1, got ${label}`);
    positives += label;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    throw new Error("rocCurve: yTrue must contain both classes (0 and 1); with one class the ROC curve is undefined");
  }

  // Visit the examples from the highest score down. Lowering the threshold past a score turns every example with
  // that score positive at once, so we only record a point after the last example of each run of equal scores.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Number.POSITIVE_INFINITY];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (yTrue[i] === 1) tp++;
    else fp++;
    const last = k === n - 1 || scores[order[k + 1]] !== scores[i];
    if (last) {
      fpr.push(fp / negatives);
      tpr.push(tp / positives);
      thresholds.push(scores[i]);
    }
  }
  return { fpr, tpr, thresholds };
}

export function auc(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`auc: length mismatch (${x.length} x values, ${y.length} y values)`);
  if (x.length < 2) throw new Error(`auc: need at least two points, got ${x.length}`);
  let area = 0;
  for (let k = 0; k + 1 < x.length; k++) area += ((x[k + 1] - x[k]) * (y[k] + y[k + 1])) / 2;
  return area;
}
