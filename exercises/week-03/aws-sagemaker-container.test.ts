// Grades exercises/week-03/aws-sagemaker-container.ts (and proves the solution with the very same file).
// The forward pass is compared with an independent reference implementation below, on networks with every
// activation. The server is graded over HTTP: each test starts the learner's server on a free loopback port (a real
// SageMaker container listens on 8080) and sends real requests. The served model is a softmax regression trained on
// iris (datasets/iris.csv) by src/aws/sagemaker-model, so the end-to-end test also checks held-out accuracy.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import {
  type DenseActivation,
  type DenseNetwork,
  trainSoftmaxRegression,
  writeDenseNetwork,
} from "../../src/aws/sagemaker-model";
import { createRng, loadDataset, trainTestSplit } from "../../src/data";
import { freePort } from "../../src/workspace/local-service";
import { createInferenceServer, type InferenceServer, predictRows } from "./aws-sagemaker-container";

const servers: InferenceServer[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const iris = loadDataset("iris");
const split = trainTestSplit(iris.X, iris.y, { testSize: 0.3, seed: 11, stratify: true });
const irisModel = trainSoftmaxRegression(split.XTrain, split.yTrain, {
  featureNames: iris.featureNames,
  classNames: iris.classNames ?? [],
});

/** The reference: column-vector maths, written independently of any learner code. */
function referenceProbabilities(net: DenseNetwork, row: number[]): number[] {
  let a = row.map((x, i) => (x - net.mean[i]) / net.std[i]);
  for (const layer of net.layers) {
    const z: number[] = [];
    for (let j = 0; j < layer.bias.length; j++) {
      let s = layer.bias[j];
      for (let i = 0; i < a.length; i++) s += layer.weights[i][j] * a[i];
      z.push(s);
    }
    const f: Record<DenseActivation, (v: number[]) => number[]> = {
      linear: (v) => v,
      relu: (v) => v.map((x) => Math.max(0, x)),
      tanh: (v) => v.map((x) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1)),
      sigmoid: (v) => v.map((x) => 0.5 * (1 + Math.tanh(x / 2))),
      softmax: (v) => {
        const m = Math.max(...v);
        const e = v.map((x) => Math.exp(x - m));
        const total = e.reduce((s, x) => s + x, 0);
        return e.map((x) => x / total);
      },
    };
    a = f[layer.activation](z);
  }
  return a;
}

/** A random network 4 -> hidden layers -> 3 classes, with seeded normal weights. */
function randomNetwork(activations: DenseActivation[], seed: number, scale = 1): DenseNetwork {
  const rng = createRng(seed);
  const sizes = [4, ...activations.slice(0, -1).map(() => 5), 3];
  return {
    format: "dense-network",
    version: 1,
    featureNames: ["f1", "f2", "f3", "f4"],
    classNames: ["a", "b", "c"],
    mean: [5.8, 3.0, 3.8, 1.2],
    std: [0.8, 0.4, 1.8, 0.8],
    layers: activations.map((activation, l) => ({
      weights: Array.from({ length: sizes[l] }, () => Array.from({ length: sizes[l + 1] }, () => scale * rng.normal())),
      bias: Array.from({ length: sizes[l + 1] }, () => rng.normal()),
      activation,
    })),
  };
}

test("predictRows matches the reference forward pass for every activation (1e-12)", () => {
  const nets = [
    randomNetwork(["relu", "softmax"], 1),
    randomNetwork(["tanh", "sigmoid", "softmax"], 2),
    randomNetwork(["linear", "relu", "softmax"], 3),
    irisModel,
  ];
  for (const [n, net] of nets.entries()) {
    const rows = split.XTest.slice(0, 12);
    const predictions = predictRows(net, rows);
    assert.equal(predictions.length, rows.length, `network ${n}: one prediction per row`);
    predictions.forEach((p, r) => {
      const expected = referenceProbabilities(net, rows[r]);
      const got = net.classNames.map((c) => p.probabilities[c]);
      for (const [j, e] of expected.entries()) {
        assert.ok(
          Math.abs(got[j] - e) < 1e-12,
          `network ${n}, row ${r + 1}, class ${net.classNames[j]}: expected ${e}, got ${got[j]}`,
        );
      }
      assert.equal(
        p.label,
        net.classNames[expected.indexOf(Math.max(...expected))],
        `network ${n}, row ${r + 1}: label`,
      );
    });
  }
});

