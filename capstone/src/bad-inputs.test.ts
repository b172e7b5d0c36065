// The table of bad inputs: every way a request can be wrong, the status and code it must get, and the path of every
// bad field. Each answer is also checked against the one envelope, the one code table, and for leaked internals.
import assert from "node:assert/strict";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import { loadDataset } from "../../src/data";
import { ERROR_CODES, type ErrorCode } from "./errors";
import { datasetInstance, readyApp } from "./testing";

const features = loadDataset("breast-cancer").featureNames;
const MAX_BATCH = 5;
const BODY_LIMIT = 16 * 1024;

const row = (i = 0) => datasetInstance(i);
const without = (names: string[]) => Object.fromEntries(Object.entries(row()).filter(([k]) => !names.includes(k)));
const json = (payload: unknown): InjectOptions => ({ method: "POST", url: "/predict", payload: payload as object });
const raw = (payload: string, contentType = "application/json"): InjectOptions => ({
  method: "POST",
  url: "/predict",
  headers: { "content-type": contentType },
  payload,
});
/** A raw JSON body whose first instance has `text` as the value of mean_radius (text is pasted into the JSON). */
const rawValue = (text: string) =>
  raw(JSON.stringify({ instance: row() }).replace(/"mean_radius":[^,]+/, `"mean_radius":${text}`));

interface Case {
  name: string;
  request: InjectOptions;
  code: ErrorCode;
  /** Exact details, when they matter. */
  details?: { path: string; message: string | RegExp }[];
  message?: RegExp;
}

const notNumber = (path: string, got: string) => ({ path, message: `must be a number, got ${got}` });

