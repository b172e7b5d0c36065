// Week 2 · Open-ended: find the penguin species without ever seeing a label.
// Read the "4. Open-ended: species without labels" section of notebooks/week-02-unsupervised-learning.ipynb first.
// Grade it with `npm run grade penguin-clusters`; stuck? `npm run hint penguin-clusters`.
//
// The goal, and how it is graded: the grader splits the penguins (seed 5, 30% held out, stratified), gives
// clusterPenguins ONLY the training rows' four measurements (no species), and calls the function you return on the
// held-out rows. It then names each of your clusters after the species most common among the TRAINING penguins in
// it, and counts how many held-out penguins land in a cluster named after their own species.
//
//   baseline: k-means with k = 3 on the raw measurements      0.68 of the held-out penguins
//   to pass:  at least 0.93, with at most 6 clusters
//
// How you get there is up to you: which columns, any scaling, PCA or not, k-means (yours from the `kmeans`
// exercise, or ml-kmeans) or another method. The function must be deterministic (seed anything random).
import { todo } from "../../src/grader/todo";

/** Rows of [bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g]. */
export type Measurements = number[][];

/**
 * Learns clusters from unlabelled training rows; returns a function that gives each row a cluster number
 * (a whole number from 0 to 5).
 */
export function clusterPenguins(XTrain: Measurements): (X: Measurements) => number[] {
  return todo("penguin-clusters");
}
