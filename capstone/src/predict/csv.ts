/**
 * text/csv for POST /invocations, the format SageMaker batch transform sends most often: one instance per line, the
 * features in the model's order (GET /model), no header (a header that names exactly the model's features, in order,
 * is allowed and skipped). The CSV becomes the same `{ "instances": [...] }` body JSON clients send, so it goes
 * through the same validation: a bad cell is reported as /instances/<row>/<feature>, just like in JSON.
 *
 *   0.5,1.2,...\n0.7,1.9,...    ->    { instances: [ { mean_radius: 0.5, ... }, { mean_radius: 0.7, ... } ] }
 */
import { parse } from "csv-parse/sync";
import { ApiError, type ErrorDetail } from "../errors";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function cell(t: string): number | string {
  // A number stays a number; anything else stays text so validation reports it ("must be a number, got ...").
  return NUMBER.test(t) ? Number(t) : t;
}

/** The rows of a CSV body (csv-parse: quotes, CRLF, blank lines), or a 400 naming the line csv-parse stopped at. */
function csvRows(text: string): string[][] {
  try {
    return parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new ApiError("VALIDATION_FAILED", `The CSV body could not be read: ${(e as Error).message}`);
  }
}

export function csvToRequest(text: string, featureNames: readonly string[]): { instances: Record<string, unknown>[] } {
  const rows = csvRows(text);
  if (rows.length > 0 && rows[0].join(",") === featureNames.join(",")) rows.shift();
  const d = featureNames.length;
  const wrongWidth: ErrorDetail[] = [];
  const instances = rows.map((cells, r) => {
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