test("predictRows stays finite for huge logits and rejects a short row by its number", () => {
  const big = randomNetwork(["relu", "softmax"], 4, 1000);
  const [p] = predictRows(big, [[7.9, 3.8, 6.9, 2.5]]);
  const total = Object.values(p.probabilities).reduce((s, v) => s + v, 0);
  assert.ok(Math.abs(total - 1) < 1e-9, `probabilities must sum to 1 even for logits in the thousands, got ${total}`);
  assert.throws(
    () =>
      predictRows(irisModel, [
        [5.1, 3.5, 1.4, 0.2],
        [5.1, 3.5, 1.4],
      ]),
    /row 2/,
  );
});

interface Reply {
  status: number;
  contentType: string;
  body: string;
  json: () => Record<string, unknown>;
}

/** One HTTP request without keep-alive, so a learner's server can close at once. */
function http(url: string, method: string, path: string, body?: string, contentType?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers["Content-Type"] = contentType;
    const req = request(`${url}${path}`, { method, headers, agent: false, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          body: text,
          json: () => {
            try {
              return JSON.parse(text) as Record<string, unknown>;
            } catch {
              throw new assert.AssertionError({
                message: `${method} ${path} answered ${res.statusCode} with non-JSON: ${text.slice(0, 200)}`,
              });
            }
          },
        });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} got no answer within 5 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

async function start(options: {
  loadModel?: () => Promise<DenseNetwork>;
  modelDir?: string;
}): Promise<InferenceServer> {
  const port = await freePort();
  const server = await createInferenceServer({ port, ...options });
  servers.push(server);
  assert.equal(server.url, `http://127.0.0.1:${port}`);
  return server;
}

async function waitForPing(url: string): Promise<number> {
  const deadline = Date.now() + 3000;
  let status = 0;
  while (Date.now() < deadline) {
    status = (await http(url, "GET", "/ping")).status;
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  return status;
}

/** A server with the iris model already loaded. */
async function loadedServer(): Promise<InferenceServer> {
  const server = await start({ loadModel: async () => irisModel });
  assert.equal(await waitForPing(server.url), 200, "GET /ping should answer 200 once the model is loaded");
  return server;
}

test("GET /ping is 503 while the model loads and 200 once it has; /invocations waits for the model too", async () => {
  let finishLoading: (net: DenseNetwork) => void = () => {};
  const loading = new Promise<DenseNetwork>((resolve) => {
    finishLoading = resolve;
  });
  const server = await start({ loadModel: () => loading });
  const early = await http(server.url, "GET", "/ping");
  assert.equal(early.status, 503, `GET /ping before the model loaded: expected 503, got ${early.status}`);
  const tooSoon = await http(server.url, "POST", "/invocations", "5.1,3.5,1.4,0.2", "text/csv");
  assert.equal(tooSoon.status, 503, `POST /invocations before the model loaded: expected 503, got ${tooSoon.status}`);
  finishLoading(irisModel);
  assert.equal(await waitForPing(server.url), 200, "GET /ping after the model loaded");
});

test("a model that fails to load keeps /ping at 503", async () => {
  const server = await start({ loadModel: async () => Promise.reject(new Error("model.json: no such file")) });
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 0; i < 2; i++) {
    const ping = await http(server.url, "GET", "/ping");
    assert.equal(ping.status, 503, `GET /ping after a failed load: expected 503, got ${ping.status}`);
  }
});

test("by default the model is read from <modelDir>/model.json, and it classifies held-out iris rows (>= 90%)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "opt-ml-model-"));
  dirs.push(dir);
  writeDenseNetwork(dir, irisModel);
  const server = await start({ modelDir: dir });
  assert.equal(await waitForPing(server.url), 200, "GET /ping should reach 200 once model.json is read");
  const csv = `${split.XTest.map((row) => row.join(",")).join("\n")}\n`;
  const reply = await http(server.url, "POST", "/invocations", csv, "text/csv");
  assert.equal(reply.status, 200, `POST /invocations (text/csv): expected 200, got ${reply.status}: ${reply.body}`);
  assert.match(reply.contentType, /^application\/json/, "the answer's Content-Type");
  const predictions = reply.json().predictions as { label: string; probabilities: Record<string, number> }[];
  assert.equal(predictions.length, split.XTest.length, "one prediction per CSV line");
  let hits = 0;
  predictions.forEach((p, i) => {
    const expected = referenceProbabilities(irisModel, split.XTest[i]);
    for (const [j, c] of (iris.classNames ?? []).entries()) {
      assert.ok(
        Math.abs(p.probabilities[c] - expected[j]) < 1e-12,
        `row ${i + 1}, ${c}: expected ${expected[j]}, got ${p.probabilities[c]}`,
      );
    }
    if (p.label === iris.classNames?.[split.yTest[i]]) hits++;
  });
  assert.ok(hits / predictions.length >= 0.9, `held-out accuracy ${hits}/${predictions.length} should be at least 0.9`);
});

