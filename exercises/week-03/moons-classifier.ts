// Week 3 · Open-ended: beat the linear baseline on held-out two-moons data.
// Read the "6. Open-ended: beat the linear baseline" section of notebooks/week-03-training-networks.ipynb first.
// Grade it with `npm run grade moons-classifier`; stuck? `npm run hint moons-classifier`.
//
// The goal, and how it is graded: the grader makes 600 two-moons points, makeMoons(600, { noise: 0.25, seed: 11 })
// from src/data, splits them (25% held out, seed 3, stratified), gives trainMoonsClassifier ONLY the 450 training
// rows, and calls the predict function you return on the 150 held-out rows.
//
//   baseline: logistic regression (a straight line)    0.873 of the held-out points
//   to pass:  at least 0.92
//
// Any method will do: a network in TensorFlow.js (tips in the notebook: He initialization, a validation split with
// early stopping, weight decay, a schedule), your from-scratch MLP from `train-mlp`, or something else entirely.
// Keep it deterministic (seed initializers, shuffles and dropout) and under a minute of training.
import { todo } from "../../src/grader/todo";

/** Class 0 or 1 for each row of [x1, x2]; may return a Promise (TensorFlow.js reads results asynchronously too). */
export type MoonsPredict = (X: number[][]) => number[] | Promise<number[]>;

/** Trains on the training rows (labels 0/1) and returns the trained model's predict function. */
export async function trainMoonsClassifier(XTrain: number[][], yTrain: number[]): Promise<MoonsPredict> {
  return todo("moons-classifier");
}
