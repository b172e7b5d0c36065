// `npm run capstone:train`: trains the capstone model (capstone/src/training.ts states the dataset, split and forest
// settings), prints its test metrics and saves it where the API loads it from.
//
//   npm run capstone:train
//   npm run capstone:train -- --out /tmp/model.json --version 2025-11-26.1
import { statSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { defaultModelPath } from "../src/config";
import { TRAINING, trainCapstoneModel } from "../src/training";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: process.env.MODEL_PATH || defaultModelPath() },
    version: { type: "string", default: process.env.MODEL_VERSION || undefined },
  },
});

const t0 = Date.now();
const result = trainCapstoneModel({ outPath: values.out!, version: values.version });
const m = result.metrics;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
console.log(
  `trained RandomForest on ${TRAINING.dataset}: ${TRAINING.nEstimators} trees, maxDepth ${TRAINING.maxDepth}, ` +
    `seed ${TRAINING.forestSeed}; split ${result.trainRows} train / ${result.testRows} test ` +
    `(stratified, seed ${TRAINING.splitSeed}) in ${Date.now() - t0} ms`,
);
console.log(`test accuracy  ${pct(m.accuracy)}`);
console.log(`${TRAINING.positiveClass} precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}`);
console.log(`out-of-bag accuracy ${m.oobScore === null ? "n/a" : pct(m.oobScore)}`);
const path = values.out!;
const shown = relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path);
const meta = result.artifact.metadata as { version?: string };
console.log(
  `saved ${shown} (${(statSync(path).size / 1024).toFixed(0)} KiB), version ${meta.version}, ` +
    `checksum ${result.artifact.checksum.slice(0, 12)}...`,
);