const CASES: Case[] = [
  // Wrong types: every one listed with its path; strings are never converted.
  {
    name: "a numeric string, a boolean, null, an object and an array as feature values",
    request: json({
      instance: {
        ...row(),
        mean_radius: "12.5",
        mean_texture: true,
        mean_area: null,
        mean_perimeter: {},
        mean_smoothness: [1],
      },
    }),
    code: "VALIDATION_FAILED",
    details: [
      notNumber("/instance/mean_radius", 'the string "12.5"'),
      notNumber("/instance/mean_texture", "a boolean"),
      notNumber("/instance/mean_perimeter", "an object"),
      notNumber("/instance/mean_area", "null"),
      notNumber("/instance/mean_smoothness", "an array"),
    ],
  },
  // Missing features: ALL of them listed, not just the first.
  {
    name: "three missing features",
    request: json({ instances: [row(0), without(["mean_radius", "area_error", "worst_symmetry"])] }),
    code: "VALIDATION_FAILED",
    details: ["mean_radius", "area_error", "worst_symmetry"].map((f) => ({
      path: `/instances/1/${f}`,
      message: "missing feature",
    })),
  },
  {
    name: "an empty instance: all 30 features missing",
    request: json({ instance: {} }),
    code: "VALIDATION_FAILED",
    details: features.map((f) => ({ path: `/instance/${f}`, message: "missing feature" })),
  },
  // NaN and Infinity: JSON has neither, so they arrive as strings, or as numbers too large for a double.
  {
    name: 'the strings "NaN", "Infinity" and "-inf"',
    request: json({ instance: { ...row(), mean_radius: "NaN", mean_texture: "Infinity", mean_area: "-inf" } }),
    code: "VALIDATION_FAILED",
    details: [
      notNumber("/instance/mean_radius", 'the string "NaN" (JSON has no NaN or Infinity)'),
      notNumber("/instance/mean_texture", 'the string "Infinity" (JSON has no NaN or Infinity)'),
      notNumber("/instance/mean_area", 'the string "-inf" (JSON has no NaN or Infinity)'),
    ],
  },
  {
    name: "1e999: a JSON number beyond float64, which JSON.parse reads as Infinity",
    request: rawValue("1e999"),
    code: "VALIDATION_FAILED",
    details: [
      {
        path: "/instance/mean_radius",
        message: "is not a finite number: it overflows float64 (JSON.parse read it as Infinity)",
      },
    ],
  },
  {
    name: "-1e400 likewise",
    request: rawValue("-1e400"),
    code: "VALIDATION_FAILED",
    details: [{ path: "/instance/mean_radius", message: /not a finite number/ }],
  },
  {
    name: "bare NaN and Infinity tokens are not JSON at all",
    request: rawValue("NaN"),
    code: "INVALID_JSON",
  },
  // Extra fields: rejected with their paths, never ignored.
  {
    name: "extra fields in an instance and at the top level",
    request: json({ instances: [{ ...row(), colour: "red", "a/b": 1 }], debug: true }),
    code: "VALIDATION_FAILED",
    details: [
      { path: "/debug", message: "unknown field: the body holds only `instances`" },
      { path: "/instances/0/colour", message: /^unknown field: not a feature of this model/ },
      { path: "/instances/0/a~1b", message: /^unknown field/ },
    ],
  },
  {
    name: "a misspelt feature: the extra name AND the missing one",
    request: json({ instance: { ...without(["mean_radius"]), mean_raduis: 14.1 } }),
    code: "VALIDATION_FAILED",
    details: [
      { path: "/instance/mean_radius", message: "missing feature" },
      { path: "/instance/mean_raduis", message: /^unknown field/ },
    ],
  },
  {
    name: "problems in several instances, in order",
    request: json({ instances: [row(0), { ...row(1), mean_area: "x" }, null, without(["worst_area"])] }),
    code: "VALIDATION_FAILED",
    details: [
      notNumber("/instances/1/mean_area", 'the string "x"'),
      { path: "/instances/2", message: "must be an object of feature values, got null" },
      { path: "/instances/3/worst_area", message: "missing feature" },
    ],
  },
  {
    name: "more than 100 problems: the first 100 are listed and the message gives the total",
    request: json({ instances: [{}, {}, {}, {}, {}] }),
    code: "VALIDATION_FAILED",
    message: /^150 fields are invalid \(the first 100 are listed\)\.$/,
  },
  // Batches.
  {
    name: "an empty batch",
    request: json({ instances: [] }),
    code: "EMPTY_BATCH",
    details: [{ path: "/instances", message: "must hold at least 1 instance" }],
  },
  {
    name: "a batch over MAX_BATCH",
    request: json({ instances: Array.from({ length: MAX_BATCH + 1 }, (_, i) => row(i)) }),
    code: "BATCH_TOO_LARGE",
    details: [{ path: "/instances", message: `must hold at most ${MAX_BATCH} instances (MAX_BATCH)` }],
  },
  // Not a prediction request.
  {
    name: "both instance and instances",
    request: json({ instance: row(), instances: [row()] }),
    code: "INVALID_REQUEST",
  },
  { name: "neither instance nor instances", request: json({ rows: [row()] }), code: "INVALID_REQUEST" },
  {
    name: "instances is not an array",
    request: json({ instances: row() }),
    code: "INVALID_REQUEST",
    details: [{ path: "/instances", message: "must be an array" }],
  },
  { name: "instance is an array", request: json({ instance: [row()] }), code: "INVALID_REQUEST" },
  { name: "the body is a JSON array", request: raw(JSON.stringify([row()])), code: "INVALID_REQUEST" },
  { name: "the body is a JSON string", request: raw('"hello"'), code: "INVALID_REQUEST" },
  { name: "the body is JSON null", request: raw("null"), code: "INVALID_REQUEST" },
  { name: "no body at all", request: { method: "POST", url: "/predict" }, code: "INVALID_REQUEST" },
  // Not JSON.
  { name: "malformed JSON", request: raw('{"instance": {'), code: "INVALID_JSON" },
  { name: "an empty body that says it is JSON", request: raw(""), code: "INVALID_JSON" },
  {
    name: "prototype poisoning (__proto__)",
    request: raw(`{"instance": {"__proto__": {"isAdmin": true}}}`),
    code: "INVALID_JSON",
  },
  {
    name: "Content-Type text/plain",
    request: raw(JSON.stringify({ instance: row() }), "text/plain"),
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "Content-Type application/xml",
    request: raw("<instance/>", "application/xml"),
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "form-encoded",
    request: raw("mean_radius=1", "application/x-www-form-urlencoded"),
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  // Size.
  {
    name: "a body over BODY_LIMIT_BYTES",
    request: raw(JSON.stringify({ instance: { ...row(), pad: "x".repeat(BODY_LIMIT) } })),
    code: "BODY_TOO_LARGE",
  },
  // Routes.
  { name: "an unknown route", request: { method: "GET", url: "/predictions" }, code: "NOT_FOUND" },
  {
    name: "a known path with the wrong method",
    request: { method: "GET", url: "/predict" },
    code: "METHOD_NOT_ALLOWED",
  },
  { name: "DELETE /model", request: { method: "DELETE", url: "/model" }, code: "METHOD_NOT_ALLOWED" },
  {
    name: "a body-carrying method without a Content-Type on a GET route",
    request: { method: "QUERY" as InjectOptions["method"], url: "/healthz" },
    code: "METHOD_NOT_ALLOWED",
  },
  {
    name: "a body over the limit sent to an unknown path: 404, the body is not even read",
    request: { ...raw("x".repeat(BODY_LIMIT * 2), "text/plain"), url: "/nowhere" },
    code: "NOT_FOUND",
  },
  { name: "a malformed URL", request: { method: "GET", url: "/%E0%A4%A" }, code: "INVALID_REQUEST" },
];

describe("the table of bad inputs", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await readyApp({ config: { maxBatch: MAX_BATCH, bodyLimitBytes: BODY_LIMIT } }));
  });
  afterAll(() => app.close());

  for (const c of CASES) {
    test(`${c.name} -> ${ERROR_CODES[c.code].status} ${c.code}`, async () => {
      const res = await app.inject({ ...c.request, headers: { ...c.request.headers, "x-request-id": "bad-input" } });
      const expectedStatus = ERROR_CODES[c.code].status;
      assert.equal(
        res.statusCode,
        expectedStatus,
        `status: expected ${expectedStatus}, got ${res.statusCode}: ${res.body}`,
      );
      const body = res.json();
      // The one envelope, exactly: no other keys, nothing from the framework's own error format.
      assert.deepEqual(Object.keys(body), ["error"]);
      assert.deepEqual(Object.keys(body.error).sort(), ["code", "details", "message", "requestId"]);
      assert.equal(body.error.code, c.code, `code: expected ${c.code}, got ${body.error.code} (${body.error.message})`);
      assert.equal(body.error.requestId, "bad-input");
      assert.equal(typeof body.error.message, "string");
      assert.ok(body.error.message.length > 0);
      assert.doesNotMatch(res.body, /\bat .+:\d+:\d+|node_modules|FST_/, "no stack trace or framework internals");
      if (c.details) {
        assert.equal(
          body.error.details.length,
          c.details.length,
          `details: expected ${JSON.stringify(c.details.map((d) => d.path))}, got ${JSON.stringify(body.error.details)}`,
        );
        c.details.forEach((d, i) => {
          assert.equal(body.error.details[i].path, d.path, `details[${i}].path`);
          if (typeof d.message === "string") assert.equal(body.error.details[i].message, d.message);
          else assert.match(body.error.details[i].message, d.message);
        });
      }
      if (c.message) assert.match(body.error.message, c.message);
      if (c.code === "VALIDATION_FAILED" && !c.details) assert.equal(body.error.details.length, 100);
    });
  }

  test("405 says which methods the path takes, in the Allow header", async () => {
    const res = await app.inject({ method: "PUT", url: "/predict" });
    assert.equal(res.statusCode, 405);
    assert.equal(res.headers.allow, "POST");
    assert.match(String((await app.inject({ method: "POST", url: "/healthz" })).headers.allow), /^GET, HEAD$/);
  });

  test("numbers at the edges of float64 are valid: 1.7976931348623157e308, -0, 5e-324", async () => {
    const res = await app.inject(
      json({
        instances: [
          { ...row(), mean_radius: 1.7976931348623157e308 },
          { ...row(), mean_radius: -0 },
          { ...row(), mean_radius: 5e-324 },
        ],
      }),
    );
    assert.equal(res.statusCode, 200, res.body);
  });
});
