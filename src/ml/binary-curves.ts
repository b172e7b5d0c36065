// Counts of a binary classifier at every threshold, the table that the ROC curve, the precision-recall trade-off
// and the confusion matrix at any one threshold are all read from (scikit-learn's _binary_clf_curve does the same).
// The notebooks draw these reference curves before the learner writes their own.

export interface ThresholdCounts {
  /** Distinct scores, descending; row k predicts positive when score >= thresholds[k]. */
  thresholds: number[];
  tp: number[];
  fp: number[];
  /** All positives (P) and negatives (N) in the labels. */
  positives: number;
  negatives: number;
}

/** TP and FP at each distinct score used as the threshold. Tied scores change class together (one step). */
export function thresholdCounts(yTrue: readonly number[], scores: readonly number[]): ThresholdCounts {
  if (yTrue.length !== scores.length)
    throw new Error(`thresholdCounts: ${yTrue.length} labels, ${scores.length} scores`);
  if (yTrue.some((v) => v !== 0 && v !== 1)) throw new Error("thresholdCounts: labels must be 0 or 1");
  if (scores.some((s) => Number.isNaN(s))) throw new Error("thresholdCounts: a score is NaN");
  const byScore = new Map<number, [number, number]>(); // score -> [positives, negatives] with that score
  yTrue.forEach((label, i) => {
    const cell = byScore.get(scores[i]) ?? [0, 0];
    cell[label === 1 ? 0 : 1]++;
    byScore.set(scores[i], cell);
  });
  const thresholds = [...byScore.keys()].sort((a, b) => b - a);
  const tp: number[] = [];
  const fp: number[] = [];
  let [t, f] = [0, 0];
  for (const s of thresholds) {
    const [pos, neg] = byScore.get(s) as [number, number];
    t += pos;
    f += neg;
    tp.push(t);
    fp.push(f);
  }
  return { thresholds, tp, fp, positives: t, negatives: f };
}

/** ROC points from (0, 0) (threshold +∞) to (1, 1); both classes must be present. */
export function rocPoints(yTrue: readonly number[], scores: readonly number[]): { fpr: number[]; tpr: number[] } {
  const c = thresholdCounts(yTrue, scores);
  if (c.positives === 0 || c.negatives === 0) throw new Error("rocPoints: the ROC curve needs both classes");
  return { fpr: [0, ...c.fp.map((v) => v / c.negatives)], tpr: [0, ...c.tp.map((v) => v / c.positives)] };
}

/** The confusion matrix [[TN, FP], [FN, TP]] (rows: truth, columns: prediction) when flagging score >= threshold. */
export function confusionAt(counts: ThresholdCounts, threshold: number): number[][] {
  let k = -1;
  while (k + 1 < counts.thresholds.length && counts.thresholds[k + 1] >= threshold) k++;
  const tp = k < 0 ? 0 : counts.tp[k];
  const fp = k < 0 ? 0 : counts.fp[k];
  return [
    [counts.negatives - fp, fp],
    [counts.positives - tp, tp],
  ];
}
