// Configuration from the environment: defaults, every bad value reported once with the variable, the value and what
// is allowed, and MODEL_PATH resolved the documented way.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "vitest";
import { findRoot } from "../../src/workspace/paths";
import { ConfigError, defaultModelPath, loadConfig } from "./config";

const root = findRoot();

describe("loadConfig", () => {
  test("defaults: port 8080 on 0.0.0.0, the workspace's capstone/model/model.json, batches of 1000", () => {
    assert.deepEqual(loadConfig({}, root), {
      port: 8080,
      host: "0.0.0.0",
      modelPath: join(root, "capstone", "model", "model.json"),
      maxBatch: 1000,
      bodyLimitBytes: 4 * 1024 * 1024,
      logLevel: "info",
      shutdownGraceMs: 25_000,
      shutdownDelayMs: 0,
      maxEventLoopDelayMs: 1000,
    });
  });

  test("the default MODEL_PATH is found from the workspace root, even from a sub-folder", () => {
    assert.equal(
      loadConfig({}, join(root, "capstone", "src")).modelPath,
      join(root, "capstone", "model", "model.json"),
    );
    // Outside the workspace (a container), it is relative to the working directory.
    assert.equal(defaultModelPath("/"), "/capstone/model/model.json");
  });

  test("values from the environment; a relative MODEL_PATH starts at the working directory; unknown variables are ignored", () => {
    const c = loadConfig(
      {
        PORT: "9000",
        HOST: "127.0.0.1",
        MODEL_PATH: "models/m.json",
        MAX_BATCH: "50",
        BODY_LIMIT_BYTES: "2048",
        LOG_LEVEL: "debug",
        SHUTDOWN_GRACE_MS: "1000",
        SHUTDOWN_DELAY_MS: "200",
        MAX_EVENT_LOOP_DELAY_MS: "0",
        HOME: "/root",
      },
      "/srv/app",
    );
    assert.deepEqual(c, {
      port: 9000,
      host: "127.0.0.1",
      modelPath: "/srv/app/models/m.json",
      maxBatch: 50,
      bodyLimitBytes: 2048,
      logLevel: "debug",
      shutdownGraceMs: 1000,
      shutdownDelayMs: 200,
      maxEventLoopDelayMs: 0,
    });
    assert.equal(loadConfig({ MODEL_PATH: "/abs/model.json" }, "/srv").modelPath, "/abs/model.json");
  });

  test("an empty variable counts as unset", () => {
    assert.equal(loadConfig({ PORT: "", LOG_LEVEL: "" }, root).port, 8080);
  });

  test("every bad value is listed once, naming the variable, its value and what is allowed", () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(
        { PORT: "70000", MAX_BATCH: "1.5", LOG_LEVEL: "verbose", BODY_LIMIT_BYTES: "big", SHUTDOWN_GRACE_MS: "-1" },
        root,
      );
    } catch (e) {
      error = e as ConfigError;
    }
    assert.ok(error instanceof ConfigError, "expected a ConfigError");
    assert.deepEqual(error.problems, [
      'PORT="70000" is invalid: expected TCP port to listen on, an integer from 1 to 65535.',
      'MAX_BATCH="1.5" is invalid: expected most instances one request may carry, an integer from 1 to 100000.',
      'BODY_LIMIT_BYTES="big" is invalid: expected largest accepted request body in bytes, an integer from 1024 to 1073741824.',
      'LOG_LEVEL="verbose" is invalid: expected one of fatal, error, warn, info, debug, trace, silent.',
      'SHUTDOWN_GRACE_MS="-1" is invalid: expected after SIGTERM, the longest wait for in-flight requests before exiting anyway, in ms (0 to 600000).',
    ]);
    assert.match(error.message, /^invalid configuration:\n {2}- PORT=/);
  });

  test("numbers must be plain decimals: '0x50' and '80abc' are refused, ' 80 ' and '1e2' are read as written", () => {
    assert.throws(() => loadConfig({ PORT: "0x50" }, root), /PORT="0x50" is invalid/);
    assert.throws(() => loadConfig({ PORT: "80abc" }, root), /PORT="80abc" is invalid/);
    assert.equal(loadConfig({ PORT: " 80 " }, root).port, 80);
    assert.equal(loadConfig({ MAX_BATCH: "1e2" }, root).maxBatch, 100);
  });
});
