/**
 * Training the capstone model with the workspace's own code: the breast-cancer dataset from src/data, a stratified
 * train/test split with a fixed seed, the RandomForest of src/ml, and the ONE artifact format (saveArtifact), with a
 * version in metadata.version. capstone/scripts/train.ts is the command; tests and notebooks call this function.
 *
 * The settings are fixed and stated, so the benchmark's scikit-learn baseline can use the same ones:
 *   dataset breast-cancer (569 rows, 30 features, classes benign / malignant)
 *   split   20% test, stratified, seed 42
 *   forest  100 trees, maxDepth 10, sqrt(30) = 5 features tried per split, gini, bootstrap, seed 42
 */
import { loadDataset, trainTestSplit } from "../../src/data/index";
import type { ModelArtifact } from "../../src/ml/artifact";
import { saveArtifact } from "../../src/ml/artifact";
import { type ForestModel, RandomForest } from "../../src/ml/forest";
import { accuracy } from "../../src/ml/metrics";
import { forestToArtifact, type ToArtifactOptions } from "../../src/ml/tree-artifacts";

export const TRAINING = {
  dataset: "breast-cancer",
  testSize: 0.2,
  splitSeed: 42,
  nEstimators: 100,
  maxDepth: 10,
  forestSeed: 42,
  /** The class a screening test is about: precision and recall are reported for it. */
  positiveClass: "malignant",
} as const;

export interface TrainOptions {
  /** Where to write the artifact. */
  outPath: string;
  /** metadata.version; default "<dataset>-rf-<UTC timestamp>". */
  version?: string;
  /** Smaller forests for fast tests; the defaults are TRAINING's. */
  nEstimators?: number;
  maxDepth?: number;
}

export interface TestMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  oobScore: number | null;
}

export interface TrainResult {
  artifact: ModelArtifact<ForestModel>;
  metrics: TestMetrics;
  trainRows: number;
  testRows: number;
}

/** "2025-11-26T12:45:01.123Z" -> "20251126T124501Z": sortable, and safe in file names and labels. */
export function compactTimestamp(iso: string): string {
  return `${iso.slice(0, 19).replaceAll("-", "").replaceAll(":", "")}Z`;
}

/** The dataset and its train/test split, exactly as TRAINING states them (the learner's model uses the same). */
export function trainingData() {
  const data = loadDataset(TRAINING.dataset);
  const split = trainTestSplit(data.X, data.y, {
    testSize: TRAINING.testSize,
    seed: TRAINING.splitSeed,
    stratify: true,
  });
  return { data, classNames: data.classNames ?? [], split };
}

/** Accuracy, and precision / recall / F1 for TRAINING.positiveClass, of predicted classes against the truth. */
export function testMetrics(
  yTest: readonly number[],
  predicted: readonly number[],
  classNames: readonly string[],
  oobScore: number | null,
): TestMetrics {
  const positive = classNames.indexOf(TRAINING.positiveClass);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i] === positive && yTest[i] === positive) tp++;
    else if (predicted[i] === positive) fp++;
    else if (yTest[i] === positive) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    accuracy: accuracy([...yTest], [...predicted]),
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    oobScore,
  };
}

/** The metadata both training paths write: when, on what, which split, the test metrics, and who trained it. */
export function trainingMetadata(o: {
  trainedAt: string;
  version: string;
  trainRows: number;
  trainedBy: string;
  metrics: TestMetrics;
}): ToArtifactOptions["metadata"] & Record<string, unknown> {
  // metadata is open (additionalProperties): version, trainedBy and split travel with the model.
  return {
    trainedAt: o.trainedAt,
    dataset: TRAINING.dataset,
    rows: o.trainRows,
    version: o.version,
    trainedBy: o.trainedBy,
    split: { testSize: TRAINING.testSize, seed: TRAINING.splitSeed, stratify: true },
    metrics: {
      testAccuracy: o.metrics.accuracy,
      testPrecision: o.metrics.precision,
      testRecall: o.metrics.recall,
      testF1: o.metrics.f1,
      oobScore: o.metrics.oobScore,
    },
  };
}

export function trainCapstoneModel(options: TrainOptions): TrainResult {
  const { data, classNames, split } = trainingData();
  const forest = new RandomForest({
    nEstimators: options.nEstimators ?? TRAINING.nEstimators,
    maxDepth: options.maxDepth ?? TRAINING.maxDepth,
    seed: TRAINING.forestSeed,
  }).fit(split.XTrain, split.yTrain);

  const metrics = testMetrics(split.yTest, forest.predict(split.XTest), classNames, forest.oobScore);
  const trainedAt = new Date().toISOString();
  const metadata = trainingMetadata({
    trainedAt,
    version: options.version ?? `${TRAINING.dataset}-rf-${compactTimestamp(trainedAt)}`,
    trainRows: split.XTrain.length,
    trainedBy: "capstone/scripts/train.ts",
    metrics,
  });
  const artifact = saveArtifact(
    options.outPath,
    forestToArtifact(forest, { featureNames: data.featureNames, classNames, metadata }),
  );
  return { artifact, metrics, trainRows: split.XTrain.length, testRows: split.XTest.length };
}
