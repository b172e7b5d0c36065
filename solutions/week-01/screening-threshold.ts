// Reference solution for exercises/week-01/screening-threshold.ts: logistic regression, then the threshold that
// decision theory gives for these costs.
import { fitStandardizer } from "../../src/data/scale";
import { fitLogistic, predictProba } from "./logreg";

export const COST_FALSE_NEGATIVE = 10;
export const COST_FALSE_POSITIVE = 1;

export function trainScreening(XTrain: number[][], yTrain: number[]): (X: number[][]) => number[] {
  const scaler = fitStandardizer(XTrain);
  const { model } = fitLogistic(scaler.transform(XTrain), yTrain, { learningRate: 0.1, epochs: 1000 });
  // With a probability p of malignant, calling it benign costs p·C_FN on average and calling it malignant costs
  // (1 - p)·C_FP: "malignant" is the cheaper call once p ≥ C_FP / (C_FP + C_FN) = 1/11.
  const threshold = COST_FALSE_POSITIVE / (COST_FALSE_POSITIVE + COST_FALSE_NEGATIVE);
  return (X) => predictProba(model, scaler.transform(X)).map((p) => (p >= threshold ? 1 : 0));
}
