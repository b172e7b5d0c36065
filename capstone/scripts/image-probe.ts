// Asks a RUNNING capstone API (the image under buildah, a compose stack, a pod behind an ALB) the questions that
// prove it is the model we trained, served correctly:
//   - the probes answer (/healthz, /readyz, SageMaker's /ping), and /model names our model's checksum;
//   - every row of the model's dataset, sent as one batch to POST /predict, comes back with exactly the class AND
//     the probabilities that the original model computes here, from the same model.json: the RandomForest of src/ml
//     for the reference model, or, for yours ("week2-forest", source learner), your own loadForest and predictTree
//     (exercises/week-02), whose vote shares the API serves as probabilities;
//   - a single instance, SageMaker's POST /invocations in JSON and in CSV, give the same answers;
//   - bad input gets 400/415 with the error envelope and no stack trace; /metrics and /openapi.json are there.
//
//   npx tsx capstone/scripts/image-probe.ts http://127.0.0.1:8080 [path/to/model.json]
// Exit 0 when every check passes, 1 with the failed checks listed. capstone/scripts/build-image.sh runs it against
// the freshly built image; capstone/deploy/deploy-eks.sh against the public endpoint.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadForest } from "../../exercises/week-02/save-forest";
import { loadDataset } from "../../src/data/index";
import { loadArtifact } from "../../src/ml/artifact";
import type { ForestModel } from "../../src/ml/forest";
import { forestFromArtifact } from "../../src/ml/tree-artifacts";
import { learnerVoteShares } from "./learner-model";

const base = (process.argv[2] ?? "").replace(/\/$/, "");
const modelPath = process.argv[3] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "model", "model.json");
if (!/^https?:\/\//.test(base)) {
  console.error("usage: tsx capstone/scripts/image-probe.ts <base URL, e.g. http://127.0.0.1:8080> [model.json]");
  process.exit(2);
}

const failures: string[] = [];
/** Records one check; `why` is shown when it fails, `note` when it passes. */
function check(ok: boolean, what: string, why = "", note = ""): void {
  const detail = ok ? note : why;
  console.log(`  ${ok ? "ok  " : "FAIL"} ${what}${detail ? ` (${detail})` : ""}`);
  if (!ok) failures.push(`${what}${why ? `: ${why}` : ""}`);
}

interface Answer {
  status: number;
  type: string;
  text: string;
  json: unknown;
  ms: number;
}
async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    text,
    json,
    ms: performance.now() - started,
  };
}
const post = (path: string, body: string, type = "application/json") =>
  call(path, { method: "POST", body, headers: { "content-type": type } });

interface Prediction {
  class: string;
  probabilities: Record<string, number>;
}
type Body = { modelVersion?: string; prediction?: Prediction; predictions?: Prediction[] } | undefined;

// The expected answers: the model file loaded by its own code, never by the API's.
const artifact = loadArtifact(modelPath, { expectTask: "classification" });
const source = artifact.kind === "week2-forest" ? "learner" : "reference";
const classNames = artifact.classNames ?? [];
const datasetName = artifact.metadata.dataset;
if (!datasetName) throw new Error(`${modelPath} does not name its dataset (metadata.dataset)`);
const data = loadDataset(datasetName as Parameters<typeof loadDataset>[0]);
const rows = data.X;
const expected =
  source === "learner"
    ? learnerVoteShares(loadForest(JSON.stringify(artifact.model)).forest, rows)
    : forestFromArtifact(loadArtifact<ForestModel>(modelPath, { expectKind: "random-forest" })).predictProba(rows);
const original = source === "learner" ? "your forest (exercises/week-02)" : "the local RandomForest (src/ml)";
const instances = rows.map((row) => Object.fromEntries(artifact.featureNames.map((f, j) => [f, row[j]])));
console.log(
  `probing ${base} with ${modelPath} (${artifact.metadata.dataset}, ${rows.length} rows; source ${source}, ` +
    `kind ${artifact.kind})`,
);

