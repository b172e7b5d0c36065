// Week 3 · The SageMaker inference container contract: GET /ping and POST /invocations, for a small dense network.
// Read "The SageMaker inference container contract" in notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-sagemaker-container`; stuck? `npm run hint aws-sagemaker-container`.
import type { Server } from "node:http";
import type { DenseNetwork } from "../../src/aws/sagemaker-model";
import { todo } from "../../src/grader/todo";

/** One row's answer. */
export interface Prediction {
  /** The most probable class's name (the first one on a tie). */
  label: string;
  /** Every class's probability by name; they sum to 1. */
  probabilities: Record<string, number>;
}

/**
 * The network's forward pass: standardise each row with model.mean and model.std, then apply every layer in order,
 * a = activation(a · weights + bias), where weights is inputs × units. Activations: "linear" (identity), "relu",
 * "tanh", "sigmoid" and "softmax" (subtract the row's max before exp, so large logits cannot overflow).
 * Throws an Error mentioning "row <i>" (counting from 1) when a row does not have model.featureNames.length values.
 */
export function predictRows(model: DenseNetwork, rows: number[][]): Prediction[] {
  return todo("aws-sagemaker-container");
}

export interface InferenceServerOptions {
  /** The port to listen on; SageMaker always uses 8080, tests pass a free one. */
  port: number;
  /** @default "127.0.0.1" (a real container listens on "0.0.0.0") */
  host?: string;
  /** Where the model lives. @default "/opt/ml/model" (where SageMaker unpacks model.tar.gz) */
  modelDir?: string;
  /** Loads the model; the default is loadDenseNetwork(modelDir) from src/aws/sagemaker-model. */
  loadModel?: () => Promise<DenseNetwork>;
}

export interface InferenceServer {
  server: Server;
  /** "http://<host>:<port>" */
  url: string;
  /** Stops listening and resolves once the server is closed. */
  close(): Promise<void>;
}

/**
 * Starts the container's HTTP server and resolves once it LISTENS, which is before the model has loaded: call
 * loadModel() right away, without waiting for it. Then:
 * - GET /ping: 200 once the model is loaded; 503 while it is loading or if loading failed.
 * - POST /invocations: 503 until the model is loaded. The Content-Type decides the format (ignore parameters such as
 *   "; charset=utf-8"):
 *   - "text/csv": one row per line, comma-separated numbers, no header; blank lines are skipped.
 *   - "application/json": {"instances": [[...], [...]]}.
 *   - anything else (or none): 415 Unsupported Media Type.
 *   Bad input is a 400 whose JSON body is {"error": "<message>"}; the message says what is wrong and where, e.g.
 *   "row 2 has 3 values, expected 4" or "row 1, column 3: \"abc\" is not a number". Invalid JSON, a body without an
 *   "instances" array, and a body with no rows are 400s too.
 *   Success is 200 with Content-Type "application/json" and the body {"predictions": Prediction[]}, one per row.
 * - Any other method or path: 404 with a JSON {"error"} body.
 */
export function createInferenceServer(options: InferenceServerOptions): Promise<InferenceServer> {
  return todo("aws-sagemaker-container");
}
