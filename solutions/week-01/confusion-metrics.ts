// Reference solution for exercises/week-01/confusion-metrics.ts.

function checkInput(yTrue: readonly number[], yPred: readonly number[], what: string): void {
  if (yTrue.length === 0) throw new Error(`${what}: empty input`);
  if (yTrue.length !== yPred.length) {
    throw new Error(`${what}: length mismatch (${yTrue.length} true labels, ${yPred.length} predictions)`);
  }
}

/** a / b, or 0 when b is 0 (scikit-learn's zero_division=0). */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[], nClasses: number): number[][] {
  checkInput(yTrue, yPred, "confusionMatrix");
  const counts = Array.from({ length: nClasses }, () => new Array<number>(nClasses).fill(0));
  const valid = (c: number) => Number.isInteger(c) && c >= 0 && c < nClasses;
  for (let i = 0; i < yTrue.length; i++) {
    if (!valid(yTrue[i]) || !valid(yPred[i])) {
      throw new Error(
        `confusionMatrix: label out of range at position ${i} (true ${yTrue[i]}, predicted ${yPred[i]}); expected 0..${nClasses - 1}`,
      );
    }
    counts[yTrue[i]][yPred[i]]++;
  }
  return counts;
}

/** True positives, false positives and false negatives for one class against all the others. */
function counts(yTrue: readonly number[], yPred: readonly number[], positive: number, what: string) {
  checkInput(yTrue, yPred, what);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const actual = yTrue[i] === positive;
    const predicted = yPred[i] === positive;
    if (actual && predicted) tp++;
    else if (predicted) fp++;
    else if (actual) fn++;
  }
  return { tp, fp, fn };
}

export function precision(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  const { tp, fp } = counts(yTrue, yPred, positive, "precision");
  return ratio(tp, tp + fp);
}

export function recall(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  const { tp, fn } = counts(yTrue, yPred, positive, "recall");
  return ratio(tp, tp + fn);
}

export function f1(yTrue: readonly number[], yPred: readonly number[], positive = 1): number {
  const p = precision(yTrue, yPred, positive);
  const r = recall(yTrue, yPred, positive);
  return ratio(2 * p * r, p + r);
}

export function macroF1(yTrue: readonly number[], yPred: readonly number[], nClasses: number): number {
  checkInput(yTrue, yPred, "macroF1");
  let sum = 0;
  for (let c = 0; c < nClasses; c++) sum += f1(yTrue, yPred, c);
  return sum / nClasses;
}
