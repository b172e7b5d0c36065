/**
 * Serving the deployed model for the monitoring scenario: the capstone API (capstone/src/server.ts, run with tsx as
 * `npm run capstone:serve` does) on a free loopback port, reading the model file the pipeline promoted. If the
 * capstone is missing or does not start, a minimal scorer stands in: the same POST /predict body and the same
 * Prometheus histogram (http_request_duration_seconds{method,route,status_code}), so everything downstream, the
 * traffic, the drift report and the latency panel, works the same against either.
 *
 *   const api = await serveModel("capstone/model/model.json");
 *   const r = await predict(api.url, featureNames, rows);      // POST /predict {"instances": [{...}, ...]}
 *   const text = await (await fetch(`${api.url}/metrics`)).text();
 *   await api.stop();
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { Histogram, Registry } from "prom-client";
import { argmax } from "../ml/forest";
import { loadForest } from "../ml/tree-artifacts";
import { freePort, startLocalService } from "../workspace/local-service";
import { findRoot } from "../workspace/paths";

export interface ServedModel {
  /** "capstone" (the real API) or "minimal" (the stand-in). */
  kind: "capstone" | "minimal";
  url: string;
  /** Why the stand-in is used (undefined for the capstone). */
  note?: string;
  stop(): Promise<void>;
}

/** The capstone API as a child process on a free port. Rejects if it is missing or not ready in time. */
export async function startCapstoneApi(modelPath: string, timeoutMs = 60_000): Promise<ServedModel> {
  const root = findRoot();
  const server = join(root, "capstone", "src", "server.ts");
  if (!existsSync(server)) throw new Error(`${server} does not exist (the capstone is not built yet)`);
  const port = await freePort();
  const service = await startLocalService({
    name: "capstone API",
    command: process.execPath,
    args: ["--import", "tsx", server],
    // /readyz answers 503 until the model is loaded and warmed up, then 200.
    readyPath: "/readyz",
    port,
    timeoutMs,
    cwd: root,
    env: { PORT: String(port), HOST: "127.0.0.1", MODEL_PATH: modelPath, LOG_LEVEL: "warn", NODE_OPTIONS: "" },
  });
  const ready = await fetch(`${service.url}/readyz`);
  if (ready.status !== 200) {
    await service.stop();
    throw new Error(`the capstone API started but is not ready (HTTP ${ready.status}): ${await ready.text()}`);
  }
  return { kind: "capstone", url: service.url, stop: () => service.stop() };
}

/** The stand-in: the model file behind POST /predict, with the capstone's latency histogram at GET /metrics. */
export async function startMinimalScorer(modelPath: string): Promise<ServedModel> {
  const { forest, artifact } = loadForest(modelPath);
  const names = artifact.featureNames;
  const classes = artifact.classNames ?? [];
  const version = String((artifact.metadata as Record<string, unknown>).version ?? "unversioned");
  const registry = new Registry();
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Request latency by method, route and status code.",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const route = req.url === "/predict" || req.url === "/metrics" ? req.url : "unmatched";
    const finish = (status: number, body: string, type = "application/json") => {
      res.writeHead(status, { "content-type": type }).end(body);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      latency.observe({ method: req.method ?? "GET", route, status_code: String(status) }, seconds);
    };
    if (route === "/metrics") {
      registry.metrics().then((text) => res.writeHead(200, { "content-type": registry.contentType }).end(text));
      return;
    }
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      if (route !== "/predict" || req.method !== "POST") return finish(404, '{"error":"not found"}');
      try {
        const instances = (JSON.parse(body) as { instances: Record<string, number>[] }).instances;
        const rows = instances.map((inst) =>
          names.map((n) => {
            if (typeof inst[n] !== "number") throw new Error(`missing feature ${n}`);
            return inst[n];
          }),
        );
        const predictions = forest.predictProba(rows).map((p) => ({
          class: classes[argmax(p)],
          probabilities: Object.fromEntries(classes.map((c, i) => [c, p[i]])),
        }));
        finish(200, JSON.stringify({ modelVersion: version, predictions }));
      } catch (err) {
        finish(400, JSON.stringify({ error: (err as Error).message }));
      }
    });
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    kind: "minimal",
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The capstone API if it starts, else the minimal scorer (with `note` saying why). */
export async function serveModel(modelPath: string): Promise<ServedModel> {
  try {
    return await startCapstoneApi(modelPath);
  } catch (err) {
    const served = await startMinimalScorer(modelPath);
    return { ...served, note: `the capstone API did not start (${(err as Error).message.split("\n")[0]})` };
  }
}

export interface PredictAnswer {
  status: number;
  /** Predicted class per row (empty on an error). */
  classes: string[];
  ms: number;
}

/** POST /predict with rows (in featureNames order) turned into named instances, as the capstone expects. */
export async function predict(url: string, featureNames: readonly string[], rows: number[][]): Promise<PredictAnswer> {
  const started = performance.now();
  const instances = rows.map((r) => Object.fromEntries(featureNames.map((n, j) => [n, r[j]])));
  const res = await fetch(`${url}/predict`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ instances }),
  });
  const body = (await res.json()) as { predictions?: { class: string }[] };
  return {
    status: res.status,
    classes: (body.predictions ?? []).map((p) => p.class),
    ms: performance.now() - started,
  };
}
