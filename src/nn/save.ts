/**
 * Saving and loading TensorFlow.js layers models, inside the workspace's versioned artifact envelope.
 *
 * A saved model is a folder:
 *
 *   model.json     the standard tfjs file: the layer topology, the training config, and a weights manifest
 *   weights.bin    every weight as raw float32 bytes, in the manifest's order
 *   artifact.json  the envelope (src/ml/artifact.ts): kind "tfjs-layers", featureNames, classNames, metadata,
 *                  and the sha256 and size of model.json and weights.bin, all under one checksum
 *
 * model.json + weights.bin are exactly what tf.loadLayersModel reads in a browser or in tfjs-node, so the folder is
 * portable; the envelope adds what tfjs does not record (which features, in which order; what the classes mean) and
 * proves that the three files belong together and are intact. tfjs's own "file://" handler exists only in tfjs-node,
 * so the two tfjs files are read and written here with an IOHandler built on fs.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import {
  ArtifactError,
  type ArtifactMetadata,
  companionPath,
  describeCompanion,
  loadArtifact,
  type ModelArtifact,
  saveArtifact,
} from "../ml/artifact";
import { writeFileAtomic } from "../workspace/atomic-write";

export const TFJS_KIND = "tfjs-layers";
export const ENVELOPE_FILE = "artifact.json";
export const MODEL_JSON = "model.json";
export const WEIGHTS_BIN = "weights.bin";

/** The envelope's kind-specific payload: where the tfjs files are and what shapes the model has. */
export interface TfjsPayload {
  modelJson: string;
  weights: string;
  inputDim: number;
  outputDim: number;
  /** The tfjs version that wrote the files. */
  tfjsVersion: string;
}

export interface SaveTfjsOptions {
  /** Input column names, in the order the model expects them. Must match the model's input size. */
  featureNames: string[];
  /** Classification: what output i means. Must match the model's output size. */
  classNames?: string[];
  /** Default "classification". */
  task?: string;
  /** Anything worth keeping: dataset, rows, hyper-parameters, test metrics. trainedAt defaults to now. */
  metadata?: Omit<ArtifactMetadata, "trainedAt"> & { trainedAt?: string };
}

/** The one-dimensional size of a layers model's input or output, e.g. 13 for an input shape [null, 13]. */
function width(s: readonly (number | null)[], what: string): number {
  const last = s[s.length - 1];
  if (s.length !== 2 || typeof last !== "number") {
    throw new Error(`saveTfjsModel handles models with a flat ${what} [batch, n]; this one is [${s.join(", ")}].`);
  }
  return last;
}

/** An IOHandler that writes model.json and weights.bin into `dir` (what tfjs-node's file:// handler would do). */
function folderSaveHandler(dir: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      if (artifacts.modelTopology instanceof ArrayBuffer) {
        throw new Error("saveTfjsModel saves layers models (JSON topology), not binary graph models.");
      }
      const weights = artifacts.weightData ? tf.io.CompositeArrayBuffer.join(artifacts.weightData) : new ArrayBuffer(0);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology ?? {},
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
      };
      if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(join(dir, WEIGHTS_BIN), new Uint8Array(weights));
      writeFileAtomic(join(dir, MODEL_JSON), `${JSON.stringify(modelJson)}\n`);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/**
 * Saves a trained tfjs LayersModel to the folder `dir` (created if needed): model.json, weights.bin and the
 * artifact.json envelope. Returns the envelope as written.
 */
export async function saveTfjsModel(
  model: tf.LayersModel,
  dir: string,
  opts: SaveTfjsOptions,
): Promise<ModelArtifact<TfjsPayload>> {
  const inputDim = width(model.inputs[0].shape, "input");
  const outputDim = width(model.outputs[0].shape, "output");
  if (opts.featureNames.length !== inputDim) {
    throw new Error(`saveTfjsModel: ${opts.featureNames.length} featureNames for a model with ${inputDim} inputs.`);
  }
  if (opts.classNames && opts.classNames.length !== outputDim) {
    throw new Error(`saveTfjsModel: ${opts.classNames.length} classNames for a model with ${outputDim} outputs.`);
  }
  await model.save(folderSaveHandler(dir));
  // The envelope goes last: if anything above failed, an older envelope no longer matches the files and says so.
  const envelope = join(dir, ENVELOPE_FILE);
  const payload: TfjsPayload = {
    modelJson: MODEL_JSON,
    weights: WEIGHTS_BIN,
    inputDim,
    outputDim,
    tfjsVersion: tf.version.tfjs,
  };
  return saveArtifact<TfjsPayload>(envelope, {
    kind: TFJS_KIND,
    task: opts.task ?? "classification",
    featureNames: opts.featureNames,
    ...(opts.classNames ? { classNames: opts.classNames } : {}),
    metadata: opts.metadata ?? {},
    files: [describeCompanion(envelope, MODEL_JSON), describeCompanion(envelope, WEIGHTS_BIN)],
    model: payload,
  });
}

