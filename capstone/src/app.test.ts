// The API through inject(): every route's happy path, the request id, metrics, the OpenAPI document, the SageMaker
// contract, the plug points (runBatch, readiness, instanceSchema), a crashing handler and load shedding.
import assert from "node:assert/strict";
import type { AddressInfo, Socket } from "node:net";
import { connect } from "node:net";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import { loadDataset } from "../../src/data";
import { forestFromArtifact, loadArtifact, type RandomForest } from "../../src/ml";
import { ApiError } from "./errors";
import { createReadiness } from "./readiness";
import { instanceSchema } from "./schemas";
import { datasetInstance, fixtureModelPath, type LogCapture, readyApp } from "./testing";

const data = loadDataset("breast-cancer");

describe("POST /predict", () => {
  let app: FastifyInstance;
  let forest: RandomForest;
  beforeAll(async () => {
    ({ app } = await readyApp());
    forest = forestFromArtifact(loadArtifact(fixtureModelPath()));
  });
  afterAll(() => app.close());

  test("one instance: the class and probabilities of the trained forest, and the model version", async () => {
    const res = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const proba = forest.predictProba([data.X[0]])[0];
    assert.deepEqual(body, {
      modelVersion: "test-1",
      prediction: {
        class: data.classNames![proba[1] > proba[0] ? 1 : 0],
        probabilities: { benign: proba[0], malignant: proba[1] },
      },
    });
  });

  test("a batch of all 569 rows: same order, same numbers as RandomForest.predictProba", async () => {
    const instances = data.X.map((_, i) => datasetInstance(i));
    const res = await app.inject({ method: "POST", url: "/predict", payload: { instances } });
    assert.equal(res.statusCode, 200);
    const { predictions } = res.json() as { predictions: { class: string; probabilities: Record<string, number> }[] };
    const expected = forest.predictProba(data.X);
    const classes = forest.predict(data.X);
    assert.equal(predictions.length, 569);
    predictions.forEach((p, i) => {
      assert.deepEqual(
        [p.probabilities.benign, p.probabilities.malignant],
        expected[i],
        `row ${i}: expected ${expected[i]}, got ${JSON.stringify(p.probabilities)}`,
      );
      assert.equal(p.class, data.classNames![classes[i]], `row ${i}`);
    });
  });

  test("a batch of exactly MAX_BATCH is accepted", async () => {
    const { app: small } = await readyApp({ config: { maxBatch: 3 } });
    const res = await small.inject({
      method: "POST",
      url: "/predict",
      payload: { instances: [0, 1, 2].map(datasetInstance) },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().predictions.length, 3);
    await small.close();
  });

  test("Content-Type application/json with a charset is JSON", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/predict",
      headers: { "content-type": "application/json; charset=utf-8" },
      payload: JSON.stringify({ instance: datasetInstance(1) }),
    });
    assert.equal(res.statusCode, 200, res.body);
  });
});

