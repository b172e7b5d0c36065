// Week 7 · Capstone API: the batch path of POST /predict (reference solution).
import { ApiError, type ErrorDetail } from "../../capstone/src/errors";
import type { ServingModel } from "../../capstone/src/model";
import { type InstanceValidator, MAX_DETAILS } from "../../capstone/src/predict/validate";

export { ApiError, type ErrorDetail, MAX_DETAILS };

export interface BatchContext {
  model: ServingModel;
  validator: InstanceValidator;
  maxBatch: number;
}

export interface Prediction {
  class: string;
  probabilities: Record<string, number>;
}

export interface PredictResponse {
  modelVersion: string;
  prediction?: Prediction;
  predictions?: Prediction[];
}

const SHAPE_HINT = 'send { "instances": [ ... ] } or { "instance": { ... } }';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A JSON Pointer segment: "~" and "/" inside a key are escaped (RFC 6901). */
function pointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Steps 1 and 2: the instances to check, and whether the client sent a single one. */
function readShape(body: unknown, maxBatch: number): { instances: unknown[]; single: boolean; key: string } {
  if (!isObject(body))
    throw new ApiError("INVALID_REQUEST", "The body must be a JSON object.", [{ path: "", message: SHAPE_HINT }]);
  const batch = Object.hasOwn(body, "instances");
  const single = Object.hasOwn(body, "instance");
  if (batch === single) {
    const which = batch ? "both `instances` and `instance`" : "neither `instances` nor `instance`";
    throw new ApiError("INVALID_REQUEST", `The body has ${which}: send exactly one.`, [
      { path: "", message: SHAPE_HINT },
    ]);
  }
  if (single) {
    if (!isObject(body.instance)) {
      throw new ApiError("INVALID_REQUEST", "`instance` must be an object.", [
        { path: "/instance", message: "must be an object of feature values" },
      ]);
    }
    return { instances: [body.instance], single: true, key: "instance" };
  }
  const list = body.instances;
  if (!Array.isArray(list)) {
    throw new ApiError("INVALID_REQUEST", "`instances` must be an array.", [
      { path: "/instances", message: "must be an array" },
    ]);
  }
  if (list.length === 0) {
    throw new ApiError("EMPTY_BATCH", "`instances` is empty.", [
      { path: "/instances", message: "must hold at least 1 instance" },
    ]);
  }
  if (list.length > maxBatch) {
    throw new ApiError("BATCH_TOO_LARGE", `${list.length} instances, more than the limit of ${maxBatch}.`, [
      { path: "/instances", message: `must hold at most ${maxBatch} instances (MAX_BATCH)` },
    ]);
  }
  return { instances: list, single: false, key: "instances" };
}

export function runBatch(body: unknown, context: BatchContext): PredictResponse {
  const { model, validator, maxBatch } = context;
  const { instances, single, key } = readShape(body, maxBatch);

  // Step 3: every problem of the request, so the client fixes them all in one round trip.
  const problems: ErrorDetail[] = Object.keys(body as object)
    .filter((k) => k !== key)
    .map((k) => ({ path: `/${pointer(k)}`, message: `unknown field: the body holds only \`${key}\`` }));
  let total = problems.length;
  instances.forEach((instance, i) => {
    // The compiled check is cheap; the detailed walk runs only for an instance that failed it.
    if (validator.check(instance)) return;
    const found = validator.explain(instance, single ? "/instance" : `/instances/${i}`);
    total += found.length;
    for (const d of found) if (problems.length < MAX_DETAILS) problems.push(d);
  });
  if (total > 0) {
    const listed = total > problems.length ? ` (the first ${problems.length} are listed)` : "";
    throw new ApiError(
      "VALIDATION_FAILED",
      `${total} field${total === 1 ? " is" : "s are"} invalid${listed}.`,
      problems,
    );
  }

  // Step 4: one call for the whole request, the features in the model's order whatever the keys' order.
  const names = model.featureNames;
  const d = names.length;
  const n = instances.length;
  const values = new Float64Array(n * d);
  instances.forEach((instance, r) => {
    const row = instance as Record<string, number>;
    for (let j = 0; j < d; j++) values[r * d + j] = row[names[j]];
  });
  const proba = model.predictProba(values, n);
  const k = model.classNames.length;
  const predictions: Prediction[] = [];
  for (let r = 0; r < n; r++) {
    const probabilities: Record<string, number> = {};
    let best = 0;
    for (let c = 0; c < k; c++) {
      probabilities[model.classNames[c]] = proba[r * k + c];
      if (proba[r * k + c] > proba[r * k + best]) best = c;
    }
    predictions.push({ class: model.classNames[best], probabilities });
  }
  return single
    ? { modelVersion: model.version, prediction: predictions[0] }
    : { modelVersion: model.version, predictions };
}
