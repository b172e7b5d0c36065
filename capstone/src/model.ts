/**
 * The model as the API sees it: loaded through src/ml's artifact loader (the ONE format and the ONE loader of the
 * workspace: no second implementation here), then compiled into the flat predictor of src/serving, which gives the
 * same numbers as the forest, faster.
 *
 *   const model = loadServingModel("capstone/model/model.json");   // throws ArtifactError: missing, corrupt, ...
 *   warmUp(model);                                                  // throws if a prediction looks wrong
 *   model.predictProba(values, n)                                   // n rows packed row-major -> n x classes
 */
import { loadArtifact } from "../../src/ml/artifact";
import type { ForestModel } from "../../src/ml/forest";
import { FlatForest } from "../../src/serving/flat-forest";

export interface ServingModel {
  /** metadata.version of the artifact (what training or the pipeline named it). */
  version: string;
  /** The artifact's checksum (sha256 of its content): two files with the same checksum are the same model. */
  checksum: string;
  kind: string;
  /** Input columns in order; a request names them, the model receives them in this order. */
  featureNames: readonly string[];
  classNames: readonly string[];
  trainedAt: string;
  dataset?: string;
  metrics?: Record<string, number | null>;
  params?: Record<string, unknown>;
  /** n rows packed row-major (row r, feature j at values[r * features + j]) -> n x classes probabilities. */
  predictProba(values: Float64Array, n: number): Float64Array;
}

/** Loads a "random-forest" classification artifact and compiles it. Errors are src/ml's ArtifactErrors. */
export function loadServingModel(path: string): ServingModel {
  const artifact = loadArtifact<ForestModel>(path, { expectKind: "random-forest", expectTask: "classification" });
  const flat = FlatForest.fromArtifact(artifact);
  const meta = artifact.metadata as typeof artifact.metadata & { version?: unknown };
  // The pipeline and the train script always set a version; an artifact saved by hand in a notebook may not.
  const version =
    typeof meta.version === "string" && meta.version !== ""
      ? meta.version
      : `unversioned-${artifact.checksum.slice(0, 12)}`;
  return {
    version,
    checksum: artifact.checksum,
    kind: artifact.kind,
    featureNames: artifact.featureNames,
    classNames: artifact.classNames ?? [],
    trainedAt: meta.trainedAt,
    dataset: meta.dataset,
    metrics: meta.metrics,
    params: meta.params,
    predictProba: (values, n) => flat.predictProbaFlat(values, n),
  };
}

/**
 * One prediction before the replica says it is ready: it proves the model answers, and pays the first-call costs
 * (JIT compilation of the hot loop, buffers) before a real client would. Every feature at 0 is a valid input for a
 * tree; what matters is that the answer is a probability distribution over the model's classes.
 */
export function warmUp(model: ServingModel, rounds = 50): void {
  const d = model.featureNames.length;
  const k = model.classNames.length;
  if (d === 0) throw new Error("the model lists no features.");
  if (k < 2) throw new Error(`the model lists ${k} class name(s); a classifier needs at least 2.`);
  let proba = new Float64Array(0);
  for (let i = 0; i < rounds; i++) proba = model.predictProba(new Float64Array(d), 1);
  const sum = proba.reduce((a, b) => a + b, 0);
  if (proba.length !== k || !proba.every((p) => p >= 0 && p <= 1) || Math.abs(sum - 1) > 1e-9) {
    throw new Error(
      `the warm-up prediction is not a probability distribution over ${k} classes: [${proba.join(", ")}].`,
    );
  }
}
