/**
 * The TypeScript side's numbers for the Python companion notebooks (notebooks/week-0N-python-companion.ipynb),
 * recomputed the same way every time (fixed splits and seeds) and printed as one JSON object:
 *
 *   tsx scripts/companion/ts-numbers.ts linear               week 1: least squares on diabetes, 10 features
 *   tsx scripts/companion/ts-numbers.ts forest OUT.json      weeks 2 and 4: the capstone's forest (src/ml), saved to
 *                                                            OUT.json, its test metrics and the flat predictor's speed
 *
 * It uses the workspace's library (src/, and the capstone's training function), never exercises/, so it gives the
 * same numbers whether or not the exercises are solved. Each JSON carries the rows it used, so the Python side fits
 * on exactly the same rows.
 */
import { Matrix, solve } from "ml-matrix";
import { TRAINING, trainCapstoneModel } from "../../capstone/src/training";
import { loadDataset, trainTestSplit } from "../../src/data/index";
import { FlatForest } from "../../src/serving/flat-forest";

/** Ordinary least squares with an intercept, by the normal equation (XᵀX) w = Xᵀy, solved with ml-matrix. */
function linear() {
  const data = loadDataset("diabetes");
  const split = trainTestSplit(data.X, data.y, { testSize: 0.2, seed: 42 });
  const design = new Matrix(split.XTrain.map((row) => [1, ...row]));
  const xt = design.transpose();
  const w = solve(xt.mmul(design), xt.mmul(Matrix.columnVector(split.yTrain))).to1DArray();
  const predict = (row: number[]) => w[0] + row.reduce((s, v, j) => s + v * w[j + 1], 0);
  const testMse = split.XTest.reduce((s, row, i) => s + (predict(row) - split.yTest[i]) ** 2, 0) / split.XTest.length;
  return { featureNames: data.featureNames, ...split, bias: w[0], weights: w.slice(1), testMse };
}

/** The capstone's forest (100 trees, depth 10, seed 42, its stratified split), and the flat predictor's speed. */
function forest(outPath: string) {
  const t0 = performance.now();
  const trained = trainCapstoneModel({ outPath, version: "companion" });
  const fitSeconds = (performance.now() - t0) / 1000;
  // The same split trainCapstoneModel makes (TRAINING's dataset, test size and seed, stratified).
  const data = loadDataset(TRAINING.dataset);
  const classNames = data.classNames ?? [];
  const split = trainTestSplit(data.X, data.y, {
    testSize: TRAINING.testSize,
    seed: TRAINING.splitSeed,
    stratify: true,
  });
  const flat = FlatForest.fromArtifact(trained.artifact);
  const d = data.featureNames.length;
  const packed = new Float64Array(data.X.length * d);
  data.X.forEach((row, r) => {
    packed.set(row, r * d);
  });
  const fastest = (fn: () => void, repeats = 7) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      fn();
      best = Math.min(best, performance.now() - t);
    }
    return best / 1000;
  };
  fastest(() => flat.predictProbaFlat(packed, data.X.length)); // warm-up: JIT
  const allRowsSeconds = fastest(() => flat.predictProbaFlat(packed, data.X.length));
  const oneRowSeconds =
    fastest(() => {
      for (let r = 0; r < data.X.length; r++) flat.predictProbaFlat(packed.subarray(r * d, (r + 1) * d), 1);
    }) / data.X.length;
  return {
    featureNames: data.featureNames,
    classNames,
    ...split,
    modelPath: outPath,
    fitSeconds,
    testAccuracy: trained.metrics.accuracy,
    testPredictions: flat.predict(split.XTest),
    artifactBytes: JSON.stringify(trained.artifact).length,
    predictOneRowSeconds: oneRowSeconds,
    predictAllRowsSeconds: allRowsSeconds,
    rows: data.X.length,
  };
}

const [command, out] = process.argv.slice(2);
if (command === "linear") console.log(JSON.stringify(linear()));
else if (command === "forest" && out) console.log(JSON.stringify(forest(out)));
else {
  console.error("usage: tsx scripts/companion/ts-numbers.ts linear | forest OUT.json");
  process.exitCode = 2;
}
