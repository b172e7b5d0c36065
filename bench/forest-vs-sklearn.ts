// Our RandomForest (src/ml) against scikit-learn and ml-random-forest on breast cancer (569 rows x 30 features).
// Prints numbers and the goals; asserts nothing (timings on a shared machine are noisy).
//
// Settings for both forests: 100 trees, sqrt(30) = 5 features tried per split, bootstrap, no depth limit, one core.
// - Fit time: the whole table, 3 times each, median reported. scikit-learn runs in .venv/bin/python via
//   bench/sklearn_forest.py, which times fit() itself, so Python's start-up and imports are not counted.
// - Accuracy: 5-fold cross-validation on the SAME folds: stratifiedKFold (src/ml/folds.ts, seed 0) makes the folds
//   here, and their row indices are sent to Python with the data.
// - ml-random-forest is fitted once (100 trees take it seconds), with its default maxFeatures 1.0: it picks features
//   per TREE, not per split, so 1.0 is its only setting where every split may use every feature. Ours is timed on
//   that comparable setting too (maxFeatures "all").
//
// Usage: npx tsx bench/forest-vs-sklearn.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { RandomForestClassifier } from "ml-random-forest";
import { loadDataset } from "../src/data";
import { accuracy, type ForestOptions, RandomForest, stratifiedKFold } from "../src/ml";
import { findRoot } from "../src/workspace/paths";

const REPEATS = 3;
const N_TREES = 100;
const SEED = 0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const root = findRoot();
const data = loadDataset("breast-cancer");
const { X, y } = data;
const folds = stratifiedKFold(y, 5, SEED);
const options: ForestOptions = {
  nEstimators: N_TREES,
  maxFeatures: "sqrt",
  bootstrap: true,
  maxDepth: null,
  seed: SEED,
};

function timeOurs(opts: ForestOptions): number[] {
  const seconds: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    new RandomForest(opts).fit(X, y);
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

// ---- ours -------------------------------------------------------------------------------------------------------
const oursFit = timeOurs(options);
const oursFolds = folds.map((f) => {
  const rf = new RandomForest(options).fit(
    f.train.map((i) => X[i]),
    f.train.map((i) => y[i]),
  );
  return accuracy(
    f.test.map((i) => y[i]),
    rf.predict(f.test.map((i) => X[i])),
  );
});
const oursAllFit = timeOurs({ ...options, maxFeatures: "all" });

// ---- scikit-learn -----------------------------------------------------------------------------------------------
const python = join(root, ".venv", "bin", "python");
let sk: { sklearn: string; fitSeconds: number[]; foldAccuracy: number[] } | null = null;
if (!existsSync(python)) {
  console.log(`scikit-learn skipped: ${python} not found (run npm run setup).`);
} else {
  const run = spawnSync(python, [join(root, "bench", "sklearn_forest.py")], {
    input: JSON.stringify({ X, y, folds, nEstimators: N_TREES, repeats: REPEATS, seed: SEED }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`bench/sklearn_forest.py failed:\n${run.stderr}`);
  sk = JSON.parse(run.stdout);
}

// ---- ml-random-forest, once ---------------------------------------------------------------------------------------
const mlStart = performance.now();
new RandomForestClassifier({ nEstimators: N_TREES, seed: SEED, maxFeatures: 1.0 }).train(X, y);
const mlSeconds = (performance.now() - mlStart) / 1000;

// ---- report -------------------------------------------------------------------------------------------------------
const oursMed = median(oursFit);
console.log(`breast cancer: ${data.rows} rows x ${data.featureNames.length} features; ${N_TREES} trees, max_features`);
console.log(
  `sqrt, bootstrap, no depth limit, one core; fit time = median of ${REPEATS}; accuracy = 5-fold CV, same folds`,
);
console.log("");
console.log(`ours (src/ml)        fit ${ms(oursMed)}  [${oursFit.map(ms).join(", ")}]`);
console.log(`                     CV accuracy ${pct(mean(oursFolds))}  folds [${oursFolds.map(pct).join(", ")}]`);
if (sk !== null) {
  const skMed = median(sk.fitSeconds);
  console.log(`scikit-learn ${sk.sklearn}  fit ${ms(skMed)}  [${sk.fitSeconds.map(ms).join(", ")}]`);
  console.log(
    `                     CV accuracy ${pct(mean(sk.foldAccuracy))}  folds [${sk.foldAccuracy.map(pct).join(", ")}]`,
  );
  console.log(`ratio ours/sklearn (fit time): ${(oursMed / skMed).toFixed(2)}`);
  console.log(
    `accuracy difference ours - sklearn: ${(100 * (mean(oursFolds) - mean(sk.foldAccuracy))).toFixed(2)} points`,
  );
}
console.log("");
console.log(`ml-random-forest     fit ${ms(mlSeconds)} (once; maxFeatures 1.0: all features in every tree)`);
console.log(`ours, maxFeatures "all" (the comparable setting): fit ${ms(median(oursAllFit))}`);
console.log(
  `speedup ours vs ml-random-forest: ${(mlSeconds / median(oursAllFit)).toFixed(1)}x on the comparable setting,`,
);
console.log(`                                  ${(mlSeconds / oursMed).toFixed(1)}x with ours on max_features sqrt`);
console.log("");
console.log(
  "goals: fit within 3x of scikit-learn with CV accuracy within 1 point; at least 20x faster than ml-random-forest",
);
if (sk !== null) {
  const ratio = oursMed / median(sk.fitSeconds);
  const gap = Math.abs(mean(oursFolds) - mean(sk.foldAccuracy));
  console.log(`  fit within 3x of scikit-learn:      ${ratio <= 3 ? "met" : "NOT met"} (${ratio.toFixed(2)}x)`);
  console.log(
    `  accuracy within 1 point:            ${gap <= 0.01 ? "met" : "NOT met"} (${(100 * gap).toFixed(2)} points)`,
  );
}
const speedup = mlSeconds / median(oursAllFit);
console.log(`  20x faster than ml-random-forest:   ${speedup >= 20 ? "met" : "NOT met"} (${speedup.toFixed(1)}x)`);