/** Why `got` (the answers for rows from..from+count) differs from the local forest's, or null when identical. */
function mismatch(got: Prediction[] | undefined, from: number, count: number): string | null {
  if (!Array.isArray(got) || got.length !== count) return `expected ${count} predictions, got ${got?.length ?? "none"}`;
  for (let i = 0; i < count; i++) {
    const want = expected[from + i];
    // Both forests' predict is the first class with the highest probability (or vote count); so is the API's.
    const wantClass = classNames[want.indexOf(Math.max(...want))];
    // Exact equality, not a tolerance: the flat predictor is meant to be the same arithmetic, and JSON carries a
    // double to the bit (the shortest decimal that reads back as the same double).
    if (got[i].class !== wantClass || classNames.some((c, k) => got[i].probabilities[c] !== want[k])) {
      return `row ${from + i}: got ${JSON.stringify(got[i])}, expected ${wantClass} ${JSON.stringify(want)}`;
    }
  }
  return null;
}
const answerOf = (a: Answer, from: number, count: number): string | null =>
  a.status !== 200 ? `HTTP ${a.status}: ${a.text.slice(0, 200)}` : mismatch((a.json as Body)?.predictions, from, count);

const health = await call("/healthz");
check(health.status === 200, "GET /healthz is 200", `got ${health.status}`);
const ready = await call("/readyz");
check(ready.status === 200, "GET /readyz is 200 (model loaded, warm-up passed)", `got ${ready.status} ${ready.text}`);
const ping = await call("/ping");
check(ping.status === 200, "GET /ping (SageMaker) is 200", `got ${ping.status}`);

const info = (await call("/model")).json as
  | { checksum?: string; version?: string; features?: string[]; source?: string }
  | undefined;
check(
  info?.checksum === artifact.checksum,
  "GET /model serves this model.json",
  `checksum ${info?.checksum}, expected ${artifact.checksum}`,
  `${info?.version}, checksum ${artifact.checksum.slice(0, 12)}...`,
);
check(
  info?.source === source,
  `GET /model says where the model came from: source ${source}`,
  `source ${info?.source}, expected ${source}`,
);
check(
  JSON.stringify(info?.features) === JSON.stringify(artifact.featureNames),
  "GET /model lists the model's features in order",
);

const batch = await post("/predict", JSON.stringify({ instances }));
const batchWhy = answerOf(batch, 0, rows.length);
check(
  batchWhy === null,
  `POST /predict, all ${rows.length} rows in one batch: classes and probabilities identical to ${original}`,
  batchWhy ?? "",
  `${batch.ms.toFixed(0)} ms`,
);
const single = await post("/predict", JSON.stringify({ instance: instances[0] }));
const one = (single.json as Body)?.prediction;
const singleWhy = single.status !== 200 ? `HTTP ${single.status}` : mismatch(one ? [one] : undefined, 0, 1);
check(singleWhy === null, "POST /predict, one instance", singleWhy ?? "");
const sm = await post("/invocations", JSON.stringify({ instances: instances.slice(0, 10) }));
const smWhy = answerOf(sm, 0, 10);
check(smWhy === null, "POST /invocations (SageMaker), JSON, 10 rows", smWhy ?? "");
// CSV as SageMaker sends it: one row per line, the features in the model's order, no header.
const csv = rows
  .slice(10, 20)
  .map((r) => r.join(","))
  .join("\n");
const smCsv = await post("/invocations", csv, "text/csv");
const csvWhy = answerOf(smCsv, 10, 10);
check(csvWhy === null, "POST /invocations (SageMaker), CSV, 10 rows", csvWhy ?? "");

const { [artifact.featureNames[0]]: _dropped, ...missing } = instances[0];
const invalid = await post("/predict", JSON.stringify({ instance: missing }));
check(
  invalid.status === 400 && invalid.text.includes(artifact.featureNames[0]),
  "a missing feature is 400 and names it",
  `got ${invalid.status} ${invalid.text.slice(0, 160)}`,
);
const notJson = await post("/predict", "mean_radius=1", "application/x-www-form-urlencoded");
check(notJson.status === 415, "a body that is not JSON is 415", `got ${notJson.status}`);
check(![invalid, notJson].some((a) => /\bat .+:\d+:\d+\)?/.test(a.text)), "no error response carries a stack trace");

const metrics = await call("/metrics");
check(
  metrics.status === 200 &&
    metrics.text.includes("predictions_total") &&
    metrics.text.includes(`checksum="${artifact.checksum}",source="${source}"`),
  `GET /metrics has predictions_total and model_info with this checksum and source ${source}`,
);
const openapi = (await call("/openapi.json")).json as { openapi?: string } | undefined;
check(/^3\./.test(openapi?.openapi ?? ""), "GET /openapi.json is an OpenAPI 3 document", `openapi ${openapi?.openapi}`);

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log(`all checks passed against ${base}`);
