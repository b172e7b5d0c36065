// `npm run pipeline -- [--dataset breast-cancer] [--seed 42] [--data <csv>] [--min-auc 0.95] [--no-deploy]
//                     [--model-out capstone/model/model.json] [--report <file.md>] [--tracking-uri <url>]`
// Validate → train → evaluate (gate) → register → promote, logged to MLflow (see src/mlops/connect.ts for which
// server). Exits 1 when a check stops it; the report says which check and by how much. --report writes it as
// Markdown (the GitHub workflow appends that file to $GITHUB_STEP_SUMMARY); in GitHub Actions the registered
// version and the AUC also become step outputs ($GITHUB_OUTPUT).
// `npm run pipeline -- --ci`: a fresh MLflow server in a temporary folder, three runs (clean, the same again, bad
// labels) and every claim checked through the REST API (src/mlops/pipeline/ci-check.ts). Exits 1 on any failure.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DATASET_NAMES, type DatasetName } from "../src/data";
import { connectMlflow } from "../src/mlops/connect";
import { MlflowClient } from "../src/mlops/mlflow-client";
import { startMlflowServer } from "../src/mlops/mlflow-server";
import { ciCheck } from "../src/mlops/pipeline/ci-check";
import {
  capstoneModelPath,
  contractFor,
  csvData,
  datasetData,
  formatReport,
  markdownReport,
  runPipeline,
} from "../src/mlops/pipeline/index";

const { values } = parseArgs({
  options: {
    dataset: { type: "string", default: "breast-cancer" },
    seed: { type: "string", default: "42" },
    data: { type: "string" },
    "min-auc": { type: "string" },
    "model-out": { type: "string" },
    "no-deploy": { type: "boolean", default: false },
    report: { type: "string" },
    "tracking-uri": { type: "string" },
    experiment: { type: "string" },
    "model-name": { type: "string" },
    ci: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(
    "usage: npm run pipeline -- [--dataset breast-cancer] [--seed 42] [--data file.csv] [--min-auc 0.95]\n" +
      "                          [--model-out path] [--no-deploy] [--report summary.md] [--tracking-uri url]",
  );
  process.exit(0);
}
const dataset = values.dataset as DatasetName;
if (!DATASET_NAMES.includes(dataset)) {
  console.error(`--dataset must be one of ${DATASET_NAMES.join(", ")}`);
  process.exit(2);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed must be a non-negative integer, got ${values.seed}`);
  process.exit(2);
}
const minAuc = values["min-auc"] === undefined ? undefined : Number(values["min-auc"]);

const started = performance.now();
if (values.ci) {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-ci-"));
  console.log(`CI check: a fresh MLflow server with its store in ${dir} ...`);
  const server = await startMlflowServer({ dir: join(dir, "mlflow") });
  console.log(`MLflow up at ${server.url} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let failed = 1;
  try {
    const t = performance.now();
    const { results, reports } = await ciCheck(
      new MlflowClient(server.url),
      join(dir, "deploy", "model.json"),
      console.log,
      seed,
    );
    failed = results.filter((r) => !r.ok).length;
    const runs = reports.map((r) => `${(r.totalMs / 1000).toFixed(2)} s`).join(", ");
    console.log(
      `\n${results.length - failed}/${results.length} checks passed; pipeline runs took ${runs} (${((performance.now() - t) / 1000).toFixed(1)} s with the checks)`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`Total ${((performance.now() - started) / 1000).toFixed(1)} s including MLflow's start-up.`);
  process.exit(failed ? 1 : 0);
}
// The contract always comes from the COMMITTED dataset: new data is judged against what we trust.
const reference = datasetData(dataset);
const data = values.data ? csvData(resolve(values.data), dataset) : reference;
console.log(`Data: ${data.source} (${data.X.length} rows, ${data.featureNames.length} features), seed ${seed}`);
console.log("Connecting to MLflow ...");
const mlflow = await connectMlflow({ trackingUri: values["tracking-uri"] });
console.log(`MLflow UI: ${mlflow.url}${mlflow.server ? " (started for this run; `npm run mlflow` keeps one up)" : ""}`);
let exitCode = 1;
try {
  const report = await runPipeline({
    data,
    client: mlflow.client,
    contract: contractFor(reference),
    train: { seed },
    gate: minAuc === undefined ? {} : { minAuc },
    modelOut: values["no-deploy"] ? null : resolve(values["model-out"] ?? capstoneModelPath()),
    experimentName: values.experiment,
    modelName: values["model-name"],
  });
  console.log(`\n${formatReport(report)}`);
  const md = markdownReport(report);
  if (values.report) writeFileSync(values.report, md);
  if (process.env.GITHUB_OUTPUT) {
    const auc = report.metrics?.auc.toFixed(4) ?? "";
    appendFileSync(process.env.GITHUB_OUTPUT, `ok=${report.ok}\nversion=${report.version ?? ""}\nauc=${auc}\n`);
  }
  exitCode = report.ok ? 0 : 1;
} catch (err) {
  console.error(`\npipeline error: ${(err as Error).message}`);
} finally {
  await mlflow.close();
}
console.log(`Total time ${((performance.now() - started) / 1000).toFixed(1)} s (MLflow start-up included).`);
process.exit(exitCode);
