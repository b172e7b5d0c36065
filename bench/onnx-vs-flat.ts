/**
 * `npm run bench:onnx`: two ways to serve a 100-tree forest from TypeScript, on the same rows, in one run.
 *
 *   flat forest   the capstone's predictor: src/ml's RandomForest trained by capstone/src/training.ts (breast-cancer,
 *                 stratified split, 100 trees, maxDepth 10, seed 42), compiled by src/serving into flat typed arrays
 *   ONNX          datasets/models/breast-cancer-forest.onnx: scikit-learn's RandomForestClassifier with the same
 *                 settings, exported by skl2onnx (scripts/onnx/export_forest.py), run by onnxruntime-web's
 *                 WebAssembly backend (one thread), as exercise onnx-predictor serves it
 *
 * Two different forests with the same settings (each library grows its own trees), so the work per row is alike but
 * not identical: the node counts are printed. Both predict class probabilities for all 569 rows of
 * datasets/breast-cancer.csv, all rows in one call and one row per call, best of --rounds rounds taken in turn (on a
 * shared machine the fastest round is the least disturbed one). It checks the answers first (ONNX against the
 * scikit-learn probabilities recorded beside the file) and prints ratios; it never asserts a speed.
 *
 *   npm run bench:onnx
 *   npm run bench:onnx -- --rounds 5
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { env, InferenceSession, Tensor } from "onnxruntime-web";
import { trainCapstoneModel } from "../capstone/src/training";
import { loadDataset } from "../src/data/index";
import { FlatForest } from "../src/serving/flat-forest";
import { findRoot } from "../src/workspace/paths";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "9" } } });
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error(`--rounds must be a whole number >= 1, got ${values.rounds}`);

const root = findRoot();
const data = loadDataset("breast-cancer");
const n = data.X.length;
const d = data.featureNames.length;
const packed = new Float64Array(n * d);
data.X.forEach((row, r) => {
  packed.set(row, r * d);
});
const packed32 = Float32Array.from(packed);

// ---- the two predictors -----------------------------------------------------------------------------------------
const scratch = mkdtempSync(join(tmpdir(), "bench-onnx-"));
const trained = trainCapstoneModel({ outPath: join(scratch, "model.json"), version: "bench-onnx" });
rmSync(scratch, { recursive: true, force: true });
const flat = FlatForest.fromArtifact(trained.artifact);

const modelDir = join(root, "datasets", "models");
const reference = JSON.parse(readFileSync(join(modelDir, "breast-cancer-forest.json"), "utf8")) as {
  sklearn_proba: number[][];
  versions: Record<string, string>;
  test_accuracy: number;
  nodes: number;
};
const onnxBytes = readFileSync(join(modelDir, "breast-cancer-forest.onnx"));
env.wasm.numThreads = 1; // as the exercise serves it: one thread, no workers
let t = performance.now();
const session = await InferenceSession.create(new Uint8Array(onnxBytes), { executionProviders: ["wasm"] });
const sessionMs = performance.now() - t;
const input = session.inputNames[0];
const onnxProba = async (values: Float32Array, rows: number) =>
  (await session.run({ [input]: new Tensor("float32", values, [rows, d]) })).probabilities.data as Float32Array;

// ---- answers first ------------------------------------------------------------------------------------------------
const onnxAll = await onnxProba(packed32, n);
let gap = 0;
for (let r = 0; r < n; r++)
  for (let c = 0; c < 2; c++) gap = Math.max(gap, Math.abs(onnxAll[r * 2 + c] - reference.sklearn_proba[r][c]));
if (!(gap <= 1e-5)) throw new Error(`the ONNX model does not answer what scikit-learn recorded (largest gap ${gap})`);
const flatAll = flat.predictProbaFlat(packed, n);
const agree = Array.from({ length: n }, (_, r) => flatAll[r * 2 + 1] > 0.5 === onnxAll[r * 2 + 1] > 0.5).filter(
  Boolean,
).length;

console.log(`bench:onnx: ${n} rows x ${d} features of breast-cancer, best of ${ROUNDS} rounds taken in turn`);
console.log(
  `  flat forest: ${flat.nTrees} trees, ${flat.nodeCount.toLocaleString()} nodes (src/ml, test accuracy ` +
    `${trained.metrics.accuracy.toFixed(4)})`,
);
console.log(
  `  ONNX: ${onnxBytes.length.toLocaleString()} bytes, scikit-learn ${reference.versions["scikit-learn"]} + skl2onnx ` +
    `${reference.versions.skl2onnx}, ${reference.nodes.toLocaleString()} nodes (test accuracy ` +
    `${reference.test_accuracy.toFixed(4)}); session created in ` +
    `${sessionMs.toFixed(0)} ms; largest gap to scikit-learn's probabilities ${gap.toExponential(1)}`,
);
console.log(`  the two forests predict the same class on ${agree} of ${n} rows`);

// ---- timing ------------------------------------------------------------------------------------------------------
const best = { flatAll: Infinity, flatOne: Infinity, onnxAll: Infinity, onnxOne: Infinity };
const out = new Float64Array(2);
for (let round = 0; round < ROUNDS; round++) {
  t = performance.now();
  flat.predictProbaFlat(packed, n);
  best.flatAll = Math.min(best.flatAll, performance.now() - t);
  t = performance.now();
  for (let r = 0; r < n; r++) flat.predictProbaFlat(packed.subarray(r * d, (r + 1) * d), 1, out);
  best.flatOne = Math.min(best.flatOne, performance.now() - t);
  t = performance.now();
  await onnxProba(packed32, n);
  best.onnxAll = Math.min(best.onnxAll, performance.now() - t);
  t = performance.now();
  for (let r = 0; r < n; r++) await onnxProba(packed32.subarray(r * d, (r + 1) * d), 1);
  best.onnxOne = Math.min(best.onnxOne, performance.now() - t);
}
await session.release();

const rowsPerSecond = (ms: number) => Math.round((1000 * n) / ms).toLocaleString();
const us = (ms: number) => ((1000 * ms) / n).toFixed(2);
console.log("");
console.log(`  ${"".padEnd(26)} ${"all rows in one call".padStart(26)} ${"one row per call".padStart(26)}`);
for (const [name, all, one] of [
  ["flat forest (src/serving)", best.flatAll, best.flatOne],
  ["ONNX (onnxruntime-web)", best.onnxAll, best.onnxOne],
] as const) {
  console.log(
    `  ${name.padEnd(26)} ${`${rowsPerSecond(all)} rows/s (${us(all)} us)`.padStart(26)} ` +
      `${`${rowsPerSecond(one)} rows/s (${us(one)} us)`.padStart(26)}`,
  );
}
console.log("");
console.log("ratios (flat forest / ONNX, rows per second):");
console.log(`  all rows in one call  ${(best.onnxAll / best.flatAll).toFixed(2)}x`);
console.log(`  one row per call      ${(best.onnxOne / best.flatOne).toFixed(2)}x`);
console.log(
  "  one row per call, ONNX pays a fixed cost per run (an async call, tensors copied into and out of WebAssembly " +
    "memory); in one large call that cost is shared by every row.",
);
