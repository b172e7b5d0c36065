// Reference solution for exercises/week-04/onnx-predictor.ts.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { env, InferenceSession, Tensor } from "onnxruntime-web";

/** What the caller knows about the model that the .onnx file does not say: column order, class names, a pin. */
export interface OnnxModelInfo {
  featureNames: readonly string[];
  classNames: readonly string[];
  expectedSha256?: string;
  version?: string;
}

/** The capstone's ServingModel shape, with an asynchronous predictProba (ONNX Runtime sessions run async). */
export interface OnnxServingModel {
  readonly kind: "onnx";
  readonly version: string;
  readonly checksum: string;
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  predictProba(values: Float64Array, n: number): Promise<Float64Array>;
  close(): Promise<void>;
}

export async function loadOnnxModel(path: string, info: OnnxModelInfo): Promise<OnnxServingModel> {
  const pin = info.expectedSha256;
  // A typo in the pin is a configuration error, not a "different model": say so before reading anything.
  if (pin !== undefined && !/^[0-9a-f]{64}$/.test(pin)) {
    throw new Error(`expectedSha256 must be 64 lowercase hex characters (a sha256), got "${pin}".`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new Error(`cannot read the ONNX model ${path}: ${(e as Error).message}`);
  }
  const checksum = createHash("sha256").update(bytes).digest("hex");
  if (pin !== undefined && checksum !== pin) {
    throw new Error(`${path} is not the pinned model: expected sha256 ${pin}, found ${checksum}.`);
  }
  // One WebAssembly thread: the default may start worker threads, which a small forest does not need and which
  // disturb the notebook kernel's own sockets.
  env.wasm.numThreads = 1;
  // Only after the check: parsing an unexpected file is work, and a parser is attack surface.
  const session = await InferenceSession.create(new Uint8Array(bytes), { executionProviders: ["wasm"] });
  const input = session.inputNames[0];
  const d = info.featureNames.length;
  const k = info.classNames.length;

  async function predictProba(values: Float64Array, n: number): Promise<Float64Array> {
    if (!Number.isInteger(n) || n < 0) throw new Error(`row count must be a whole number >= 0, got ${n}.`);
    if (values.length !== n * d) {
      throw new Error(`expected ${n} rows x ${d} features = ${n * d} values, got ${values.length}.`);
    }
    for (let v = 0; v < values.length; v++) {
      // NaN would not fail inside the trees: it would quietly take one branch at every split.
      if (!Number.isFinite(values[v])) {
        throw new Error(`row ${Math.floor(v / d)}, feature ${v % d} is ${values[v]}: need finite numbers.`);
      }
    }
    if (n === 0) return new Float64Array(0);
    // skl2onnx declared the input float32 (as scikit-learn's trees compare in float32 too).
    const out = await session.run({ [input]: new Tensor("float32", Float32Array.from(values), [n, d]) });
    const proba = out.probabilities;
    if (!proba) throw new Error(`the model has no "probabilities" output (it has: ${session.outputNames.join(", ")}).`);
    if (proba.dims.length !== 2 || proba.dims[0] !== n || proba.dims[1] !== k) {
      throw new Error(`"probabilities" has dims [${proba.dims.join(", ")}], expected [${n}, ${k}].`);
    }
    return Float64Array.from(proba.data as Float32Array);
  }

  return {
    kind: "onnx",
    version: info.version ?? `onnx-${checksum.slice(0, 12)}`,
    checksum,
    featureNames: [...info.featureNames],
    classNames: [...info.classNames],
    predictProba,
    close: () => session.release(),
  };
}
