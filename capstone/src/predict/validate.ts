/**
 * Reading a prediction request: its shape first (an object with `instances` or `instance`), then every instance
 * against the model's instance schema (schemas.ts), compiled once by TypeBox into a fast checker.
 *
 * Valid instances cost one compiled check each. Only when a check fails do we walk the errors, to tell the client
 * EVERY bad field with its JSON Pointer path and a message written for a person, e.g.
 *
 *   /instances/0/mean_radius    missing feature
 *   /instances/2/mean_area      must be a number, got the string "NaN" (JSON has no NaN or Infinity)
 *   /instances/2/worst_area     is not a finite number: it overflows float64 (JSON.parse read it as Infinity)
 *   /instances/4/colour         unknown field: not a feature of this model (the features are listed by GET /model)
 */
import type { TObject } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { type ValueError, ValueErrorType } from "@sinclair/typebox/errors";
import { ApiError, type ErrorDetail } from "../errors";

/** At most this many details in one response: a batch of 1000 empty objects would otherwise list 30 000 problems. */
export const MAX_DETAILS = 100;

export interface InstanceValidator {
  readonly schema: TObject;
  /** True when `value` is a valid instance. */
  check(value: unknown): boolean;
  /** Every problem of an invalid instance, one per field, with paths starting at `path` (e.g. "/instances/3"). */
  explain(value: unknown, path: string): ErrorDetail[];
}

export function compileInstanceValidator(schema: TObject): InstanceValidator {
  const compiled = TypeCompiler.Compile(schema);
  return {
    schema,
    check: (value) => compiled.Check(value),
    explain: (value, path) => {
      const byPath = new Map<string, string>();
      for (const error of compiled.Errors(value)) {
        const where = path + error.path;
        // TypeBox reports a missing field twice (required, then "expected number"): the first says it best.
        if (!byPath.has(where)) byPath.set(where, describe(error));
      }
      return [...byPath].map(([p, message]) => ({ path: p, message }));
    },
  };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (value === undefined) return "nothing";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

const NON_FINITE_TEXT = /^\s*[+-]?(nan|inf|infinity)\s*$/i;

/** A message a client can act on, for one TypeBox error. */
function describe(error: ValueError): string {
  const { type, value } = error;
  if (type === ValueErrorType.ObjectRequiredProperty) return "missing feature";
  if (type === ValueErrorType.ObjectAdditionalProperties) {
    return "unknown field: not a feature of this model (the features are listed by GET /model)";
  }
  if (type === ValueErrorType.Number) {
    if (typeof value === "number") {
      return "is not a finite number: it overflows float64 (JSON.parse read it as Infinity)";
    }
    const hint = typeof value === "string" && NON_FINITE_TEXT.test(value) ? " (JSON has no NaN or Infinity)" : "";
    return `must be a number, got ${kindOf(value)}${hint}`;
  }
  if (type === ValueErrorType.Object) return `must be an object of feature values, got ${kindOf(value)}`;
  return error.message;
}

export interface PredictRequest {
  /** The instances, valid against the validator's schema. */
  instances: readonly Record<string, unknown>[];
  /** true for `{ "instance": ... }`: the answer is one `prediction`, not a list. */
  single: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks a parsed JSON body and returns its instances, or throws the ApiError the client should get. */
export function readPredictRequest(body: unknown, validator: InstanceValidator, maxBatch: number): PredictRequest {
  if (!isObject(body)) {
    throw new ApiError("INVALID_REQUEST", `The body must be a JSON object, got ${kindOf(body)}.`, [
      { path: "", message: 'send { "instances": [ ... ] } or { "instance": { ... } }' },
    ]);
  }
  const hasBatch = Object.hasOwn(body, "instances");
  const hasSingle = Object.hasOwn(body, "instance");
  if (hasBatch === hasSingle) {
    const which = hasBatch ? "both `instances` and `instance`" : "neither `instances` nor `instance`";
    throw new ApiError("INVALID_REQUEST", `The body has ${which}: send exactly one of them.`, [
      { path: "", message: 'send { "instances": [ ... ] } or { "instance": { ... } }' },
    ]);
  }
  const key = hasBatch ? "instances" : "instance";
  const extra: ErrorDetail[] = Object.keys(body)
    .filter((k) => k !== key)
    .map((k) => ({ path: `/${escapePointer(k)}`, message: `unknown field: the body holds only \`${key}\`` }));

  let instances: unknown[];
  if (hasBatch) {
    const list = body.instances;
    if (!Array.isArray(list)) {
      throw new ApiError("INVALID_REQUEST", `\`instances\` must be an array of objects, got ${kindOf(list)}.`, [
        { path: "/instances", message: "must be an array" },
      ]);
    }
    if (list.length === 0) {
      throw new ApiError("EMPTY_BATCH", "`instances` is empty: send at least one instance.", [
        { path: "/instances", message: "must hold at least 1 instance" },
      ]);
    }
    if (list.length > maxBatch) {
      throw new ApiError(
        "BATCH_TOO_LARGE",
        `\`instances\` holds ${list.length} instances, more than the limit of ${maxBatch}: split the batch.`,
        [{ path: "/instances", message: `must hold at most ${maxBatch} instances (MAX_BATCH)` }],
      );
    }
    instances = list;
  } else {
    if (!isObject(body.instance)) {
      throw new ApiError("INVALID_REQUEST", `\`instance\` must be an object, got ${kindOf(body.instance)}.`, [
        { path: "/instance", message: "must be an object of feature values" },
      ]);
    }
    instances = [body.instance];
  }

  const problems: ErrorDetail[] = [...extra];
  let total = extra.length;
  for (let i = 0; i < instances.length; i++) {
    if (validator.check(instances[i])) continue;
    const found = validator.explain(instances[i], hasBatch ? `/instances/${i}` : "/instance");
    total += found.length;
    for (const d of found) if (problems.length < MAX_DETAILS) problems.push(d);
  }
  if (total > 0) {
    const listed = total > problems.length ? ` (the first ${problems.length} are listed)` : "";
    throw new ApiError(
      "VALIDATION_FAILED",
      `${total} field${total === 1 ? " is" : "s are"} invalid${listed}.`,
      problems,
    );
  }
  return { instances: instances as Record<string, unknown>[], single: !hasBatch };
}

/** RFC 6901: "~" and "/" inside a key are written "~0" and "~1" in a JSON Pointer. */
export function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Valid instances -> the model's input: n rows packed row-major, features in the model's order. */
export function toRows(instances: readonly Record<string, unknown>[], featureNames: readonly string[]): Float64Array {
  const d = featureNames.length;
  const values = new Float64Array(instances.length * d);
  for (let r = 0; r < instances.length; r++) {
    const instance = instances[r];
    for (let j = 0; j < d; j++) values[r * d + j] = instance[featureNames[j]] as number;
  }
  return values;
}
