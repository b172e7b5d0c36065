// Week 7 · Capstone API: a new request field, `threshold`, the decision threshold for the positive class.
// Read "The API: /predict, validation and errors" in notebooks/week-07-capstone.ipynb first.
// Grade it with `npm run grade capstone-request-field`; stuck? `npm run hint capstone-request-field`.
// The grader plugs your function into the capstone service as its batch path, build({ runBatch: withThreshold(
// runBatch, "malignant") }) from capstone/src/app.ts, wrapping the service's own runBatch, and checks the answers,
// the 400 envelopes (with the path of every bad field) and the prediction metrics over inject().
//
// Why: the service answers the most probable class, a 0.5 cut for two classes. A screening clinic would rather
// send a few more benign cases to a second look than miss a malignant one, so it asks for
// `{ "threshold": 0.2, "instances": [...] }`: "call it malignant from 20% on". Same model, another trade-off
// between recall and precision, chosen per request.
import { ApiError } from "../../capstone/src/errors";
import { todo } from "../../src/grader/todo";

// Re-exported so a notebook or a test can raise the service's own errors from here.
export { ApiError };

/** One answer, as the service's response schema has it. */
export interface Prediction {
  class: string;
  probabilities: Record<string, number>;
}

/** The body POST /predict answers with (capstone/src/schemas.ts PredictResponse). */
export interface PredictResponse {
  modelVersion: string;
  prediction?: Prediction;
  predictions?: Prediction[];
}

/** What the service hands its batch path (capstone/src/predict/batch.ts BatchContext), as far as you need it. */
export interface BatchContext {
  model: { readonly version: string; readonly classNames: readonly string[] };
  maxBatch: number;
}

/** A batch path: the parsed JSON body in, the response body out; throws an ApiError for a client's mistake. */
export type RunBatch<C extends BatchContext = BatchContext> = (body: unknown, context: C) => PredictResponse;

/**
 * A batch path that accepts an optional top-level `threshold` and otherwise behaves exactly like `inner` (the
 * service's own runBatch, which validates `instances`/`instance` and predicts).
 *
 * - No `threshold` (the key is absent): inner's answer, unchanged.
 * - `threshold` present: it must be a number strictly between 0 and 1. Remove it from the body, let `inner`
 *   answer the rest, then re-decide every prediction's `class`: `positiveClass` when its probability is
 *   >= threshold, otherwise the most probable of the other classes (the first one on a tie). Probabilities and
 *   modelVersion are inner's, untouched. Do not change the caller's body object.
 * - A bad threshold (a string such as "0.3", null, 0, 1, -1, 2, an infinite number): throw
 *   `new ApiError("VALIDATION_FAILED", message, details)` with the detail
 *   `{ path: "/threshold", message: <what is wrong, for a person> }`. If the instances have problems too, list
 *   them in the SAME error: the /threshold detail first, then inner's details (the API reports every bad field
 *   at once). Any other error from inner (INVALID_REQUEST, EMPTY_BATCH, BATCH_TOO_LARGE) passes through as is.
 * - A request with a threshold while `positiveClass` is not one of context.model.classNames: throw a plain Error
 *   (a server misconfiguration, so the client gets 500 INTERNAL_ERROR, not a 400 it could fix).
 */
export function withThreshold<C extends BatchContext>(inner: RunBatch<C>, positiveClass: string): RunBatch<C> {
  return todo("capstone-request-field");
}
