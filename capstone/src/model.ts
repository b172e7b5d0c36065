/**
 * The model as the API sees it: loaded through src/ml's artifact loader (the ONE format and the ONE loader of the
 * workspace), then compiled for serving. The envelope's `kind` says what the payload is, and so who made it:
 *   "random-forest"  the workspace's reference RandomForest (src/ml), compiled into src/serving's flat predictor,
 *                    which gives the same numbers as the forest, faster. source: "reference".
 *   "week2-forest"   YOUR forest, trained by exercises/week-02/random-forest.ts and saved by save-forest.ts
 *                    (`npm run capstone:train -- --from exercises`), read by week2-forest.ts. source: "learner".
 *
 *   const model = loadServingModel("capstone/model/model.json");   // throws ArtifactError: missing, corrupt, ...
 *   warmUp(model);                                                  // throws if a prediction looks wrong
 *   model.predictProba(values, n)                                   // n rows packed row-major -> n x classes
 */
import { ArtifactError, loadArtifact, type ModelArtifact } from "../../src/ml/artifact";
import type { ForestModel } from "../../src/ml/forest";
import { FlatForest } from "../../src/serving/flat-forest";
import type { ModelSource } from "./schemas";
import { compileWeek2Forest, readWeek2Forest, WEEK2_FORMAT } from "./week2-forest";

export interface ServingModel {
  /** metadata.version of the artifact (what training or the pipeline named it). */
  version: string;
  /** The artifact's checksum (sha256 of its content): two files with the same checksum are the same model. */
  checksum: string;
  kind: string;
  /** Who made it: "learner" (your week-2 forest and serializer) or "reference" (src/ml). Follows from `kind`. */
  source: ModelSource;
  /** metadata.trainedBy: the code that trained and saved it, when the artifact says. */
  trainedBy?: string;
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

/** The artifact's kinds this API serves, and what each means for provenance. */
const SOURCES: Record<string, ModelSource> = { "random-forest": "reference", [WEEK2_FORMAT]: "learner" };

/** Loads a "random-forest" or "week2-forest" classification artifact and compiles it. Errors are ArtifactErrors. */
export function loadServingModel(path: string): ServingModel {
  const artifact = loadArtifact(path, { expectTask: "classification" });
  const source = SOURCES[artifact.kind];
  if (source === undefined) {
    throw new ArtifactError(
      "wrong-kind",
      `this artifact holds a "${artifact.kind}" model; the API serves ${Object.keys(SOURCES).join(" and ")}.`,
    );
  }
  const predictProba = source === "reference" ? referencePredictor(artifact) : learnerPredictor(artifact);
  const meta = artifact.metadata as typeof artifact.metadata & { version?: unknown; trainedBy?: unknown };
  // The pipeline and the train script always set a version; an artifact saved by hand in a notebook may not.
  const version =
    typeof meta.version === "string" && meta.version !== ""
      ? meta.version
      : `unversioned-${artifact.checksum.slice(0, 12)}`;
  return {
    version,
    checksum: artifact.checksum,
    kind: artifact.kind,
    source,
    ...(typeof meta.trainedBy === "string" ? { trainedBy: meta.trainedBy } : {}),
    featureNames: artifact.featureNames,
    classNames: artifact.classNames ?? [],
    trainedAt: meta.trainedAt,
    dataset: meta.dataset,
    metrics: meta.metrics,
    params: meta.params,
    predictProba,
  };
}

function referencePredictor(artifact: ModelArtifact): ServingModel["predictProba"] {
  const flat = FlatForest.fromArtifact(artifact as ModelArtifact<ForestModel>);
  return (values, n) => flat.predictProbaFlat(values, n);
}

function learnerPredictor(artifact: ModelArtifact): ServingModel["predictProba"] {
  const forest = readWeek2Forest(artifact.model);
  // The envelope's names are what requests are checked against; they must be the forest's own.
  if (forest.featureNames.join("\n") !== artifact.featureNames.join("\n")) {
    throw new ArtifactError("invalid", "the week2-forest's featureNames differ from the artifact's.");
  }
  if (forest.classNames.join("\n") !== (artifact.classNames ?? []).join("\n")) {
    throw new ArtifactError("invalid", "the week2-forest's classNames differ from the artifact's.");
  }
  return compileWeek2Forest(forest);
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
