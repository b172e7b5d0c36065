// Reference solution for exercises/week-01/losses.ts.
export const DEFAULT_EPS = 1e-15;

function checkLengths(yTrue: readonly number[], yPred: readonly number[], what: string): void {
  if (yTrue.length === 0) throw new Error(`${what}: empty input`);
  if (yTrue.length !== yPred.length) {
    throw new Error(`${what}: length mismatch (${yTrue.length} labels, ${yPred.length} predictions)`);
  }
}

export function mseLoss(yTrue: readonly number[], yPred: readonly number[]): number {
  checkLengths(yTrue, yPred, "mseLoss");
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += (yPred[i] - yTrue[i]) ** 2;
  return sum / yTrue.length;
}

export function mseLossGrad(yTrue: readonly number[], yPred: readonly number[]): number[] {
  checkLengths(yTrue, yPred, "mseLossGrad");
  const n = yTrue.length;
  return yPred.map((v, i) => (2 * (v - yTrue[i])) / n);
}

/** Validates 0/1 labels and probabilities, then returns the probabilities clipped into [eps, 1 - eps]. */
function clippedProbabilities(yTrue: readonly number[], p: readonly number[], eps: number, what: string): number[] {
  checkLengths(yTrue, p, what);
  return p.map((pi, i) => {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) throw new Error(`${what}: label ${yTrue[i]} at ${i}: labels must be 0 or 1`);
    if (!(pi >= 0 && pi <= 1)) throw new Error(`${what}: ${pi} at ${i} is not a probability in [0, 1]`);
    return Math.min(1 - eps, Math.max(eps, pi));
  });
}

export function binaryCrossEntropy(yTrue: readonly number[], p: readonly number[], eps = DEFAULT_EPS): number {
  const q = clippedProbabilities(yTrue, p, eps, "binaryCrossEntropy");
  let sum = 0;
  for (let i = 0; i < q.length; i++) sum -= yTrue[i] * Math.log(q[i]) + (1 - yTrue[i]) * Math.log(1 - q[i]);
  return sum / q.length;
}

export function binaryCrossEntropyGrad(yTrue: readonly number[], p: readonly number[], eps = DEFAULT_EPS): number[] {
  const q = clippedProbabilities(yTrue, p, eps, "binaryCrossEntropyGrad");
  const n = q.length;
  // d/dp of -[y log p + (1-y) log(1-p)] = -y/p + (1-y)/(1-p) = (p - y) / (p (1 - p)).
  return q.map((qi, i) => (-yTrue[i] / qi + (1 - yTrue[i]) / (1 - qi)) / n);
}

function checkSigns(yTrue: readonly number[], scores: readonly number[], what: string): void {
  checkLengths(yTrue, scores, what);
  yTrue.forEach((y, i) => {
    if (y !== -1 && y !== 1) throw new Error(`${what}: label ${y} at ${i}: hinge labels must be -1 or +1`);
  });
}

export function hingeLoss(yTrue: readonly number[], scores: readonly number[]): number {
  checkSigns(yTrue, scores, "hingeLoss");
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.max(0, 1 - yTrue[i] * scores[i]);
  return sum / yTrue.length;
}

export function hingeLossGrad(yTrue: readonly number[], scores: readonly number[]): number[] {
  checkSigns(yTrue, scores, "hingeLossGrad");
  const n = yTrue.length;
  // Inside the margin the loss is 1 - y·s, whose slope in s is -y; at or beyond it the loss is flat.
  return scores.map((s, i) => (yTrue[i] * s < 1 ? -yTrue[i] / n : 0));
}
