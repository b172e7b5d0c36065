// Week 4 · Serialization: serve a scikit-learn forest exported to ONNX, from TypeScript, behind the predictor
// interface the capstone serves (version, checksum, feature and class names, predictProba over packed rows).
// Read "Serialization across languages" in notebooks/week-04-model-serving.ipynb first.
// Grade it with `npm run grade onnx-predictor`; stuck? `npm run hint onnx-predictor`.
// The grader loads datasets/models/breast-cancer-forest.onnx (made by scripts/onnx/export_forest.py) and compares
// your probabilities for all 569 rows with scikit-learn's own, recorded beside it in breast-cancer-forest.json.
import { todo } from "../../src/grader/todo";

/** What the caller knows about the model that the .onnx file does not say: column order, class names, a pin. */
export interface OnnxModelInfo {
  /** Input columns, in the order the model was trained on. */
  featureNames: readonly string[];
  /** Class names, in the order of the model's probability columns. */
  classNames: readonly string[];
  /** When given, the sha256 (64 lowercase hex characters) the file's bytes must have. */
  expectedSha256?: string;
  /** Defaults to `onnx-` + the first 12 characters of the checksum. */
  version?: string;
}

/**
 * The capstone's ServingModel shape (capstone/src/model.ts), with one difference: predictProba returns a Promise,
 * because an ONNX Runtime session runs asynchronously.
 */
export interface OnnxServingModel {
  readonly kind: "onnx";
  readonly version: string;
  /** sha256 of the .onnx file's bytes, lowercase hex. */
  readonly checksum: string;
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  /** n rows packed row-major (row r, feature j at values[r * d + j]) -> n x k probabilities, packed the same way. */
  predictProba(values: Float64Array, n: number): Promise<Float64Array>;
  /** Frees the session. */
  close(): Promise<void>;
}

/**
 * Loads an ONNX classifier exported by skl2onnx with zipmap disabled (one input of shape [n, d], float32; an output
 * named "probabilities" of shape [n, k]) and serves it with onnxruntime-web's WebAssembly backend.
 *
 * - Reads the file's bytes and computes their sha256. When `info.expectedSha256` is given: an Error mentioning
 *   "sha256" if it is not 64 lowercase hex characters, and an Error naming both checksums (expected and found) if
 *   the file's differs. Both before any session is created.
 * - A missing file rejects with an Error that names the path.
 * - Sets `env.wasm.numThreads = 1` (one WebAssembly thread: no worker threads, which disturb a notebook kernel) and
 *   creates `InferenceSession.create(bytes, { executionProviders: ["wasm"] })`, both from "onnxruntime-web".
 * - predictProba(values, n), checked before running, each an Error:
 *     n must be a whole number >= 0;
 *     values.length must be n * d (the message says "expected ... values");
 *     every value must be finite (the message names the row and the feature, e.g. "row 1, feature 3").
 *   n = 0 resolves to an empty Float64Array without running the session. Otherwise it feeds a float32 tensor of
 *   dims [n, d] to the session's input, reads the "probabilities" output, checks its dims are [n, k]
 *   (k = classNames.length) and resolves to a NEW Float64Array of n * k numbers.
 */
export async function loadOnnxModel(path: string, info: OnnxModelInfo): Promise<OnnxServingModel> {
  return todo("onnx-predictor");
}
