/** The few scores the forest reports about itself (OOB score) and the benchmarks print. */

function sameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new Error(`yTrue has ${a.length} values but yPred has ${b.length}.`);
  if (a.length === 0) throw new Error("cannot score empty predictions.");
}

/** Fraction of predictions equal to the truth. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  sameLength(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** Coefficient of determination: 1 - SSE / SST. 0 is "as good as predicting the mean", 1 is perfect. */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  sameLength(yTrue, yPred);
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) mean += yTrue[i];
  mean /= yTrue.length;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < yTrue.length; i++) {
    sse += (yTrue[i] - yPred[i]) ** 2;
    sst += (yTrue[i] - mean) ** 2;
  }
  if (sst === 0) throw new Error("r2Score is undefined when every yTrue is the same value.");
  return 1 - sse / sst;
}

export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  sameLength(yTrue, yPred);
  let sse = 0;
  for (let i = 0; i < yTrue.length; i++) sse += (yTrue[i] - yPred[i]) ** 2;
  return sse / yTrue.length;
}
