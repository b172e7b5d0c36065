// Week 4 · Serving: batch scoring vs one-at-a-time calls (reference solution).
// The point of every function here: the per-call cost (a function call into the model, an HTTP round trip with
// its JSON encoding and parsing) is paid once per CHUNK, not once per row.

/** See exercises/week-04/serving-batch-vs-realtime.ts for the contract of each export. */
export interface Predictor {
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  predictProba(values: Float64Array, n: number): Float64Array;
}

export interface ApiPrediction {
  class: string;
  probabilities: Record<string, number>;
}

export interface ApiReply {
  status: number;
  body: unknown;
}

export type PostPredict = (body: unknown) => Promise<ApiReply>;

/** Plain decimal or scientific numbers only: Number("") is 0 and Number(" ") is 0, which would hide a gap. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvToRows(csv: string, featureNames: readonly string[]): number[][] {
  const lines = csv.split(/\r?\n/);
  const header = lines[0].split(",").map((c) => c.trim());
  // Where each model feature sits in the file: the file's order is the file's business, the model's is ours.
  const columns = featureNames.map((name) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`missing column "${name}": the header has ${header.join(", ")}`);
    return at;
  });
  const rows: number[][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = lines[i].split(",");
    if (cells.length !== header.length) {
      throw new Error(`line ${i + 1} has ${cells.length} cells, the header has ${header.length}`);
    }
    rows.push(
      columns.map((at, j) => {
        const text = cells[at].trim();
        const value = Number(text);
        if (!NUMBER.test(text) || !Number.isFinite(value)) {
          throw new Error(`line ${i + 1}, column "${featureNames[j]}": "${text}" is not a finite number`);
        }
        return value;
      }),
    );
  }
  return rows;
}

export function scoreBatch(rows: readonly number[][], model: Predictor, batchSize: number): number[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batchSize must be an integer >= 1, got ${batchSize}`);
  const d = model.featureNames.length;
  const k = model.classNames.length;
  rows.forEach((row, r) => {
    if (row.length !== d) throw new Error(`row ${r} has ${row.length} values, the model needs ${d}`);
  });
  const out: number[][] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const chunk = rows.slice(start, start + batchSize);
    const values = new Float64Array(chunk.length * d);
    chunk.forEach((row, r) => {
      values.set(row, r * d);
    });
    const proba = model.predictProba(values, chunk.length);
    for (let r = 0; r < chunk.length; r++) out.push(Array.from(proba.subarray(r * k, (r + 1) * k)));
  }
  return out;
}

interface Envelope {
  error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
}

/** "/instances/50/mean_radius" in a request that started at row 200 -> "/instances/250/mean_radius". */
function rebase(path: string, offset: number): string {
  return path.replace(/^\/instances\/(\d+)/, (_m, i: string) => `/instances/${Number(i) + offset}`);
}

export async function scoreViaApi(
  rows: readonly number[][],
  featureNames: readonly string[],
  post: PostPredict,
  maxBatch: number,
): Promise<ApiPrediction[]> {
  if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new Error(`maxBatch must be an integer >= 1, got ${maxBatch}`);
  const out: ApiPrediction[] = [];
  for (let start = 0; start < rows.length; start += maxBatch) {
    const instances = rows
      .slice(start, start + maxBatch)
      .map((row) => Object.fromEntries(featureNames.map((name, j) => [name, row[j]])));
    // One request at a time: a batch job should not hammer the API it shares with real-time clients.
    const reply = await post({ instances });
    if (reply.status !== 200) {
      const error = (reply.body as Envelope | null)?.error ?? {};
      const paths = (error.details ?? []).map((d) => `${rebase(d.path, start)}: ${d.message}`);
      throw new Error(
        `request for rows ${start}-${start + instances.length - 1} failed with ${reply.status} ` +
          `${error.code ?? "(no error code)"}: ${error.message ?? ""}${paths.length ? `\n  ${paths.join("\n  ")}` : ""}`,
      );
    }
    out.push(...(reply.body as { predictions: ApiPrediction[] }).predictions);
  }
  return out;
}
