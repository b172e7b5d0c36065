/**
 * Step 2, training: split (stratified, seeded), then a random forest (seeded). Same data + same seed gives the same
 * split, the same bootstrap samples, the same feature draws, hence the same trees to the last threshold: the
 * model's sha256 proves it, and it is logged with every run so two runs can be compared at a glance.
 */
import { createHash } from "node:crypto";
import { trainTestSplit } from "../../data/index";
import { canonicalJson } from "../../ml/artifact";
import { RandomForest } from "../../ml/forest";
import type { PipelineData } from "./types";

export interface TrainParams {
  seed: number;
  /** Share of rows held out for evaluation. Default 0.2. */
  testSize: number;
  nEstimators: number;
  /** null: grow until leaves are pure. */
  maxDepth: number | null;
  minSamplesLeaf: number;
}

export const DEFAULT_TRAIN_PARAMS: Readonly<TrainParams> = {
  seed: 42,
  testSize: 0.2,
  nEstimators: 100,
  maxDepth: null,
  minSamplesLeaf: 1,
};

export interface SplitData {
  XTrain: number[][];
  yTrain: number[];
  XTest: number[][];
  yTest: number[];
}

/** The split every step uses: stratified so both sides keep the class mix. */
export function splitData(data: PipelineData, p: Pick<TrainParams, "seed" | "testSize">): SplitData {
  return trainTestSplit(data.X, data.y, { testSize: p.testSize, seed: p.seed, stratify: true });
}

export function trainForest(split: SplitData, nClasses: number, p: TrainParams): RandomForest {
  return new RandomForest({
    nEstimators: p.nEstimators,
    maxDepth: p.maxDepth,
    minSamplesLeaf: p.minSamplesLeaf,
    seed: p.seed,
  }).fit(split.XTrain, split.yTrain, { nClasses });
}

/** sha256 of the forest's canonical JSON: the model's fingerprint, independent of when it was saved. */
export function modelSha256(forest: RandomForest): string {
  return createHash("sha256").update(canonicalJson(forest.toJSON())).digest("hex");
}
