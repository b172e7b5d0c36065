// Grades exercises/week-05/structured-logging.ts (and proves solutions/week-05/structured-logging.ts with the very
// same file). The output is judged the way a log pipeline (Loki, CloudWatch Logs, Elasticsearch) would read it: every
// captured line is PARSED as JSON, then its fields, types, level and redaction are checked.
import assert from "node:assert/strict";
import { test } from "vitest";
import { createRequestLogger, levelForStatus, REDACTED, type RequestRecord, redact } from "./structured-logging";

const FIXED = new Date("2025-03-14T09:26:53.589Z");

/** A logger writing into an array, with a fixed clock. */
function capture() {
  const lines: string[] = [];
  const logger = createRequestLogger((line) => lines.push(line), { now: () => FIXED });
  return { lines, logger };
}

/** Parses one captured line: exactly one JSON object, terminated by a single "\n". */
function parseLine(line: string): Record<string, unknown> {
  assert.equal(typeof line, "string", "write() receives a string");
  assert.ok(line.endsWith("\n"), `each line ends with "\\n", got ${JSON.stringify(line.slice(-10))}`);
  assert.equal(line.indexOf("\n"), line.length - 1, `exactly one newline per line: ${JSON.stringify(line)}`);
  let parsed: unknown;
  assert.doesNotThrow(() => {
    parsed = JSON.parse(line);
  }, `not valid JSON: ${line}`);
  assert.ok(parsed && typeof parsed === "object" && !Array.isArray(parsed), `a JSON object, got ${line}`);
  return parsed as Record<string, unknown>;
}

const base: RequestRecord = { requestId: "req-7f3a", method: "POST", route: "/predict", status: 200, latencyMs: 12.5 };

test("levelForStatus: 5xx error, 4xx warn, everything else info", () => {
  const cases: [number, string][] = [
    [200, "info"],
    [201, "info"],
    [302, "info"],
    [399, "info"],
    [400, "warn"],
    [404, "warn"],
    [499, "warn"],
    [500, "error"],
    [503, "error"],
  ];
  for (const [status, want] of cases) assert.equal(levelForStatus(status), want, `status ${status}: expected ${want}`);
});

test("one request gives one JSON line with every field a pipeline needs, with the right types", () => {
  const { lines, logger } = capture();
  logger.logRequest(base);
  assert.equal(lines.length, 1, `write() called once per request, got ${lines.length}`);
  const rec = parseLine(lines[0]);
  assert.equal(rec.time, FIXED.toISOString(), "time: ISO 8601 from the clock");
  assert.equal(rec.level, "info", "level for a 200");
  assert.ok(
    typeof rec.msg === "string" && rec.msg.length > 0,
    `msg: a non-empty string, got ${JSON.stringify(rec.msg)}`,
  );
  assert.equal(rec.requestId, "req-7f3a", "requestId");
  assert.equal(rec.method, "POST", "method");
  assert.equal(rec.route, "/predict", "route");
  assert.equal(rec.status, 200, "status is a number, not a string");
  assert.equal(rec.latencyMs, 12.5, "latencyMs is a number");
});

test("the default clock writes the current time in ISO 8601", () => {
  const lines: string[] = [];
  createRequestLogger((line) => lines.push(line)).logRequest(base);
  const rec = parseLine(lines[0]);
  assert.ok(
    typeof rec.time === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(rec.time),
    `ISO time, got ${rec.time}`,
  );
  assert.ok(Math.abs(Date.parse(rec.time as string) - Date.now()) < 60_000, `time should be now, got ${rec.time}`);
});

test("each request is its own line, and the level follows the status", () => {
  const { lines, logger } = capture();
  const statuses = [200, 404, 500, 201, 429];
  statuses.forEach((status, i) => {
    logger.logRequest({ ...base, requestId: `r${i}`, status });
  });
  assert.equal(
    lines.length,
    statuses.length,
    `one write per request: expected ${statuses.length}, got ${lines.length}`,
  );
  const recs = lines.map(parseLine);
  assert.deepEqual(
    recs.map((r) => r.requestId),
    ["r0", "r1", "r2", "r3", "r4"],
    "request ids in order",
  );
  assert.deepEqual(
    recs.map((r) => r.level),
    ["info", "warn", "error", "info", "warn"],
    "levels by status",
  );
});

