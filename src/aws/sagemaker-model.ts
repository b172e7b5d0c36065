/**
 * The small model the week-3 SageMaker container serves: a dense network stored as one JSON file.
 *
 * SageMaker hands a container its model by unpacking the training job's model.tar.gz into /opt/ml/model before the
 * container starts. Our "model.tar.gz" holds a single model.json in the format below: the standardisation learned
 * on the training rows, then dense layers applied in order. A softmax regression is the one-layer case; a small MLP
 * trained with TensorFlow.js exports to the same format (weights are inputs × units, exactly a tfjs Dense kernel).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fitStandardizer } from "../data/scale";

export type DenseActivation = "linear" | "relu" | "tanh" | "sigmoid" | "softmax";

export interface DenseLayer {
  /** inputs × units: weights[i][j] connects input i to unit j (a tfjs Dense layer's kernel has this shape). */
  weights: number[][];
  /** One per unit. */
  bias: number[];
  activation: DenseActivation;
}

export interface DenseNetwork {
  format: "dense-network";
  version: 1;
  /** The columns a request row must have, in order. */
  featureNames: string[];
  /** The last layer has one unit per class, in this order. */
  classNames: string[];
  /** Every row is standardised first: (x - mean) / std, with the training rows' statistics. */
  mean: number[];
  std: number[];
  layers: DenseLayer[];
  /** Where the model came from (dataset, accuracy, ...). Informational: serving ignores it. */
  metadata?: Record<string, unknown>;
}

/** The file name inside the model directory. */
export const MODEL_FILE = "model.json";
/** Where SageMaker unpacks model.tar.gz inside an inference container. */
export const SAGEMAKER_MODEL_DIR = "/opt/ml/model";

const ACTIVATIONS: readonly string[] = ["linear", "relu", "tanh", "sigmoid", "softmax"];

function fail(where: string, message: string): never {
  throw new Error(`invalid dense-network model: ${where} ${message}`);
}

function finiteVector(value: unknown, length: number, where: string): number[] {
  if (!Array.isArray(value)) fail(where, "must be an array of numbers");
  if (value.length !== length) fail(where, `has ${value.length} values, expected ${length}`);
  value.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      fail(`${where}[${i}]`, `is ${JSON.stringify(v)}, not a finite number`);
  });
  return value as number[];
}

function nameList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, "must be a non-empty array of strings");
  value.forEach((v, i) => {
    if (typeof v !== "string" || v === "") fail(`${where}[${i}]`, "must be a non-empty string");
  });
  return value as string[];
}

/**
 * Checks that a parsed JSON value is a usable DenseNetwork: the format tag, consistent shapes from the features
 * through every layer to the classes, positive stds and finite numbers everywhere. Throws an Error naming the first
 * problem (e.g. "layers[1].weights has 4 rows, expected 8"), so a broken model.json fails at load time, not on the
 * first request.
 */
export function validateDenseNetwork(value: unknown): DenseNetwork {
  if (!value || typeof value !== "object") fail("the document", "must be a JSON object");
  const net = value as Record<string, unknown>;
  if (net.format !== "dense-network") fail("format", `is ${JSON.stringify(net.format)}, expected "dense-network"`);
  if (net.version !== 1) fail("version", `is ${JSON.stringify(net.version)}, expected 1`);
  const featureNames = nameList(net.featureNames, "featureNames");
  const classNames = nameList(net.classNames, "classNames");
  finiteVector(net.mean, featureNames.length, "mean");
  const std = finiteVector(net.std, featureNames.length, "std");
  std.forEach((s, i) => {
    if (!(s > 0)) fail(`std[${i}]`, `is ${s}; every std must be positive`);
  });
  if (!Array.isArray(net.layers) || net.layers.length === 0) fail("layers", "must be a non-empty array");
  let inputs = featureNames.length;
  net.layers.forEach((layer: unknown, l: number) => {
    const where = `layers[${l}]`;
    if (!layer || typeof layer !== "object") fail(where, "must be an object");
    const { weights, bias, activation } = layer as Record<string, unknown>;
    if (typeof activation !== "string" || !ACTIVATIONS.includes(activation)) {
      fail(`${where}.activation`, `is ${JSON.stringify(activation)}, expected one of ${ACTIVATIONS.join(", ")}`);
    }
    if (!Array.isArray(weights)) fail(`${where}.weights`, "must be an array of rows");
    if (weights.length !== inputs) fail(`${where}.weights`, `has ${weights.length} rows, expected ${inputs}`);
    const units = Array.isArray(bias) ? bias.length : 0;
    if (units === 0) fail(`${where}.bias`, "must be a non-empty array of numbers");
    finiteVector(bias, units, `${where}.bias`);
    for (const [i, row] of weights.entries()) finiteVector(row, units, `${where}.weights[${i}]`);
    inputs = units;
  });
  const last = (net.layers as DenseLayer[])[net.layers.length - 1];
  if (inputs !== classNames.length)
    fail("the last layer", `has ${inputs} units, expected ${classNames.length} (one per class)`);
  if (last.activation !== "softmax")
    fail("the last layer", `must use softmax to give class probabilities, not ${last.activation}`);
  return value as DenseNetwork;
}

