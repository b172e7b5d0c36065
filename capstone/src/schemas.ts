/**
 * Every request and response body of the API as TypeBox schemas: the SAME objects validate requests, serialize
 * responses (fast-json-stringify) and generate the OpenAPI document (@fastify/swagger). Change a schema here and the
 * docs, the validation and the fuzzing all follow.
 *
 * The request schema depends on the model: its features are the model's featureNames. instanceSchema(featureNames)
 * builds it once the model is loaded. Before that (and in the document's skeleton) a generic instance, "an object of
 * numbers", stands in; marks like "x-model-instance" tell openapi.ts where to put the model's own schema.
 */
import { type TObject, type TSchema, Type } from "@sinclair/typebox";
import { ERROR_CODES } from "./errors";

/** Where the model-specific schemas go in the OpenAPI document (see openapi.ts). */
export const MODEL_MARK = {
  instance: "x-model-instance",
  probabilities: "x-model-probabilities",
  className: "x-model-class",
} as const;

const featureValue = (name: string) =>
  Type.Number({
    description:
      `Value of feature "${name}": a finite JSON number. Strings ("12.5", "NaN") are refused, not converted; ` +
      "numbers that overflow to Infinity (1e999) are refused.",
  });

/**
 * One instance for a model with these features: every feature required, each a finite number, and NO other field.
 * Extra fields are rejected (400 VALIDATION_FAILED with their paths), never silently ignored: a misspelt feature name
 * would otherwise look like a missing one, and a client sending a field the model does not use deserves to know.
 */
export function instanceSchema(featureNames: readonly string[]): TObject {
  const properties: Record<string, TSchema> = {};
  for (const name of featureNames) properties[name] = featureValue(name);
  return Type.Object(properties, {
    additionalProperties: false,
    title: "Instance",
    description: "One row to predict: every feature of the model (see GET /model) as a number, and nothing else.",
  });
}

/** The instance before the model is known: any object of numbers. Only the docs use it (see MODEL_MARK). */
export const GenericInstance = Type.Object(
  {},
  {
    additionalProperties: Type.Number(),
    title: "Instance",
    description: "One row to predict: every feature of the model (see GET /model) as a number, and nothing else.",
    [MODEL_MARK.instance]: true,
  },
);

/**
 * The body of POST /predict (and JSON POST /invocations): EITHER a batch, `{ "instances": [ {...}, ... ] }` with 1 to
 * MAX_BATCH instances, OR a single `{ "instance": {...} }`. Exactly one of the two, and no other top-level field.
 */
export function predictRequestSchema(instance: TSchema, maxBatch: number): TSchema {
  return Type.Union(
    [
      Type.Object(
        {
          instances: Type.Array(instance, {
            minItems: 1,
            maxItems: maxBatch,
            description: `A batch of 1 to ${maxBatch} instances (MAX_BATCH); predictions come back in the same order.`,
          }),
        },
        { additionalProperties: false, title: "BatchRequest" },
      ),
      Type.Object(
        { instance: instance },
        { additionalProperties: false, title: "SingleRequest", description: "A single instance." },
      ),
    ],
    {
      description:
        'Either `{ "instances": [ ... ] }` (a batch) or `{ "instance": { ... } }` (one row). Exactly one of them.',
    },
  );
}

/** The request schema for a model with these features: what POST /predict accepts once that model is loaded. */
export function requestSchemaFor(featureNames: readonly string[], maxBatch: number): TSchema {
  return predictRequestSchema(instanceSchema(featureNames), maxBatch);
}

// The response bodies' TypeScript types are declared interfaces, not `Static<typeof Schema>`: the notebooks' tslab
// compiles with TypeScript 5.0 and emits declarations, and 5.0 cannot name TypeBox's inferred types there. Each
// interface sits next to its schema, and schemas.test.ts proves the two agree (in both directions, at compile time).

/** One row's answer. */
export interface Prediction {
  /** The predicted class name (highest probability; a tie goes to the first class). */
  class: string;
  /** Probability of every class, by class name. */
  probabilities: Record<string, number>;
}