test("a newline inside a value cannot split the line (log injection)", () => {
  const { lines, logger } = capture();
  logger.logRequest({ ...base, route: '/predict\n{"level":"info","msg":"forged"}' });
  assert.equal(lines.length, 1, "still one write");
  assert.equal(parseLine(lines[0]).route, '/predict\n{"level":"info","msg":"forged"}', "the route survives, escaped");
});

test("secrets never reach the log: Authorization header, API keys, passwords, at any depth", () => {
  const { lines, logger } = capture();
  const headers = {
    Authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.secret",
    "Content-Type": "application/json",
    "X-Api-Key": "sk-live-123",
  };
  const context = {
    apiKey: "sk-live-456",
    modelVersion: "v3",
    user: { id: 7, password: "hunter2" },
    attempts: [{ token: "t0k3n" }],
  };
  logger.logRequest({ ...base, headers, context });
  const line = lines[0];
  for (const secret of ["eyJhbGciOiJIUzI1NiJ9.secret", "sk-live-123", "sk-live-456", "hunter2", "t0k3n"]) {
    assert.ok(!line.includes(secret), `the secret "${secret}" appears in the log line: ${line}`);
  }
  const rec = parseLine(line);
  const h = rec.headers as Record<string, unknown>;
  assert.ok(h && typeof h === "object", `headers are logged (redacted), got ${JSON.stringify(rec.headers)}`);
  assert.equal(h.Authorization, REDACTED, "Authorization redacted (key kept, value replaced)");
  assert.equal(h["X-Api-Key"], REDACTED, "X-Api-Key redacted");
  assert.equal(h["Content-Type"], "application/json", "harmless headers kept");
  assert.equal(rec.apiKey, REDACTED, "context apiKey redacted, at the top level of the line");
  assert.equal(rec.modelVersion, "v3", "harmless context fields kept at the top level");
  assert.deepEqual(rec.user, { id: 7, password: REDACTED }, "nested password redacted");
  assert.deepEqual(rec.attempts, [{ token: REDACTED }], "secrets inside arrays redacted");
  // Redaction works on a copy: the caller's objects are untouched.
  assert.equal(headers.Authorization, "Bearer eyJhbGciOiJIUzI1NiJ9.secret", "the input headers must not be modified");
  assert.equal(context.user.password, "hunter2", "the input context must not be modified");
});

test("context cannot overwrite the core fields", () => {
  const { lines, logger } = capture();
  logger.logRequest({ ...base, status: 503, context: { status: "fine", level: "info", requestId: "spoofed" } });
  const rec = parseLine(lines[0]);
  assert.equal(rec.status, 503, "status from the record");
  assert.equal(rec.level, "error", "level from the status");
  assert.equal(rec.requestId, "req-7f3a", "requestId from the record");
});

test("redact is deep, case-insensitive, and leaves plain values alone", () => {
  assert.deepEqual(redact({ PASSWORD: "x", nested: { Cookie: "c", keep: 1 } }), {
    PASSWORD: REDACTED,
    nested: { Cookie: REDACTED, keep: 1 },
  });
  assert.equal(redact("plain"), "plain");
  assert.equal(redact(42), 42);
  assert.equal(redact(null), null);
});

test("bad records throw a clear error and write nothing", () => {
  const { lines, logger } = capture();
  assert.throws(() => logger.logRequest({ ...base, requestId: "" }), /requestId/, "empty requestId");
  assert.throws(() => logger.logRequest({ ...base, status: 700 }), /status/, "status 700");
  assert.throws(() => logger.logRequest({ ...base, status: 200.5 }), /status/, "fractional status");
  assert.throws(() => logger.logRequest({ ...base, latencyMs: -1 }), /latencyMs/, "negative latency");
  assert.throws(() => logger.logRequest({ ...base, latencyMs: Number.NaN }), /latencyMs/, "NaN latency");
  assert.equal(lines.length, 0, `nothing written for bad records, got ${lines.length} lines`);
});
