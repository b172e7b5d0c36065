// The readiness state machine: ready only after loading AND warming, draining is final and wins over a late load.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { createReadiness } from "./readiness";

describe("readiness", () => {
  test("starting -> loading -> warming -> ready; only 'ready' is ready", () => {
    const r = createReadiness();
    const seen: [string, boolean][] = [[r.state, r.isReady()]];
    r.loading();
    seen.push([r.state, r.isReady()]);
    r.warming();
    seen.push([r.state, r.isReady()]);
    r.ready();
    seen.push([r.state, r.isReady()]);
    assert.deepEqual(seen, [
      ["starting", false],
      ["loading", false],
      ["warming", false],
      ["ready", true],
    ]);
    assert.equal(r.reason, undefined);
  });

  test("ready without the warm-up, or before loading, is refused", () => {
    const r = createReadiness();
    assert.throws(() => r.ready(), /cannot go from "starting" to "ready"/);
    r.loading();
    assert.throws(() => r.ready(), /cannot go from "loading" to "ready" \(allowed: warming, failed, draining\)/);
  });

  test("failed keeps the reason; a retry goes back to loading", () => {
    const r = createReadiness();
    r.loading();
    r.failed("model.json not found");
    assert.equal(r.state, "failed");
    assert.equal(r.reason, "model.json not found");
    assert.equal(r.isReady(), false);
    assert.throws(() => r.warming(), /from "failed" to "warming"/);
    r.loading();
    assert.equal(r.reason, "the model is loading");
  });

  test("draining is final and wins: later load steps are ignored (false), not errors", () => {
    const r = createReadiness();
    r.loading();
    assert.equal(r.draining(), true);
    assert.equal(r.warming(), false);
    assert.equal(r.ready(), false);
    assert.equal(r.failed("late"), false);
    assert.equal(r.draining(), false);
    assert.equal(r.state, "draining");
    assert.equal(r.reason, "the server is shutting down");
  });

  test("from ready, only draining", () => {
    const r = createReadiness();
    r.loading();
    r.warming();
    r.ready();
    assert.throws(() => r.loading(), /from "ready" to "loading"/);
    r.draining();
    assert.equal(r.isReady(), false);
  });
});