const predictionProperties = {
  class: Type.String({
    description: "The predicted class name (highest probability).",
    [MODEL_MARK.className]: true,
  }),
  probabilities: Type.Object(
    {},
    {
      additionalProperties: Type.Number({ minimum: 0, maximum: 1 }),
      description: "Probability of every class, by class name; they sum to 1.",
      [MODEL_MARK.probabilities]: true,
    },
  ),
};

export const Prediction = Type.Object(predictionProperties, { additionalProperties: false, title: "Prediction" });

/** The body of a 200 from POST /predict: `prediction` answers `instance`, `predictions` answers `instances`. */
export interface PredictResponse {
  modelVersion: string;
  prediction?: Prediction;
  predictions?: Prediction[];
}

export const PredictResponse = Type.Object(
  {
    modelVersion: Type.String({ description: "metadata.version of the model that answered." }),
    prediction: Type.Optional(
      Type.Object(predictionProperties, {
        additionalProperties: false,
        title: "Prediction",
        description: "The answer to a single `instance`.",
      }),
    ),
    predictions: Type.Optional(
      Type.Array(Prediction, { description: "The answers to `instances`, in the same order." }),
    ),
  },
  {
    additionalProperties: false,
    title: "PredictResponse",
    description: "`prediction` answers `instance`; `predictions` answers `instances`.",
  },
);

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: "Stable error code: see the table in capstone/docs/errors.md." }),
        message: Type.String(),
        details: Type.Array(
          Type.Object(
            {
              path: Type.String({
                description: 'JSON Pointer into the request body, e.g. "/instances/0/mean_radius".',
              }),
              message: Type.String(),
            },
            { additionalProperties: false },
          ),
        ),
        requestId: Type.String({ description: "Also in the x-request-id header and in the server's log lines." }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: "ErrorEnvelope" },
);

export const Health = Type.Object({ status: Type.String() }, { additionalProperties: false, title: "Health" });

export const Ready = Type.Object(
  { status: Type.String(), modelVersion: Type.String() },
  { additionalProperties: false, title: "Ready" },
);

/** Who wrote the served model: the learner's week-2 code, or the workspace's reference code (src/ml). */
export type ModelSource = "learner" | "reference";
export const MODEL_SOURCES: readonly ModelSource[] = ["learner", "reference"];

/** The body of GET /model: the model card. */
export interface ModelInfo {
  version: string;
  checksum: string;
  kind: string;
  source: ModelSource;
  trainedBy?: string;
  features: string[];
  classes: string[];
  trainedAt: string;
  dataset?: string;
  metrics?: Record<string, number | null>;
  maxBatch: number;
}

export const ModelInfo = Type.Object(
  {
    version: Type.String(),
    checksum: Type.String({ description: "sha256 of the artifact's content." }),
    kind: Type.String({ description: 'The payload\'s format: "random-forest" (src/ml) or "week2-forest" (yours).' }),
    source: Type.Union(
      MODEL_SOURCES.map((s) => Type.Literal(s)),
      {
        description:
          '"learner": trained and saved by your week-2 exercises (npm run capstone:train -- --from exercises); ' +
          '"reference": by the workspace\'s own src/ml (npm run capstone:train, npm run pipeline).',
      },
    ),
    trainedBy: Type.Optional(Type.String({ description: "The code that trained and saved the model." })),
    features: Type.Array(Type.String(), { description: "Feature names, in the model's column order." }),
    classes: Type.Array(Type.String()),
    trainedAt: Type.String(),
    dataset: Type.Optional(Type.String()),
    metrics: Type.Optional(Type.Object({}, { additionalProperties: Type.Union([Type.Number(), Type.Null()]) })),
    maxBatch: Type.Integer({ description: "Most instances one request may carry (MAX_BATCH)." }),
  },
  { additionalProperties: false, title: "ModelInfo" },
);

/** Error responses a route documents, each as the one envelope, described by the codes errors.ts gives that status. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of statuses) {
    const codes = Object.entries(ERROR_CODES)
      .filter(([, info]) => info.status === status)
      .map(([code]) => code);
    const retry = status === 503 ? " (with a Retry-After header)" : "";
    out[status] = { ...ErrorEnvelope, description: `${codes.join(", ")}${retry}. See capstone/docs/errors.md.` };
  }
  return out;
}