/**
 * loadArtifact said a companion file does not match: say which, and how (truncated, grown, or same size but changed),
 * since "truncated" points at an interrupted copy and "changed" at an edit. The envelope itself was verified first,
 * so its recorded sizes and hashes can be trusted.
 */
function explainCompanion(envelope: string, err: ArtifactError): ArtifactError {
  if (err.code !== "companion-corrupt") return err;
  const dir = dirname(envelope);
  const recorded = (JSON.parse(readFileSync(envelope, "utf8")) as ModelArtifact).files ?? [];
  for (const file of recorded) {
    const bytes = readFileSync(companionPath(envelope, file.path));
    const where = `${file.path} in ${dir}`;
    if (bytes.length < file.bytes) {
      return new ArtifactError(
        "companion-corrupt",
        `${where} is truncated: ${bytes.length} of ${file.bytes} bytes (an interrupted save or copy). Save the model again.`,
      );
    }
    if (bytes.length !== file.bytes || createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
      return new ArtifactError(
        "companion-corrupt",
        `${where} is corrupt: ${bytes.length === file.bytes ? "same size, but its sha256 differs" : `${bytes.length} bytes, ${file.bytes} when saved`}; it was modified after saving. Restore it or save the model again.`,
      );
    }
  }
  return err;
}

/** Reads model.json and the weight files it lists, with paths confined to the folder. */
function folderLoadHandler(envelope: string, modelJsonPath: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJson = JSON.parse(readFileSync(companionPath(envelope, modelJsonPath), "utf8")) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const buffers = manifest.flatMap((group) =>
          group.paths.map((p) => new Uint8Array(readFileSync(companionPath(envelope, p)))),
        );
        const total = buffers.reduce((n, b) => n + b.length, 0);
        const joined = new Uint8Array(total);
        let offset = 0;
        for (const b of buffers) {
          joined.set(b, offset);
          offset += b.length;
        }
        return [specs, joined.buffer];
      });
    },
  };
}

/**
 * Loads a folder written by saveTfjsModel. Every check happens before tfjs sees a byte: the envelope's format,
 * schemaVersion and checksum, its kind, and the sha256 of model.json and weights.bin. A problem throws an
 * ArtifactError whose message names it (missing, truncated, corrupt, unsupported version, wrong kind).
 */
export async function loadTfjsModel(
  dir: string,
): Promise<{ model: tf.LayersModel; artifact: ModelArtifact<TfjsPayload> }> {
  const envelope = join(dir, ENVELOPE_FILE);
  let artifact: ModelArtifact<TfjsPayload>;
  try {
    artifact = loadArtifact<TfjsPayload>(envelope, { expectKind: TFJS_KIND });
  } catch (err) {
    throw err instanceof ArtifactError ? explainCompanion(envelope, err) : err;
  }
  const listed = new Set((artifact.files ?? []).map((f) => f.path));
  const payload = artifact.model;
  if (!listed.has(payload.modelJson) || !listed.has(payload.weights)) {
    throw new ArtifactError(
      "invalid",
      `${envelope} does not list ${payload.modelJson} and ${payload.weights} with checksums.`,
    );
  }
  const model = await tf.loadLayersModel(folderLoadHandler(envelope, payload.modelJson));
  const inputDim = width(model.inputs[0].shape, "input");
  if (inputDim !== artifact.featureNames.length) {
    model.dispose();
    throw new ArtifactError(
      "invalid",
      `${envelope}: the model takes ${inputDim} inputs but the envelope names ${artifact.featureNames.length} features.`,
    );
  }
  return { model, artifact };
}
