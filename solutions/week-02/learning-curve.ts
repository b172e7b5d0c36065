// Reference solution for exercises/week-02/learning-curve.ts.
import { Random } from "../../src/data/random";
import { accuracyScore, type Fit, kFoldIndices, meanStd, type Scorer } from "./cross-validation";

export interface LearningCurveOptions {
  k?: number;
  seed?: number;
  score?: Scorer;
}

export interface LearningCurvePoint {
  size: number;
  trainScores: number[];
  validationScores: number[];
  trainMean: number;
  trainStd: number;
  validationMean: number;
  validationStd: number;
}

export function learningCurve(
  X: number[][],
  y: number[],
  trainSizes: number[],
  fit: Fit,
  opts: LearningCurveOptions = {},
): LearningCurvePoint[] {
  if (X.length !== y.length) throw new Error(`learningCurve: X has ${X.length} rows but y has length ${y.length}`);
  if (trainSizes.length === 0) throw new Error("learningCurve: trainSizes is empty");
  const k = opts.k ?? 5;
  const seed = opts.seed ?? 42;
  const score = opts.score ?? accuracyScore;
  const folds = kFoldIndices(X.length, k, seed);
  const smallestTrain = X.length - Math.max(...folds.map((f) => f.length));
  for (const s of trainSizes) {
    if (!(Number.isInteger(s) && s >= 1 && s <= smallestTrain)) {
      throw new Error(`learningCurve: train size ${s} must be a whole number in 1..${smallestTrain}`);
    }
  }
  const rng = new Random(seed);
  const perSize = trainSizes.map(() => ({ train: [] as number[], validation: [] as number[] }));
  for (const testIdx of folds) {
    const isTest = new Array<boolean>(X.length).fill(false);
    for (const i of testIdx) isTest[i] = true;
    // One shuffle per fold; each size takes a prefix, so a bigger training set contains the smaller ones.
    const trainPool = rng.shuffle(X.map((_, i) => i).filter((i) => !isTest[i]));
    const XVal = testIdx.map((i) => X[i]);
    const yVal = testIdx.map((i) => y[i]);
    trainSizes.forEach((size, s) => {
      const idx = trainPool.slice(0, size);
      const XTrain = idx.map((i) => X[i]);
      const yTrain = idx.map((i) => y[i]);
      const predict = fit(XTrain, yTrain);
      perSize[s].train.push(score(yTrain, predict(XTrain)));
      perSize[s].validation.push(score(yVal, predict(XVal)));
    });
  }
  return trainSizes.map((size, s) => {
    const train = meanStd(perSize[s].train);
    const validation = meanStd(perSize[s].validation);
    return {
      size,
      trainScores: perSize[s].train,
      validationScores: perSize[s].validation,
      trainMean: train.mean,
      trainStd: train.std,
      validationMean: validation.mean,
      validationStd: validation.std,
    };
  });
}
