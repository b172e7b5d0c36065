// Grades exercises/week-06/retry-backoff.ts (and proves solutions/week-06/retry-backoff.ts with the very same file).
// A fake, flaky model server on a loopback port follows a script, one behaviour per request: answer 503, hang (never
// answer), reset the connection, answer 429 or 400, or answer properly. The client's waits go to a fake sleep that
// records them, and its randomness is a scripted sequence, so every expected delay is worked out by hand below.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { afterAll, test } from "vitest";
import {
  backoffDelay,
  isRetryableStatus,
  type Prediction,
  postJsonWithRetry,
  predictWithFallback,
  RequestRejectedError,
  RetriesExhaustedError,
  type RetryOptions,
} from "./retry-backoff";

type Behaviour = "ok" | "hang" | "reset" | 503 | 429 | 400 | 500;

interface Fake {
  url: string;
  /** Bodies of the requests it answered or refused with a status, in order (not the hangs and resets). */
  seen: unknown[];
  setScript(s: Behaviour[]): void;
}

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function fakeServer(): Promise<Fake> {
  let script: Behaviour[] = [];
  const seen: unknown[] = [];
  const server = createServer((req, res) => {
    // The behaviour is picked when the request ARRIVES: a client that gives up before sending its whole body must
    // still use up its turn, or a slow machine would shift the script by one.
    const b = script.shift() ?? "ok";
    // One request per connection: a kept-alive socket reused after a reset would make the script flaky.
    res.shouldKeepAlive = false;
    if (b === "hang") return; // never answers: only the client's time-out ends this
    if (b === "reset") return req.socket.destroy();
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      seen.push(body ? JSON.parse(body) : undefined);
      if (b === "ok") {
        const rows = (JSON.parse(body) as { instances: number[][] }).instances;
        const predictions: Prediction[] = rows.map(() => ({ label: "benign", probability: 0.9 }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ predictions }));
        return;
      }
      res.writeHead(b, { "content-type": "application/json" }).end(JSON.stringify({ error: `status ${b}` }));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/predict`, seen, setScript: (s) => (script = [...s]) };
}

/** Options with a recording sleep and a scripted random sequence. */
function options(randoms: number[], extra: Partial<RetryOptions> = {}) {
  const sleeps: number[] = [];
  const seq = [...randoms];
  const o: RetryOptions = {
    retries: 3,
    // Generous, so a busy machine never turns a normal answer into a time-out; the hang tests set their own.
    timeoutMs: 2000,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => {
      const v = seq.shift();
      assert.ok(v !== undefined, "random() was called more often than once per retry");
      return v;
    },
    ...extra,
  };
  return { o, sleeps };
}

const ROWS = [
  [1, 2],
  [3, 4],
];

test("backoffDelay: full jitter under an exponentially growing, capped ceiling", () => {
  const r = (v: number) => ({ baseDelayMs: 100, maxDelayMs: 1000, random: () => v });
  assert.equal(backoffDelay(0, r(0.5)), 50, "floor(0.5 × min(1000, 100 × 1))");
  assert.equal(backoffDelay(1, r(0.5)), 100, "floor(0.5 × 200)");
  assert.equal(backoffDelay(3, r(0.999)), 799, "floor(0.999 × 800)");
  assert.equal(backoffDelay(4, r(0.5)), 500, "100 × 16 = 1600 is capped at 1000");
  assert.equal(backoffDelay(30, r(0.5)), 500, "still capped, no overflow to Infinity");
  assert.equal(backoffDelay(2, r(0)), 0, "jitter may mean no wait at all");
});

test("isRetryableStatus: time-outs, throttling and server errors, never client errors", () => {
  for (const s of [408, 429, 500, 502, 503, 504]) assert.equal(isRetryableStatus(s), true, `${s} is retryable`);
  for (const s of [200, 400, 401, 403, 404, 422, 501]) assert.equal(isRetryableStatus(s), false, `${s} is not`);
});

test("a 503, a hang and a reset are retried with the scripted waits; the 4th attempt succeeds", async () => {
  const fake = await fakeServer();
  fake.setScript([503, "hang", "reset", "ok"]);
  const { o, sleeps } = options([0.5, 0.25, 0.99], { timeoutMs: 1000 });
  const started = Date.now();
  const r = await postJsonWithRetry(fake.url, { instances: ROWS }, o);
  assert.equal(r.status, 200);
  assert.equal(r.attempts, 4);
  assert.deepEqual(r.body, {
    predictions: [
      { label: "benign", probability: 0.9 },
      { label: "benign", probability: 0.9 },
    ],
  });
  assert.equal(fake.seen.length, 2, "the server read 2 request bodies (503, ok); the other 2 hung or were reset");
  assert.deepEqual(fake.seen[1], { instances: ROWS }, "each attempt sends the same JSON");
  // Waits before retries 0, 1, 2: floor(0.5 × 100), floor(0.25 × 200), floor(0.99 × 400).
  assert.deepEqual(sleeps, [50, 50, 396]);
  assert.ok(Date.now() - started < 8000, "the hang was cut off by the 1 s time-out");
});

test("retries run out: RetriesExhaustedError with the attempt count and the last error", async () => {
  const fake = await fakeServer();
  fake.setScript([503, 500, 503]);
  const { o, sleeps } = options([0.1, 0.1], { retries: 2 });
  await assert.rejects(postJsonWithRetry(fake.url, { instances: ROWS }, o), (err: unknown) => {
    assert.ok(err instanceof RetriesExhaustedError, `expected RetriesExhaustedError, got ${err}`);
    assert.equal(err.attempts, 3, "1 attempt + 2 retries");
    assert.match(err.lastError, /503/);
    return true;
  });
  assert.equal(fake.seen.length, 3);
  assert.deepEqual(sleeps, [10, 20], "no wait after the last attempt");
});

test("a 400 is not retried (RequestRejectedError at once), a 429 is", async () => {
  const fake = await fakeServer();
  fake.setScript([400]);
  const { o, sleeps } = options([]);
  await assert.rejects(postJsonWithRetry(fake.url, { instances: ROWS }, o), (err: unknown) => {
    assert.ok(err instanceof RequestRejectedError, `expected RequestRejectedError, got ${err}`);
    assert.equal(err.status, 400);
    assert.match(err.body, /status 400/);
    return true;
  });
  assert.equal(fake.seen.length, 1, "exactly one request");
  assert.deepEqual(sleeps, []);
  fake.setScript([429, "ok"]);
  const again = options([0.3]);
  const r = await postJsonWithRetry(fake.url, { instances: ROWS }, again.o);
  assert.equal(r.attempts, 2);
  assert.deepEqual(again.sleeps, [30]);
});

test("time-outs bound the wait: a server that never answers costs about (retries + 1) × timeoutMs", async () => {
  const fake = await fakeServer();
  fake.setScript(["hang", "hang"]);
  const { o } = options([0, 0], { retries: 1, timeoutMs: 150 });
  const started = Date.now();
  await assert.rejects(postJsonWithRetry(fake.url, { instances: ROWS }, o), (err: unknown) => {
    assert.ok(err instanceof RetriesExhaustedError, `expected RetriesExhaustedError, got ${err}`);
    assert.match(err.lastError, /time/i);
    return true;
  });
  const ms = Date.now() - started;
  assert.ok(ms >= 250 && ms < 5000, `two 150 ms time-outs should take ~300 ms, took ${ms} ms`);
});

test("predictWithFallback: the model when it answers, the fallback when it stays down, never for a bad request", async () => {
  const fallback = (rows: number[][]) => rows.map(() => ({ label: "refer-to-human", probability: 0 }));
  const fake = await fakeServer();
  fake.setScript([503, "ok"]);
  const up = await predictWithFallback(fake.url, ROWS, { ...options([0.5]).o, fallback });
  assert.equal(up.source, "model");
  assert.equal(up.attempts, 2);
  assert.equal(up.predictions[0].label, "benign");

  fake.setScript([503, 503, 503, 503]);
  const down = await predictWithFallback(fake.url, ROWS, { ...options([0.5, 0.5, 0.5]).o, fallback });
  assert.equal(down.source, "fallback");
  assert.equal(down.attempts, 4);
  assert.deepEqual(down.predictions, fallback(ROWS));
  assert.match(down.error ?? "", /4 attempts/);

  // Nothing listening at all (a port that was just closed): connection refused, retried, then the fallback.
  const gone = await fakeServer();
  const s = servers.pop()!;
  await new Promise((r) => s.close(r));
  const refused = await predictWithFallback(gone.url, ROWS, { ...options([0, 0, 0]).o, fallback });
  assert.equal(refused.source, "fallback");

  fake.setScript([400]);
  await assert.rejects(
    predictWithFallback(fake.url, ROWS, { ...options([]).o, fallback }),
    (err: unknown) => err instanceof RequestRejectedError,
  );
});
