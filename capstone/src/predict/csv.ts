/**
 * text/csv for POST /invocations, the format SageMaker batch transform sends most often: one instance per line, the
 * features in the model's order (GET /model), no header (a header that names exactly the model's features, in order,
 * is allowed and skipped). The CSV becomes the same `{ "instances": [...] }` body JSON clients send, so it goes
 * through the same validation: a bad cell is reported as /instances/<row>/<feature>, just like in JSON.
 *
 *   0.5,1.2,...\n0.7,1.9,...    ->    { instances: [ { mean_radius: 0.5, ... }, { mean_radius: 0.7, ... } ] }
 */
import { ApiError, type ErrorDetail } from "../errors";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cell(text: string): number | string {
  const t = text.trim().replace(/^"(.*)"$/, "$1");
  // A number stays a number; anything else stays text so validation reports it ("must be a number, got ...").
  return NUMBER.test(t) ? Number(t) : t;
}

export function csvToRequest(text: string, featureNames: readonly string[]): { instances: Record<string, unknown>[] } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (
    lines.length > 0 &&
    lines[0]
      .split(",")
      .map((c) => c.trim())
      .join(",") === featureNames.join(",")
  )
    lines.shift();
  const d = featureNames.length;
  const wrongWidth: ErrorDetail[] = [];
  const instances = lines.map((line, r) => {
    const cells = line.split(",");
    if (cells.length !== d) {
      wrongWidth.push({ path: `/instances/${r}`, message: `has ${cells.length} values, the model needs ${d}` });
    }
    const instance: Record<string, unknown> = {};
    for (let j = 0; j < Math.min(d, cells.length); j++) instance[featureNames[j]] = cell(cells[j]);
    return instance;
  });
  if (wrongWidth.length > 0) {
    throw new ApiError(
      "VALIDATION_FAILED",
      `${wrongWidth.length} CSV row(s) do not have one value per feature (${d}, in the order GET /model lists).`,
      wrongWidth.slice(0, 100),
    );
  }
  return { instances };
}
