// Week 1 · Open-ended: a screening classifier where a missed cancer costs 10 times a false alarm.
// Read the confusion-matrix and ROC sections of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade screening-threshold`; stuck? `npm run hint screening-threshold`.
//
// The goal, and how it is graded: on the breast-cancer data (class 1 = malignant), a false negative (a malignant
// tumour called benign) costs 10 and a false positive (a benign one sent for a biopsy) costs 1. The grader makes six
// fixed splits (30% held out, stratified, seeds 1 to 6). For each, it gives trainScreening ONLY the training rows and
// labels, calls the function you return on the held-out rows, and adds up 10·FN + 1·FP over all six.
//
//   baseline: logistic regression (standardized features) at the usual threshold 0.5    total cost 136
//   to pass:  total cost at most 130
//
// Any model and any way of choosing the decision rule will do; your logistic regression from the `logreg` exercise
// is a fine start. The question is where to put the threshold when the two mistakes cost different amounts.
import { todo } from "../../src/grader/todo";

export const COST_FALSE_NEGATIVE = 10;
export const COST_FALSE_POSITIVE = 1;

/** Trains on the training rows (labels 0 = benign, 1 = malignant) and returns a function giving 0 or 1 per row. */
export function trainScreening(XTrain: number[][], yTrain: number[]): (X: number[][]) => number[] {
  return todo("screening-threshold");
}
