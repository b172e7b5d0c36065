// Reference solution for exercises/week-03/aws-sagemaker-container.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  type DenseActivation,
  type DenseNetwork,
  loadDenseNetwork,
  SAGEMAKER_MODEL_DIR,
} from "../../src/aws/sagemaker-model";

export interface Prediction {
  label: string;
  probabilities: Record<string, number>;
}

function activate(values: number[], activation: DenseActivation): number[] {
  switch (activation) {
    case "linear":
      return values;
    case "relu":
      return values.map((v) => Math.max(v, 0));
    case "tanh":
      return values.map(Math.tanh);
    case "sigmoid":
      // Two branches so exp() never sees a large positive argument.
      return values.map((v) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v))));
    case "softmax": {
      const top = Math.max(...values);
      const exps = values.map((v) => Math.exp(v - top));
      const total = exps.reduce((s, e) => s + e, 0);
      return exps.map((e) => e / total);
    }
  }
}

export function predictRows(model: DenseNetwork, rows: number[][]): Prediction[] {
  const d = model.featureNames.length;
  return rows.map((row, r) => {
    if (row.length !== d) throw new Error(`row ${r + 1} has ${row.length} values, expected ${d}`);
    let a = row.map((x, i) => (x - model.mean[i]) / model.std[i]);
    for (const layer of model.layers) {
      const z = layer.bias.map((b, j) => a.reduce((s, x, i) => s + x * layer.weights[i][j], b));
      a = activate(z, layer.activation);
    }
    let best = 0;
    for (let j = 1; j < a.length; j++) if (a[j] > a[best]) best = j;
    return {
      label: model.classNames[best],
      probabilities: Object.fromEntries(model.classNames.map((name, j) => [name, a[j]])),
    };
  });
}

export interface InferenceServerOptions {
  port: number;
  host?: string;
  modelDir?: string;
  loadModel?: () => Promise<DenseNetwork>;
}

export interface InferenceServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** A 4xx answer with its message, thrown by the parsers and turned into a response by the handler. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function parseNumber(cell: string, row: number, column: number): number {
  const text = cell.trim();
  const value = text === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value))
    throw new HttpError(400, `row ${row}, column ${column}: ${JSON.stringify(cell)} is not a number`);
  return value;
}

function parseCsvBody(body: string): number[][] {
  const rows: number[][] = [];
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    rows.push(line.split(",").map((cell, j) => parseNumber(cell, i + 1, j + 1)));
  });
  return rows;
}

function parseJsonBody(body: string): number[][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new HttpError(400, `the body is not valid JSON: ${(e as Error).message}`);
  }
  const instances = (parsed as { instances?: unknown } | null)?.instances;
  if (!Array.isArray(instances)) throw new HttpError(400, 'expected a JSON object {"instances": [[...], ...]}');
  return instances.map((row, i) => {
    if (!Array.isArray(row)) throw new HttpError(400, `row ${i + 1} is not an array of numbers`);
    return row.map((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new HttpError(400, `row ${i + 1}, column ${j + 1}: ${JSON.stringify(v)} is not a number`);
      }
      return v;
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function createInferenceServer(options: InferenceServerOptions): Promise<InferenceServer> {
  const host = options.host ?? "127.0.0.1";
  const load = options.loadModel ?? (() => loadDenseNetwork(options.modelDir ?? SAGEMAKER_MODEL_DIR));
  let model: DenseNetwork | undefined;
  let loadError: string | undefined;
  // Start loading at once but do not wait: /ping must answer (503) while a big model is still loading.
  load().then(
    (m) => {
      model = m;
    },
    (e: Error) => {
      loadError = e.message;
    },
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/ping") {
      if (model) res.writeHead(200).end();
      else send(res, 503, { error: loadError ? `model failed to load: ${loadError}` : "model is loading" });
      return;
    }
    if (req.method === "POST" && path === "/invocations") {
      const body = await readBody(req);
      if (!model) return send(res, 503, { error: "model is not loaded yet" });
      const mediaType = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
      try {
        let rows: number[][];
        if (mediaType === "text/csv") rows = parseCsvBody(body);
        else if (mediaType === "application/json") rows = parseJsonBody(body);
        else throw new HttpError(415, `unsupported Content-Type "${mediaType}": send text/csv or application/json`);
        if (rows.length === 0) throw new HttpError(400, "the request has no rows");
        const d = model.featureNames.length;
        rows.forEach((row, i) => {
          if (row.length !== d) throw new HttpError(400, `row ${i + 1} has ${row.length} values, expected ${d}`);
        });
        send(res, 200, { predictions: predictRows(model, rows) });
      } catch (e) {
        if (e instanceof HttpError) send(res, e.status, { error: e.message });
        else throw e;
      }
      return;
    }
    send(res, 404, { error: `no route for ${req.method} ${path}` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) send(res, 500, { error: e.message });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      resolve({
        server,
        url: `http://${host}:${options.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Idle keep-alive connections would otherwise hold close() open for seconds.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