test("text/csv (with charset, CRLF and blank lines) and application/json give the same predictions", async () => {
  const server = await loadedServer();
  const rows = [
    [5.1, 3.5, 1.4, 0.2],
    [6.4, 3.2, 4.5, 1.5],
    [7.7, 3.0, 6.1, 2.3],
  ];
  const csv = await http(
    server.url,
    "POST",
    "/invocations",
    `${rows.map((r) => r.join(",")).join("\r\n")}\r\n\r\n`,
    "text/csv; charset=utf-8",
  );
  assert.equal(csv.status, 200, `text/csv; charset=utf-8: expected 200, got ${csv.status}: ${csv.body}`);
  const json = await http(server.url, "POST", "/invocations", JSON.stringify({ instances: rows }), "application/json");
  assert.equal(json.status, 200, `application/json: expected 200, got ${json.status}: ${json.body}`);
  assert.deepEqual(json.json().predictions, csv.json().predictions, "the two formats must give identical predictions");
  const labels = (csv.json().predictions as { label: string }[]).map((p) => p.label);
  assert.deepEqual(
    labels,
    predictRows(irisModel, rows).map((p) => p.label),
  );
  assert.deepEqual(labels, ["setosa", "versicolor", "virginica"], "three textbook iris flowers");
});

test("other content types are 415 Unsupported Media Type", async () => {
  const server = await loadedServer();
  for (const type of ["text/plain", "application/x-npy", "application/xml", undefined]) {
    const reply = await http(server.url, "POST", "/invocations", "5.1,3.5,1.4,0.2", type);
    assert.equal(reply.status, 415, `Content-Type ${type ?? "(none)"}: expected 415, got ${reply.status}`);
    assert.equal(typeof reply.json().error, "string", "a 415 answer carries a JSON {error} message");
  }
});

test("bad rows are 400 with a message saying what is wrong and where", async () => {
  const server = await loadedServer();
  const cases: [string, string, RegExp[]][] = [
    ["text/csv", "5.1,3.5,1.4,0.2\n6.4,3.2,4.5\n", [/row 2/, /3 values/, /4/]],
    ["text/csv", "5.1,3.5,abc,0.2\n", [/row 1/, /column 3/, /abc/]],
    ["text/csv", "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n", [/row 1/, /column 1/]],
    ["text/csv", "", [/row/]],
    ["application/json", '{"instances": [[5.1, 3.5, 1.4, 0.2], [1, 2]]}', [/row 2/, /2 values/]],
    ["application/json", '{"instances": [[5.1, "x", 1.4, 0.2]]}', [/row 1/, /column 2/]],
    ["application/json", '{"instances": [5.1, 3.5]', [/JSON/i]],
    ["application/json", '{"rows": [[5.1, 3.5, 1.4, 0.2]]}', [/instances/]],
    ["application/json", '{"instances": []}', [/row/]],
  ];
  for (const [type, body, messages] of cases) {
    const reply = await http(server.url, "POST", "/invocations", body, type);
    assert.equal(
      reply.status,
      400,
      `${type} ${JSON.stringify(body)}: expected 400, got ${reply.status}: ${reply.body}`,
    );
    const error = reply.json().error;
    assert.equal(typeof error, "string", `${JSON.stringify(body)}: the 400 body must be {"error": "<message>"}`);
    for (const m of messages) assert.match(String(error), m, `the message for ${JSON.stringify(body)}`);
  }
  const after400 = await http(server.url, "GET", "/ping");
  assert.equal(after400.status, 200, "a bad request must not take the server down");
});

test("unknown routes are 404", async () => {
  const server = await loadedServer();
  for (const [method, path] of [
    ["GET", "/"],
    ["POST", "/predict"],
    ["GET", "/invocations"],
  ]) {
    const reply = await http(server.url, method, path);
    assert.equal(reply.status, 404, `${method} ${path}: expected 404, got ${reply.status}`);
  }
});