describe("probes, model card, metrics, request ids", () => {
  let app: FastifyInstance;
  let logs: LogCapture;
  beforeAll(async () => {
    ({ app, logs } = await readyApp());
  });
  afterAll(() => app.close());

  test("GET /healthz and GET /readyz once the model is warm", async () => {
    assert.deepEqual((await app.inject("/healthz")).json(), { status: "ok" });
    const ready = await app.inject("/readyz");
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: "ready", modelVersion: "test-1" });
  });

  test("GET /model: version, features in order, classes, checksum, MAX_BATCH", async () => {
    const body = (await app.inject("/model")).json();
    const artifact = loadArtifact(fixtureModelPath());
    assert.equal(body.version, "test-1");
    assert.equal(body.checksum, artifact.checksum);
    assert.deepEqual(body.features, data.featureNames);
    assert.deepEqual(body.classes, ["benign", "malignant"]);
    assert.equal(body.kind, "random-forest");
    assert.equal(body.source, "reference", "a src/ml RandomForest is the reference model, not the learner's");
    assert.equal(body.trainedBy, "capstone/scripts/train.ts");
    assert.equal(body.maxBatch, 1000);
    assert.equal(typeof body.metrics.testAccuracy, "number");
  });

  test("x-request-id: a valid one is echoed and logged; a missing or unsafe one is replaced by a UUID", async () => {
    const mine = await app.inject({ url: "/healthz", headers: { "x-request-id": "trace-abc.123" } });
    assert.equal(mine.headers["x-request-id"], "trace-abc.123");
    const line = logs.lines().find((l) => l.requestId === "trace-abc.123");
    assert.ok(line, "expected an access log line with requestId trace-abc.123");
    assert.equal(line.msg, "request completed");
    assert.equal(line.statusCode, 200);
    assert.equal(line.route, "/healthz");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    assert.match(String((await app.inject("/healthz")).headers["x-request-id"]), uuid);
    const unsafe = await app.inject({ url: "/healthz", headers: { "x-request-id": "evil\u0007id with spaces" } });
    assert.match(String(unsafe.headers["x-request-id"]), uuid);
  });

  test("error responses carry the same request id in the header, the envelope and the log", async () => {
    const res = await app.inject({ url: "/nope", headers: { "x-request-id": "req-404" } });
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers["x-request-id"], "req-404");
    assert.equal(res.json().error.requestId, "req-404");
    const line = logs.lines().find((l) => l.requestId === "req-404");
    assert.equal(line?.errorCode, "NOT_FOUND");
    assert.equal(line?.route, "unmatched");
  });

  test("GET /metrics: request histogram by route and status, predictions by class, model info and readiness", async () => {
    await app.inject({ method: "POST", url: "/predict", payload: { instances: [0, 1, 2].map(datasetInstance) } });
    await app.inject({ method: "POST", url: "/predict", payload: { instances: [] } });
    const res = await app.inject("/metrics");
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/plain/);
    const text = res.body;
    assert.match(
      text,
      /http_request_duration_seconds_bucket\{le="0.001",method="POST",route="\/predict",status_code="200"\}/,
    );
    assert.match(text, /http_request_duration_seconds_count\{method="POST",route="\/predict",status_code="400"\} 1/);
    const counted = ["benign", "malignant"].map((c) => {
      const m = text.match(new RegExp(`predictions_total\\{class="${c}"\\} (\\d+)`));
      assert.ok(m, `predictions_total{class="${c}"} is exported (0 before its first prediction)`);
      return Number(m[1]);
    });
    assert.equal(counted[0] + counted[1], 3, `3 predictions counted, got ${counted}`);
    const checksum = loadArtifact(fixtureModelPath()).checksum;
    assert.match(text, new RegExp(`model_info\\{version="test-1",checksum="${checksum}",source="reference"\\} 1`));
    assert.match(text, /model_ready 1/);
    assert.match(text, /api_errors_total\{code="EMPTY_BATCH"\} 1/);
    assert.match(text, /prediction_batch_size_sum 3/);
  });
});

describe("OpenAPI document and docs UI", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await readyApp());
  });
  afterAll(() => app.close());

  test("GET /openapi.json: OpenAPI 3.1 with every route, and the model's own instance schema", async () => {
    const res = await app.inject("/openapi.json");
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, "3.1.0");
    for (const path of ["/predict", "/invocations", "/healthz", "/readyz", "/ping", "/model", "/metrics"]) {
      assert.ok(doc.paths[path], `the document lists ${path}`);
    }
    assert.equal(doc.paths["/openapi.json"], undefined, "the document itself is hidden");
    const request = doc.paths["/predict"].post.requestBody.content["application/json"].schema;
    const batch = request.anyOf.find((s: { properties: object }) => "instances" in s.properties);
    const instance = batch.properties.instances.items;
    assert.deepEqual(instance.required, data.featureNames, "every feature is required");
    assert.equal(instance.additionalProperties, false, "extra fields are rejected");
    assert.equal(batch.properties.instances.maxItems, 1000);
    const prediction =
      doc.paths["/predict"].post.responses["200"].content["application/json"].schema.properties.predictions.items;
    assert.deepEqual(prediction.properties.class.enum, ["benign", "malignant"]);
    assert.deepEqual(prediction.properties.probabilities.required, ["benign", "malignant"]);
    assert.ok(!JSON.stringify(doc).includes("x-model-"), "internal marks are not published");
    for (const status of ["400", "413", "415", "503"]) {
      assert.ok(doc.paths["/predict"].post.responses[status], `POST /predict documents ${status}`);
    }
  });

  test("GET /docs serves the UI and its JSON is the same model-aware document", async () => {
    const page = await app.inject("/docs/");
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers["content-type"]), /text\/html/);
    const json = (await app.inject("/docs/json")).json();
    assert.deepEqual(json, (await app.inject("/openapi.json")).json());
  });
});

