/**
 * The batch path of POST /predict: validate the body, pack the instances into the model's input, predict them all in
 * ONE call (the flat predictor loops over rows and trees without allocating), and shape the answer.
 *
 * build({ runBatch }) accepts another implementation with this signature, which is how an exercise plugs its own
 * batch path into the real service: validation, metrics, errors and docs stay the service's.
 */
import { argmax } from "../../../src/ml/forest";
import type { ServingModel } from "../model";
import type { Prediction, PredictResponse } from "../schemas";
import { type InstanceValidator, readPredictRequest, toRows } from "./validate";

export interface BatchContext {
  model: ServingModel;
  /** The model's instance schema, compiled (see validate.ts). */
  validator: InstanceValidator;
  /** MAX_BATCH: the most instances one request may carry. */
  maxBatch: number;
}

/** Parsed JSON body in, response body out; throws an ApiError (errors.ts) for a request the client got wrong. */
export type RunBatch = (body: unknown, context: BatchContext) => PredictResponse;

export const runBatch: RunBatch = (body, { model, validator, maxBatch }) => {
  const request = readPredictRequest(body, validator, maxBatch);
  const n = request.instances.length;
  const proba = model.predictProba(toRows(request.instances, model.featureNames), n);
  const predictions = toPredictions(proba, n, model.classNames);
  return request.single
    ? { modelVersion: model.version, prediction: predictions[0] }
    : { modelVersion: model.version, predictions };
};

/** n x k packed probabilities -> one { class, probabilities } per row; a tie goes to the first class, as in src/ml. */
export function toPredictions(proba: Float64Array, n: number, classNames: readonly string[]): Prediction[] {
  const k = classNames.length;
  const out = new Array<Prediction>(n);
  for (let r = 0; r < n; r++) {
    const row = proba.subarray(r * k, (r + 1) * k);
    const probabilities: Record<string, number> = {};
    for (let c = 0; c < k; c++) probabilities[classNames[c]] = row[c];
    out[r] = { class: classNames[argmax(row)], probabilities };
  }
  return out;
}
