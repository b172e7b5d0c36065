// Week 7 · Capstone API: the batch path of POST /predict, from the parsed body to the response.
// Read "The API: /predict, validation and errors" in notebooks/week-07-capstone.ipynb first.
// Grade it with `npm run grade capstone-batch-path`; stuck? `npm run hint capstone-batch-path`.
// The grader runs your runBatch INSIDE the capstone service, build({ runBatch }) from capstone/src/app.ts, and
// sends it real requests over inject(): its answers must equal the trained forest's, one model call per request,
// and every client mistake must come back as the service's 400 envelope with the path of each bad field.
import { ApiError, type ErrorDetail } from "../../capstone/src/errors";
import type { ServingModel } from "../../capstone/src/model";
import { type InstanceValidator, MAX_DETAILS } from "../../capstone/src/predict/validate";
import { todo } from "../../src/grader/todo";

export { ApiError, type ErrorDetail, MAX_DETAILS };

/** What the service hands the batch path for every request (capstone/src/predict/batch.ts BatchContext). */
export interface BatchContext {
  /** The loaded model: featureNames (input order), classNames, version, predictProba(values, n). */
  model: ServingModel;
  /** The model's instance schema, compiled: check(instance) is true for a valid one; explain(instance, path) lists
   * one { path, message } per bad field, with paths under `path` (e.g. "/instances/3/mean_radius"). */
  validator: InstanceValidator;
  /** MAX_BATCH: the most instances one request may carry. */
  maxBatch: number;
}

export interface Prediction {
  /** The most probable class (the first one on a tie). */
  class: string;
  /** Every class's probability, by class name. */
  probabilities: Record<string, number>;
}

export interface PredictResponse {
  modelVersion: string;
  /** The answer to `{ "instance": {...} }`. */
  prediction?: Prediction;
  /** The answers to `{ "instances": [...] }`, in order. */
  predictions?: Prediction[];
}

/**
 * The batch path: `body` is the parsed JSON body (anything a client can send), the result is the response body.
 * A client's mistake is thrown as `new ApiError(code, message, details)`; the service turns it into the 400
 * envelope `{ error: { code, message, details, requestId } }`. Check in this order:
 *
 * 1. The shape. INVALID_REQUEST, with a detail at path "" (the body itself), unless the body is an object with
 *    exactly one of `instances` and `instance`. `instances` that is not an array: INVALID_REQUEST at
 *    "/instances". `instance` that is not an object (null, an array, a number): INVALID_REQUEST at "/instance".
 * 2. The size. `instances` empty: EMPTY_BATCH, detail at "/instances". More than context.maxBatch instances:
 *    BATCH_TOO_LARGE, detail at "/instances" (exactly maxBatch is fine).
 * 3. The fields: ONE VALIDATION_FAILED listing every problem of the whole request, in this order: each extra
 *    top-level field (path "/<name>", e.g. "/debug"), then, instance by instance, what validator.explain gives
 *    under "/instances/<i>" (or "/instance" for a single one). At most MAX_DETAILS details; the message says how
 *    many problems there were in all.
 * 4. Only then predict, with ONE model.predictProba call for the whole request: pack the instances row-major into
 *    one Float64Array in the MODEL's feature order (model.featureNames; the keys of an instance may come in any
 *    order). Answer `{ modelVersion: model.version, predictions }` for `instances`, or `{ modelVersion,
 *    prediction }` for `instance`, with the probabilities exactly as the model computed them.
 */
export function runBatch(body: unknown, context: BatchContext): PredictResponse {
  return todo("capstone-batch-path");
}