describe("SageMaker contract: GET /ping, POST /invocations", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await readyApp());
  });
  afterAll(() => app.close());

  test("/ping is 200 when ready", async () => {
    assert.equal((await app.inject("/ping")).statusCode, 200);
  });

  test("/invocations with JSON answers like /predict", async () => {
    const payload = { instances: [3, 4].map(datasetInstance) };
    const a = await app.inject({ method: "POST", url: "/invocations", payload });
    const b = await app.inject({ method: "POST", url: "/predict", payload });
    assert.equal(a.statusCode, 200);
    assert.deepEqual(a.json(), b.json());
  });

  test("/invocations with text/csv: rows in feature order, an optional header, same answers", async () => {
    const rows = [5, 6].map((i) => data.X[i].join(","));
    const expected = (
      await app.inject({ method: "POST", url: "/predict", payload: { instances: [5, 6].map(datasetInstance) } })
    ).json();
    for (const csv of [rows.join("\n"), `${data.featureNames.join(",")}\r\n${rows.join("\r\n")}\r\n`]) {
      const res = await app.inject({
        method: "POST",
        url: "/invocations",
        headers: { "content-type": "text/csv" },
        payload: csv,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), expected);
    }
  });

  test("/invocations with a bad CSV: the row that is short and the cell that is not a number", async () => {
    const short = data.X[0].slice(0, 29).join(",");
    const bad = data.X[1].map((v, j) => (j === 2 ? "abc" : String(v))).join(",");
    const res1 = await app.inject({
      method: "POST",
      url: "/invocations",
      headers: { "content-type": "text/csv" },
      payload: `${data.X[0].join(",")}\n${short}`,
    });
    assert.equal(res1.statusCode, 400);
    assert.deepEqual(res1.json().error.details, [
      { path: "/instances/1", message: "has 29 values, the model needs 30" },
    ]);
    const res2 = await app.inject({
      method: "POST",
      url: "/invocations",
      headers: { "content-type": "text/csv" },
      payload: bad,
    });
    assert.equal(res2.statusCode, 400);
    assert.deepEqual(res2.json().error.details, [
      { path: "/instances/0/mean_perimeter", message: 'must be a number, got the string "abc"' },
    ]);
  });

  test("/predict does not take CSV: 415", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/predict",
      headers: { "content-type": "text/csv" },
      payload: data.X[0].join(","),
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, "UNSUPPORTED_MEDIA_TYPE");
  });
});

