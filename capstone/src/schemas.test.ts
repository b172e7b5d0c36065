// The response bodies have two descriptions: a TypeBox schema (validation, serialization, OpenAPI) and a declared
// interface (what TypeScript code uses; the notebooks' TypeScript 5.0 cannot emit TypeBox's inferred types). This file
// keeps them one truth: the type-level lines below fail `tsc` when a field is added, removed or retyped on one side
// only, and the tests check the field lists and the required/optional split against the schemas at run time.
import assert from "node:assert/strict";
import type { Static, TObject } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { describe, test } from "vitest";
import { ModelInfo, Prediction, PredictResponse } from "./schemas";

// Each direction must type-check: the schema's inferred type is assignable to the interface and back.
export const predictionAgrees = [
  (x: Static<typeof Prediction>): Prediction => x,
  (x: Prediction): Static<typeof Prediction> => x,
];
export const predictResponseAgrees = [
  (x: Static<typeof PredictResponse>): PredictResponse => x,
  (x: PredictResponse): Static<typeof PredictResponse> => x,
];
export const modelInfoAgrees = [
  (x: Static<typeof ModelInfo>): ModelInfo => x,
  (x: ModelInfo): Static<typeof ModelInfo> => x,
];

// Every field of each interface, marked required or optional. `satisfies` makes tsc reject a missing or an extra key.
type Fields<T> = Record<keyof T, "required" | "optional">;
const predictionFields = { class: "required", probabilities: "required" } satisfies Fields<Prediction>;
const predictResponseFields = {
  modelVersion: "required",
  prediction: "optional",
  predictions: "optional",
} satisfies Fields<PredictResponse>;
const modelInfoFields = {
  version: "required",
  checksum: "required",
  kind: "required",
  source: "required",
  trainedBy: "optional",
  features: "required",
  classes: "required",
  trainedAt: "required",
  dataset: "optional",
  metrics: "optional",
  maxBatch: "required",
} satisfies Fields<ModelInfo>;

function schemaFields(schema: TObject): Record<string, "required" | "optional"> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(
    Object.keys(schema.properties)
      .sort()
      .map((k) => [k, required.has(k) ? "required" : "optional"]),
  );
}
const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

describe("the declared interfaces and the TypeBox schemas agree", () => {
  for (const [name, schema, fields] of [
    ["Prediction", Prediction, predictionFields],
    ["PredictResponse", PredictResponse, predictResponseFields],
    ["ModelInfo", ModelInfo, modelInfoFields],
  ] as const) {
    test(`${name}: the same fields, required and optional alike`, () => {
      assert.deepEqual(schemaFields(schema), sorted(fields));
    });
  }

  test("a value typed by the interfaces passes the schemas; one the interfaces forbid does not", () => {
    const prediction: Prediction = { class: "malignant", probabilities: { benign: 0.25, malignant: 0.75 } };
    const response: PredictResponse = { modelVersion: "v1", predictions: [prediction] };
    const card: ModelInfo = {
      version: "v1",
      checksum: "0".repeat(64),
      kind: "week2-forest",
      source: "learner",
      features: ["a"],
      classes: ["benign", "malignant"],
      trainedAt: "2026-01-01T00:00:00Z",
      maxBatch: 10,
    };
    assert.ok(Value.Check(PredictResponse, response));
    assert.ok(Value.Check(ModelInfo, card));
    assert.ok(
      !Value.Check(Prediction, { ...prediction, probabilities: { benign: "0.25" } }),
      "a probability is a number",
    );
    assert.ok(!Value.Check(ModelInfo, { ...card, source: "someone else" }), "source is learner or reference");
    assert.ok(!Value.Check(PredictResponse, { ...response, extra: 1 }), "no field beyond the interface's");
  });
});
