// `npm run capstone:train`: trains the capstone model, prints its test metrics and saves it where the API loads it.
//
//   npm run capstone:train                              # the reference model: src/ml's RandomForest
//   npm run capstone:train -- --from exercises          # YOUR model: your week-2 forest, saved by your serializer
//   npm run capstone:train -- --out /tmp/model.json --version 2025-11-26.1
//
// The default stays the reference model: CI, the pipeline, the image build and the tests need a model on a fresh
// clone, before anyone has solved anything. `--from exercises` first grades the exercises your model is made of; while
// one of them is not solved it names them with the command that grades them, exits 1 and writes nothing (it never
// falls back to the reference model). capstone/scripts/learner-model.ts does the training and the checks.
import { existsSync, statSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { loadManifest } from "../../src/grader/manifest";
import { recordProgress } from "../../src/grader/progress";
import { runExercises } from "../../src/grader/run-exercise";
import { findRoot, workspacePaths } from "../../src/workspace/paths";
import { defaultModelPath } from "../src/config";
import { type TestMetrics, TRAINING, trainCapstoneModel } from "../src/training";
import { LEARNER_EXERCISES, trainLearnerModel } from "./learner-model";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: process.env.MODEL_PATH || defaultModelPath() },
    version: { type: "string", default: process.env.MODEL_VERSION || undefined },
    from: { type: "string", default: "reference" },
  },
});
const from = values.from;
if (from !== "reference" && from !== "exercises") {
  console.error(`--from must be "reference" (src/ml, the default) or "exercises" (your week-2 code), got "${from}"`);
  process.exit(2);
}
const path = values.out!;
const shown = relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function report(m: TestMetrics, checksum: string, version: string): void {
  console.log(`test accuracy  ${pct(m.accuracy)}`);
  console.log(`${TRAINING.positiveClass} precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}`);
  console.log(`out-of-bag accuracy ${m.oobScore === null ? "n/a" : pct(m.oobScore)}`);
  console.log(
    `saved ${shown} (${(statSync(path).size / 1024).toFixed(0)} KiB), version ${version}, ` +
      `checksum ${checksum.slice(0, 12)}...`,
  );
}

const versionOf = (metadata: object) => String((metadata as { version?: unknown }).version);

/** Grades the exercises the learner's model needs; returns the ones that are not solved, with their verdicts. */
async function unsolvedLearnerExercises(): Promise<{ id: string; verdict: string }[]> {
  const root = findRoot();
  const needed = loadManifest(root).filter((e) => (LEARNER_EXERCISES as readonly string[]).includes(e.id));
  const results = await runExercises(needed, "exercises", root);
  recordProgress(workspacePaths(root).progress, results);
  return results.filter((r) => r.verdict !== "solved").map((r) => ({ id: r.exercise.id, verdict: r.verdict }));
}

async function main(): Promise<void> {
  const t0 = Date.now();
  if (from === "reference") {
    const result = trainCapstoneModel({ outPath: path, version: values.version });
    console.log(
      `trained the reference RandomForest (src/ml) on ${TRAINING.dataset}: ${TRAINING.nEstimators} trees, maxDepth ` +
        `${TRAINING.maxDepth}, seed ${TRAINING.forestSeed}; split ${result.trainRows} train / ${result.testRows} test ` +
        `(stratified, seed ${TRAINING.splitSeed}) in ${Date.now() - t0} ms`,
    );
    report(result.metrics, result.artifact.checksum, versionOf(result.artifact.metadata));
    console.log("source: reference (`npm run capstone:train -- --from exercises` serves your own forest instead)");
    return;
  }

  console.log(`grading the exercises your model is made of: ${LEARNER_EXERCISES.join(", ")}`);
  const unsolved = await unsolvedLearnerExercises();
  if (unsolved.length > 0) {
    console.error(
      `\ncannot train your model yet: ${unsolved.length} of the exercises it needs ${unsolved.length === 1 ? "is" : "are"} not solved`,
    );
    for (const u of unsolved) console.error(`  ${u.id.padEnd(14)} ${u.verdict.padEnd(12)} npm run grade ${u.id}`);
    const kept = existsSync(path) ? ` (${shown} is unchanged: it is NOT your model)` : "";
    console.error(`nothing was written${kept}; solve them, then run this command again.`);
    process.exitCode = 1;
    return;
  }
  const started = Date.now();
  const result = trainLearnerModel({ outPath: path, version: values.version });
  console.log(
    `trained YOUR forest (exercises/week-02/random-forest.ts) on ${TRAINING.dataset}: ${TRAINING.nEstimators} trees, ` +
      `maxDepth ${TRAINING.maxDepth}, seed ${TRAINING.forestSeed}; split ${result.trainRows} train / ` +
      `${result.testRows} test (stratified, seed ${TRAINING.splitSeed}) in ${Date.now() - started} ms`,
  );
  console.log(
    `saved by YOUR saveForest (exercises/week-02/save-forest.ts): ${(result.savedBytes / 1024).toFixed(0)} KiB of ` +
      "JSON; your loadForest and the API's reader both predict all rows exactly as your forest does",
  );
  report(result.metrics, result.artifact.checksum, versionOf(result.artifact.metadata));
  console.log("source: learner (GET /model and the model_info metric say so once the API serves this file)");
}

main().catch((e: Error) => {
  console.error(`capstone:train failed: ${e.message}`);
  process.exitCode = 1;
});
