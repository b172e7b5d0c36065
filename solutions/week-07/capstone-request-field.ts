// Week 7 · Capstone API: the `threshold` request field (reference solution).
// It wraps the service's own batch path instead of copying it: validation, paths and predictions stay the
// service's, and this file only owns what is new (one field and one decision rule).
import { ApiError, type ErrorDetail } from "../../capstone/src/errors";

export { ApiError };

export interface Prediction {
  class: string;
  probabilities: Record<string, number>;
}

export interface PredictResponse {
  modelVersion: string;
  prediction?: Prediction;
  predictions?: Prediction[];
}

export interface BatchContext {
  model: { readonly version: string; readonly classNames: readonly string[] };
  maxBatch: number;
}

export type RunBatch<C extends BatchContext = BatchContext> = (body: unknown, context: C) => PredictResponse;

/** What is wrong with a threshold value, or null when it is a usable one. */
function thresholdProblem(value: unknown): string | null {
  if (typeof value !== "number") {
    const got =
      value === null ? "null" : typeof value === "string" ? `the string ${JSON.stringify(value)}` : typeof value;
    return `must be a number strictly between 0 and 1, got ${got}`;
  }
  if (!Number.isFinite(value)) return "must be a finite number strictly between 0 and 1";
  if (value <= 0 || value >= 1) return `must be strictly between 0 and 1, got ${value}`;
  return null;
}

/** The positive class from `threshold` on, else the most probable other class (first one on a tie). */
function decide(p: Prediction, classNames: readonly string[], positive: string, threshold: number): Prediction {
  if (p.probabilities[positive] >= threshold) return { ...p, class: positive };
  let best = "";
  for (const name of classNames) {
    if (name === positive) continue;
    if (best === "" || p.probabilities[name] > p.probabilities[best]) best = name;
  }
  return { ...p, class: best };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function withThreshold<C extends BatchContext>(inner: RunBatch<C>, positiveClass: string): RunBatch<C> {
  return (body, context) => {
    if (!isObject(body) || !Object.hasOwn(body, "threshold")) return inner(body, context);
    if (!context.model.classNames.includes(positiveClass)) {
      throw new Error(
        `positive class "${positiveClass}" is not one of the model's: ${context.model.classNames.join(", ")}`,
      );
    }
    const { threshold, ...rest } = body;
    const problem = thresholdProblem(threshold);
    const own: ErrorDetail[] = problem ? [{ path: "/threshold", message: problem }] : [];
    let response: PredictResponse;
    try {
      response = inner(rest, context);
    } catch (e) {
      // One envelope with every bad field: ours first, then the instances' (only a VALIDATION_FAILED lists fields).
      if (own.length > 0 && e instanceof ApiError && e.code === "VALIDATION_FAILED") {
        const details = [...own, ...e.details];
        throw new ApiError("VALIDATION_FAILED", `${details.length} fields are invalid.`, details);
      }
      throw e;
    }
    if (own.length > 0) throw new ApiError("VALIDATION_FAILED", "1 field is invalid.", own);
    const t = threshold as number;
    const names = context.model.classNames;
    return {
      ...response,
      ...(response.prediction ? { prediction: decide(response.prediction, names, positiveClass, t) } : {}),
      ...(response.predictions
        ? { predictions: response.predictions.map((p) => decide(p, names, positiveClass, t)) }
        : {}),
    };
  };
}
