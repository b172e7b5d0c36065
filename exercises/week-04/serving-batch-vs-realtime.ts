// Week 4 · Serving: batch scoring vs one-at-a-time calls, with the compiled (flat) forest and through the real API.
// Read "Batch vs real-time serving" in notebooks/week-04-model-serving.ipynb first.
// Grade it with `npm run grade serving-batch-vs-realtime`; stuck? `npm run hint serving-batch-vs-realtime`.
// The grader compares your numbers with the flat predictor's on the whole breast-cancer dataset, counts how many
// times you call the predictor, and runs your API client against the capstone service (capstone/src), reading the
// service's own /metrics to count your requests. It never measures time: counts are what make batching fast.
import { todo } from "../../src/grader/todo";

/**
 * Anything that predicts class probabilities for rows packed row-major: the capstone's ServingModel
 * (capstone/src/model.ts), or `{ predictProba: (v, n) => flat.predictProbaFlat(v, n), ... }` around a FlatForest.
 */
export interface Predictor {
  /** Input columns, in the order the model reads them. */
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  /** n rows packed row-major (row r, feature j at values[r * d + j]) -> n x k probabilities, packed the same way. */
  predictProba(values: Float64Array, n: number): Float64Array;
}

/** One prediction as POST /predict answers it. */
export interface ApiPrediction {
  class: string;
  probabilities: Record<string, number>;
}

/** What a client gets back from one HTTP request: the status and the parsed JSON body. */
export interface ApiReply {
  status: number;
  body: unknown;
}

/** Sends one JSON body to POST /predict (fetch in a notebook, app.inject() in the grader). */
export type PostPredict = (body: unknown) => Promise<ApiReply>;

/**
 * Reads a CSV with a header line into rows in the MODEL's feature order. The file's columns may come in any order
 * and may include others (the label column "target", an id): pick the model's features by name, ignore the rest.
 * - blank lines (a trailing newline) are skipped; "\r\n" line ends work;
 * - throws an Error naming the column when one of `featureNames` is not in the header ("missing column ...");
 * - throws an Error naming the line number (1 = the header) and the column when a cell is not a finite number
 *   (empty, "abc", "NaN") or a line has a different number of cells than the header.
 */
export function csvToRows(csv: string, featureNames: readonly string[]): number[][] {
  return todo("serving-batch-vs-realtime");
}

/**
 * Batch scoring: the probabilities of every row, computed in chunks of at most `batchSize` rows, with ONE
 * `model.predictProba` call per chunk (so ceil(n / batchSize) calls in all; none for no rows). Each chunk is packed
 * into one Float64Array, row-major, in the model's feature order (rows already are). Returns n arrays of k numbers,
 * exactly the predictor's (no rounding).
 * Throws an Error mentioning "batchSize" unless batchSize is an integer >= 1, and one mentioning "row" when a row
 * has the wrong number of values (before any call to the model).
 */
export function scoreBatch(rows: readonly number[][], model: Predictor, batchSize: number): number[][] {
  return todo("serving-batch-vs-realtime");
}

/**
 * The same batch job through the prediction API: rows go out in requests of at most `maxBatch` instances, each
 * `{ "instances": [ { <feature>: value, ... }, ... ] }`, sent ONE AFTER THE OTHER with `post`; the predictions come
 * back in the rows' order. ceil(n / maxBatch) requests in all; none for no rows.
 * When a request is not answered with 200, stop (send nothing more) and throw an Error whose message holds the
 * error envelope's `code` and the path of every bad field RE-BASED onto the whole job: the service numbers instances
 * within its request, so field "mean_radius" of row 250 sent in the third request of 100 is "/instances/50/..." for
 * the service and must read "/instances/250/mean_radius" in your message.
 * Throws an Error mentioning "maxBatch" unless maxBatch is an integer >= 1.
 */
export function scoreViaApi(
  rows: readonly number[][],
  featureNames: readonly string[],
  post: PostPredict,
  maxBatch: number,
): Promise<ApiPrediction[]> {
  return todo("serving-batch-vs-realtime");
}
