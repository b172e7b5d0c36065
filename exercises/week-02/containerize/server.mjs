// The inference server you containerize in exercise `containerize-inference` (week 2). Given; do not edit.
//
// It has no dependencies, so `node server.mjs` runs it anywhere Node 20 runs:
//
//   MODEL_PATH=tmp/models/week-02-forest.json node exercises/week-02/containerize/server.mjs
//   curl localhost:8080/healthz
//   curl -X POST localhost:8080/predict -H 'content-type: application/json' -d '{"rows": [[...30 numbers...]]}'
//
// MODEL_PATH names a model artifact saved by src/ml (the week-2 notebook writes tmp/models/week-02-forest.json):
// a random forest or a decision tree, classification or regression. PORT (default 8080) and HOST (default 0.0.0.0)
// choose where it listens. Inside a container it must listen on 0.0.0.0: 127.0.0.1 there is the container's own
// loopback, which `docker run -p` cannot reach.
// @ts-check
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const DEFAULT_PORT = 8080;
/** Refuse request bodies above 1 MB instead of buffering whatever a client sends. */
const MAX_BODY = 1_000_000;

/**
 * @typedef {{ feature: number[], threshold: number[], left: number[], right: number[], value: number[] }} Nodes
 * @typedef {{ task: string, nFeatures: number, nClasses: number, trees: Nodes[] }} Model
 * @typedef {{ featureNames: string[], classNames?: string[], model: Model, kind: string }} Loaded
 */

/**
 * Reads and checks the artifact once, at start-up: a server that cannot load its model should fail to start
 * (the container exits and the orchestrator shows why), not answer every request with an error.
 * @param {string} path
 * @returns {Loaded}
 */
export function loadModel(path) {
  const a = JSON.parse(readFileSync(path, "utf8"));
  if (a.format !== "ml-study-model") throw new Error(`${path} is not an ml-study-model artifact`);
  if (a.schemaVersion !== 1) throw new Error(`${path} has schemaVersion ${a.schemaVersion}; this server reads 1`);
  if (a.kind !== "random-forest" && a.kind !== "decision-tree") throw new Error(`unsupported model kind ${a.kind}`);
  // A single tree is a forest of one.
  const m = a.model;
  const trees = a.kind === "random-forest" ? m.trees : [m.nodes];
  if (!Array.isArray(trees) || trees.length === 0) throw new Error(`${path} has no trees`);
  if (a.featureNames.length !== m.nFeatures) throw new Error(`${path}: featureNames do not match nFeatures`);
  return { kind: a.kind, featureNames: a.featureNames, classNames: a.classNames, model: { ...m, trees } };
}

/**
 * Walks one tree to its leaf (feature[i] < 0 marks a leaf), exactly like src/ml/nodes.ts.
 * @param {Nodes} t
 * @param {number[]} row
 */
function leafOf(t, row) {
  let i = 0;
  while (t.feature[i] >= 0) i = row[t.feature[i]] <= t.threshold[i] ? t.left[i] : t.right[i];
  return i;
}

/**
 * Classification: mean of the trees' leaf class fractions, then the most probable class.
 * Regression: mean of the trees' leaf values.
 * @param {Model} model
 * @param {number[]} row
 */
export function predictRow(model, row) {
  if (model.task !== "classification") {
    const sum = model.trees.reduce((s, t) => s + t.value[leafOf(t, row)], 0);
    return { prediction: sum / model.trees.length };
  }
  const k = model.nClasses;
  const proba = new Array(k).fill(0);
  for (const t of model.trees) {
    const leaf = leafOf(t, row);
    const counts = t.value.slice(leaf * k, leaf * k + k);
    const total = counts.reduce((s, v) => s + v, 0);
    for (let c = 0; c < k; c++) proba[c] += total > 0 ? counts[c] / total / model.trees.length : 0;
  }
  let best = 0;
  for (let c = 1; c < k; c++) if (proba[c] > proba[best]) best = c;
  return { prediction: best, probabilities: proba };
}

/**
 * @param {import("node:http").ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/**
 * @param {Loaded} loaded
 * @returns {import("node:http").Server}
 */
export function createApp(loaded) {
  const { model, featureNames, classNames } = loaded;
  return createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") return send(res, 200, { status: "ok", kind: loaded.kind });
    if (req.method !== "POST" || req.url !== "/predict")
      return send(res, 404, { error: "GET /healthz or POST /predict" });
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on("end", () => {
      /** @type {unknown} */
      let rows;
      try {
        rows = JSON.parse(body).rows;
      } catch {
        return send(res, 400, { error: 'the body must be JSON like {"rows": [[...numbers...]]}' });
      }
      const ok =
        Array.isArray(rows) &&
        rows.every((r) => Array.isArray(r) && r.length === featureNames.length && r.every(Number.isFinite));
      if (!ok) return send(res, 422, { error: `each row needs ${featureNames.length} finite numbers`, featureNames });
      const out = /** @type {number[][]} */ (rows).map((r) => predictRow(model, r));
      const labelled = out.map((p) => (classNames ? { ...p, label: classNames[Number(p.prediction)] } : p));
      return send(res, 200, { predictions: labelled });
    });
  });
}

/** Start only when run as a program (`node server.mjs`), so a test can import the functions above. */
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const path = process.env.MODEL_PATH;
  if (!path) {
    console.error("MODEL_PATH is not set: point it at a model artifact JSON, e.g. /models/forest.json");
    process.exit(1);
  }
  const app = createApp(loadModel(path));
  const port = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
  app.listen(port, process.env.HOST ?? "0.0.0.0", () => {
    const addr = app.address();
    console.log(`serving ${path} on port ${typeof addr === "object" && addr ? addr.port : port}`);
  });
  // `docker stop` sends SIGTERM to PID 1: finish the requests in flight, then exit (exec-form CMD makes node PID 1).
  process.on("SIGTERM", () => app.close(() => process.exit(0)));
}
