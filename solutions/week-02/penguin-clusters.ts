// Reference solution for exercises/week-02/penguin-clusters.ts: scale, then k-means with restarts.
import { fitStandardizer } from "../../src/data/scale";
import { assignClusters, kMeans } from "./kmeans";

export type Measurements = number[][];

export function clusterPenguins(XTrain: Measurements): (X: Measurements) => number[] {
  // Body mass is in grams (thousands) and bill depth in millimetres (about 17): unscaled, distances are body mass
  // alone. Standardizing gives each measurement the same say.
  const scaler = fitStandardizer(XTrain);
  const { centroids } = kMeans(scaler.transform(XTrain), 3, { seed: 1, nInit: 10 });
  return (X) => assignClusters(scaler.transform(X), centroids);
}