describe("plug points: an exercise's own code runs inside the real service", () => {
  test("runBatch: a custom batch path is called with the body, the model and the limits", async () => {
    let seen: { body: unknown; maxBatch: number; features: number } | null = null;
    const { app } = await readyApp({
      config: { maxBatch: 7 },
      runBatch: (body, ctx) => {
        seen = { body, maxBatch: ctx.maxBatch, features: ctx.model.featureNames.length };
        return {
          modelVersion: "custom",
          predictions: [{ class: "benign", probabilities: { benign: 1, malignant: 0 } }],
        };
      },
    });
    const res = await app.inject({ method: "POST", url: "/predict", payload: { anything: true } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().modelVersion, "custom");
    assert.deepEqual(seen, { body: { anything: true }, maxBatch: 7, features: 30 });
    assert.match((await app.inject("/metrics")).body, /predictions_total\{class="benign"\} 1/);
    await app.close();
  });

  test("readiness: the app drives the given state machine through loading, warming, ready", async () => {
    const readiness = createReadiness();
    const states: string[] = [];
    const spy = new Proxy(readiness, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value === "function" && ["loading", "warming", "ready", "failed"].includes(String(key))) {
          return (...args: unknown[]) => {
            states.push(String(key));
            return (value as (...a: unknown[]) => boolean)(...args);
          };
        }
        return value;
      },
    });
    const { app } = await readyApp({ readiness: spy });
    assert.deepEqual(states, ["loading", "warming", "ready"]);
    assert.equal((await app.inject("/readyz")).statusCode, 200);
    await app.close();
  });

  test("instanceSchema: a schema that also accepts an optional `id` string lets it through", async () => {
    const { app } = await readyApp({
      instanceSchema: (names) => {
        const base = instanceSchema(names);
        return Type.Object({ ...base.properties, id: Type.Optional(Type.String()) }, { additionalProperties: false });
      },
    });
    const res = await app.inject({
      method: "POST",
      url: "/predict",
      payload: { instance: { ...datasetInstance(0), id: "patient-7" } },
    });
    assert.equal(res.statusCode, 200, res.body);
    await app.close();
  });

  test("a handler that throws: 500 INTERNAL_ERROR, no message, no stack; the log has both", async () => {
    const { app, logs } = await readyApp({
      runBatch: () => {
        throw new Error("secret database password in /etc/creds");
      },
    });
    const res = await app.inject({
      method: "POST",
      url: "/predict",
      headers: { "x-request-id": "boom-1" },
      payload: { instance: datasetInstance(0) },
    });
    assert.equal(res.statusCode, 500);
    const body = res.json();
    assert.equal(body.error.code, "INTERNAL_ERROR");
    assert.equal(body.error.requestId, "boom-1");
    assert.doesNotMatch(res.body, /secret|\/etc\/creds|at .*\.ts|Error:/, `the client sees no cause: ${res.body}`);
    const logged = logs.lines().find((l) => l.requestId === "boom-1" && l.msg === "request failed");
    assert.ok(logged, "the failure is logged under the request id");
    assert.match(JSON.stringify(logged.err), /secret database password/);
    assert.match(JSON.stringify(logged.err), /stack/);
    await app.close();
  });

  test("an ApiError thrown by a custom runBatch reaches the client as is", async () => {
    const { app } = await readyApp({
      runBatch: () => {
        throw new ApiError("VALIDATION_FAILED", "custom", [{ path: "/x", message: "bad" }]);
      },
    });
    const res = await app.inject({ method: "POST", url: "/predict", payload: {} });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().error.details, [{ path: "/x", message: "bad" }]);
    await app.close();
  });
});

describe("malformed HTTP", () => {
  test("a request HTTP itself cannot parse gets the envelope too (400 INVALID_REQUEST), on the raw socket", async () => {
    const { app } = await readyApp();
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket: Socket = connect(port, "127.0.0.1", () => {
        socket.write("THIS IS NOT HTTP\r\n\r\n");
      });
      let text = "";
      socket.on("data", (c) => {
        text += c;
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    await app.close();
    assert.match(raw, /^HTTP\/1.1 400 Bad Request\r\n/);
    const body = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4));
    assert.equal(body.error.code, "INVALID_REQUEST");
    assert.equal(typeof body.error.requestId, "string");
  });
});

describe("load shedding (@fastify/under-pressure)", () => {
  test("under pressure: 503 OVERLOADED with Retry-After on /predict; probes and metrics still answer", async () => {
    // Any heap is above 1 byte: the shedder reports pressure from its first sample (every 10 ms here).
    const { app } = await readyApp({ underPressure: { maxHeapUsedBytes: 1, sampleInterval: 10 } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    const res = await app.inject({ method: "POST", url: "/predict", payload: { instance: datasetInstance(0) } });
    assert.equal(res.statusCode, 503);
    assert.equal(res.headers["retry-after"], "5");
    assert.equal(res.json().error.code, "OVERLOADED");
    for (const url of ["/healthz", "/readyz", "/metrics", "/model"]) {
      assert.equal((await app.inject(url)).statusCode, 200, `${url} is not shed`);
    }
    assert.match((await app.inject("/metrics")).body, /api_errors_total\{code="OVERLOADED"\} 1/);
    await app.close();
  });
});
