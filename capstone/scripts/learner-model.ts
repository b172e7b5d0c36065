/**
 * The capstone model made by YOUR code: the forest of exercises/week-02/random-forest.ts (on your trees, tree-build.ts
 * and tree-splits.ts), saved by your serializer, exercises/week-02/save-forest.ts. This is the promotion step of the
 * course: notebook-and-exercise code becomes the model the API serves.
 *
 *   const result = trainLearnerModel({ outPath: "capstone/model/model.json" });   // `npm run capstone:train -- --from exercises`
 *
 * Same data, split and settings as the reference model (capstone/src/training.ts: breast cancer, stratified 80/20 with
 * seed 42, 100 trees, maxDepth 10, sqrt(30) features per split, seed 42), so the two are comparable. The file is the
 * workspace's artifact envelope (src/ml/artifact.ts: version, metrics, checksum) of kind "week2-forest", whose payload
 * is exactly what your saveForest wrote. Before it replaces anything, three checks:
 *   1. your loadForest reads back what your saveForest wrote, and predicts every row as your forest does;
 *   2. the API's own reader of the format (capstone/src/week2-forest.ts) predicts every row as your forest does;
 *   3. only then is the file renamed into place: a failed check leaves the previous model untouched.
 *
 * Only the scripts layer imports exercises/: the API (capstone/src) reads the saved FORMAT, never your code.
 */
import { renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Forest, oobScore, predictForest, trainForest } from "../../exercises/week-02/random-forest";
import { loadForest, saveForest } from "../../exercises/week-02/save-forest";
import { predictTree } from "../../exercises/week-02/tree-build";
import { type ModelArtifact, saveArtifact } from "../../src/ml/artifact";
import { loadServingModel } from "../src/model";
import {
  compactTimestamp,
  type TestMetrics,
  TRAINING,
  testMetrics,
  trainingData,
  trainingMetadata,
} from "../src/training";
import { WEEK2_FORMAT } from "../src/week2-forest";

/** The exercises the learner's model is made of, in the order they build on each other. */
export const LEARNER_EXERCISES = ["tree-splits", "tree-build", "random-forest", "save-forest"] as const;

export const LEARNER_TRAINED_BY =
  "exercises/week-02/random-forest.ts (trainForest), saved by exercises/week-02/save-forest.ts (saveForest); " +
  "npm run capstone:train -- --from exercises";

export interface LearnerTrainResult {
  artifact: ModelArtifact;
  /** Your forest object, as trainForest returned it. */
  forest: Forest;
  metrics: TestMetrics;
  trainRows: number;
  testRows: number;
  /** Length of the JSON your saveForest wrote. */
  savedBytes: number;
}

/** Your forest, trained on the capstone's training rows with the capstone's settings. */
export function trainLearnerForest(): Forest {
  const { split } = trainingData();
  return trainForest(split.XTrain, split.yTrain, {
    nEstimators: TRAINING.nEstimators,
    maxDepth: TRAINING.maxDepth,
    maxFeatures: "sqrt",
    seed: TRAINING.forestSeed,
  });
}

/** Each row's share of the trees voting for each class, by your predictTree: what the API reports as probabilities. */
export function learnerVoteShares(forest: Forest, X: number[][]): number[][] {
  const votes = X.map(() => new Array<number>(forest.nClasses).fill(0));
  for (const tree of forest.trees) {
    predictTree(tree, X).forEach((c, i) => {
      votes[i][c]++;
    });
  }
  return votes.map((v) => v.map((count) => count / forest.trees.length));
}

/** The first row where two class lists differ, or -1. */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return a.findIndex((v, i) => v !== b[i]);
}

export function trainLearnerModel(options: { outPath: string; version?: string }): LearnerTrainResult {
  const { data, classNames, split } = trainingData();
  const forest = trainLearnerForest();
  const metrics = testMetrics(
    split.yTest,
    predictForest(forest, split.XTest),
    classNames,
    oobScore(forest, split.XTrain, split.yTrain),
  );
  const json = saveForest(forest, { featureNames: data.featureNames, classNames });
  const yours = predictForest(forest, data.X);

  const reloaded = predictForest(loadForest(json).forest, data.X);
  const reloadRow = firstDifference(yours, reloaded);
  if (reloadRow >= 0) {
    throw new Error(
      `your loadForest(saveForest(forest)) predicts row ${reloadRow} as class ${reloaded[reloadRow]}, your forest ` +
        `as ${yours[reloadRow]}: the round trip loses something (check exercises/week-02/save-forest.ts).`,
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch (e) {
    throw new Error(`your saveForest did not write JSON: ${(e as Error).message}`);
  }
  const trainedAt = new Date().toISOString();
  const metadata = trainingMetadata({
    trainedAt,
    version: options.version ?? `${TRAINING.dataset}-learner-rf-${compactTimestamp(trainedAt)}`,
    trainRows: split.XTrain.length,
    trainedBy: LEARNER_TRAINED_BY,
    metrics,
  });
  metadata.params = {
    nEstimators: TRAINING.nEstimators,
    maxDepth: TRAINING.maxDepth,
    maxFeatures: "sqrt",
    seed: TRAINING.forestSeed,
  };

  // Written beside the target and checked there; renamed into place only when the API reads it back correctly.
  const candidate = join(dirname(options.outPath), `.${basename(options.outPath)}.candidate`);
  try {
    const artifact = saveArtifact(candidate, {
      kind: WEEK2_FORMAT,
      task: "classification",
      featureNames: data.featureNames,
      classNames,
      metadata,
      model: payload,
    });
    let served: ReturnType<typeof loadServingModel>;
    try {
      served = loadServingModel(candidate);
    } catch (e) {
      throw new Error(`the API cannot read what your saveForest wrote: ${(e as Error).message}`);
    }
    const packed = Float64Array.from(data.X.flat());
    const proba = served.predictProba(packed, data.X.length);
    const k = classNames.length;
    const apiClasses = data.X.map((_, r) => {
      let best = 0;
      for (let c = 1; c < k; c++) if (proba[r * k + c] > proba[r * k + best]) best = c;
      return best;
    });
    const apiRow = firstDifference(yours, apiClasses);
    if (apiRow >= 0) {
      throw new Error(
        `the API's reader of your saved forest predicts row ${apiRow} as class ${apiClasses[apiRow]}, your forest as ` +
          `${yours[apiRow]}: does your saveForest write the documented layout (exercises/week-02/save-forest.ts)?`,
      );
    }
    renameSync(candidate, options.outPath);
    return {
      artifact,
      forest,
      metrics,
      trainRows: split.XTrain.length,
      testRows: split.XTest.length,
      savedBytes: json.length,
    };
  } finally {
    rmSync(candidate, { force: true });
  }
}