/** Reads and validates <modelDir>/model.json (asynchronously, so a server can answer /ping while it loads). */
export async function loadDenseNetwork(modelDir: string = SAGEMAKER_MODEL_DIR): Promise<DenseNetwork> {
  const path = join(modelDir, MODEL_FILE);
  const text = await readFile(path, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  return validateDenseNetwork(parsed);
}

/** The synchronous twin of loadDenseNetwork, for scripts and notebooks. */
export function readDenseNetwork(modelDir: string = SAGEMAKER_MODEL_DIR): DenseNetwork {
  return validateDenseNetwork(JSON.parse(readFileSync(join(modelDir, MODEL_FILE), "utf8")));
}

/** Writes <modelDir>/model.json (creating the folder) after validating the network; returns the file's path. */
export function writeDenseNetwork(modelDir: string, network: DenseNetwork): string {
  validateDenseNetwork(network);
  mkdirSync(modelDir, { recursive: true });
  const path = join(modelDir, MODEL_FILE);
  writeFileSync(path, `${JSON.stringify(network)}\n`);
  return path;
}

export interface SoftmaxTrainingOptions {
  featureNames: string[];
  classNames: string[];
  /** Full-batch gradient steps. @default 300 */
  epochs?: number;
  /** @default 0.5 */
  learningRate?: number;
  /** L2 penalty (λ/2)·Σw² on the weights, not the biases. @default 0.001 */
  l2?: number;
  metadata?: Record<string, unknown>;
}

/**
 * Trains multinomial logistic (softmax) regression by full-batch gradient descent on standardised features, from
 * zero weights, so the result is deterministic. Returns it as a one-layer DenseNetwork. This is the "small model"
 * the container tests serve; it is not an exercise, just a quick, reproducible way to get real trained weights.
 */
export function trainSoftmaxRegression(X: number[][], y: number[], options: SoftmaxTrainingOptions): DenseNetwork {
  if (X.length === 0) throw new Error("trainSoftmaxRegression: empty X");
  if (X.length !== y.length)
    throw new Error(`trainSoftmaxRegression: length mismatch (${X.length} rows, ${y.length} labels)`);
  const { featureNames, classNames, epochs = 300, learningRate = 0.5, l2 = 0.001 } = options;
  const scaler = fitStandardizer(X);
  const Z = scaler.transform(X);
  const n = Z.length;
  const d = featureNames.length;
  const k = classNames.length;
  const W = Array.from({ length: d }, () => new Array<number>(k).fill(0));
  const b = new Array<number>(k).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gW = W.map((row) => row.map((w) => l2 * w));
    const gb = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) {
      const logits = b.map((bj, j) => Z[i].reduce((s, x, f) => s + x * W[f][j], bj));
      const top = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - top));
      const total = exps.reduce((s, e) => s + e, 0);
      for (let j = 0; j < k; j++) {
        // d(cross-entropy)/d(logit j) = p_j - [y = j], averaged over the rows.
        const err = (exps[j] / total - (y[i] === j ? 1 : 0)) / n;
        gb[j] += err;
        for (let f = 0; f < d; f++) gW[f][j] += err * Z[i][f];
      }
    }
    for (let f = 0; f < d; f++) for (let j = 0; j < k; j++) W[f][j] -= learningRate * gW[f][j];
    for (let j = 0; j < k; j++) b[j] -= learningRate * gb[j];
  }
  return validateDenseNetwork({
    format: "dense-network",
    version: 1,
    featureNames: [...featureNames],
    classNames: [...classNames],
    mean: scaler.mean,
    std: scaler.std,
    layers: [{ weights: W, bias: b, activation: "softmax" }],
    metadata: {
      trainer: "softmax regression, full-batch gradient descent",
      epochs,
      learningRate,
      l2,
      ...options.metadata,
    },
  });
}
