// The real process (capstone/src/server.ts), spawned: SIGTERM drains (readiness fails first, the listener closes,
// the request in flight still gets its answer, exit 0), the grace period is enforced, and a bad configuration stops
// the start with one line per bad variable. These tests spawn the process themselves (not startLocalService) because
// they need its exit code, its logs and the signal timing.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { connect, type Socket } from "node:net";
import { afterAll, describe, test } from "vitest";
import { freePort } from "../../src/workspace/local-service";
import { findRoot } from "../../src/workspace/paths";
import { datasetInstance, fixtureModelPath } from "./testing";

const root = findRoot();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

interface Server {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ["--import", "tsx", "capstone/src/server.ts"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (c) => {
    output += c;
  });
  child.stderr?.on("data", (c) => {
    output += c;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const port = Number(env.PORT ?? 0);
  return { child, url: `http://127.0.0.1:${port}`, port, output: () => output, exited };
}

async function waitReady(server: Server, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited early:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

/** Starts a POST /predict whose body is only half sent: the request is in flight until finish() sends the rest. */
function slowRequest(port: number): { finish: () => void; response: Promise<string>; socket: Socket } {
  const body = JSON.stringify({ instance: datasetInstance(0) });
  const half = Math.floor(body.length / 2);
  const socket = connect(port, "127.0.0.1");
  socket.write(
    `POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: slow-1\r\n\r\n${body.slice(0, half)}`,
  );
  let text = "";
  socket.on("data", (c) => {
    text += c;
  });
  const response = new Promise<string>((resolve) => {
    socket.on("close", () => resolve(text));
    socket.on("error", () => resolve(text));
  });
  return { finish: () => socket.write(body.slice(half)), response, socket };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parsed JSON log lines (lines that are not JSON, like Node's warnings, are skipped). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("the server process", () => {
  test("SIGTERM: /readyz fails first, the listener closes, the request in flight is answered, exit 0", async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), MODEL_PATH: fixtureModelPath(), SHUTDOWN_DELAY_MS: "500" });
    await waitReady(server);
    const slow = slowRequest(port);
    await sleep(150); // the server has the headers and half the body: the request is in flight

    server.child.kill("SIGTERM");
    await sleep(100);
    const draining = await fetch(`${server.url}/readyz`);
    assert.equal(draining.status, 503, "readiness fails as soon as SIGTERM arrives");
    assert.equal(((await draining.json()) as { error: { code: string } }).error.code, "SHUTTING_DOWN");
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, "liveness stays up while draining");

    await sleep(700); // past SHUTDOWN_DELAY_MS: the listener is closed now
    await assert.rejects(fetch(`${server.url}/healthz`), "new connections are refused once the listener is closed");
    assert.equal(server.child.exitCode, null, "the process waits for the request in flight");

    slow.finish();
    const raw = await slow.response;
    assert.match(raw, /^HTTP\/1.1 200 OK/, `the request in flight is answered: ${raw}`);
    assert.match(raw, /connection: close/i);
    assert.match(raw, /"modelVersion":"test-1"/);

    const { code } = await server.exited;
    assert.equal(code, 0, server.output());
    const msgs = logLines(server.output()).map((l) => `${l.msg}${l.requestId ? ` ${l.requestId}` : ""}`);
    const order = ["shutting down: readiness off", "request completed slow-1", "drained, exiting"].map((m) =>
      msgs.indexOf(m),
    );
    assert.ok(
      order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1])),
      `log order: ${msgs.join(" | ")}`,
    );
  });

  test("SHUTDOWN_GRACE_MS: a request that never finishes does not hold the process: exit 1, logged", async () => {
    const port = await freePort();
    const server = start({ PORT: String(port), MODEL_PATH: fixtureModelPath(), SHUTDOWN_GRACE_MS: "400" });
    await waitReady(server);
    const slow = slowRequest(port);
    await sleep(150);
    const t0 = Date.now();
    server.child.kill("SIGTERM");
    const { code } = await server.exited;
    const took = Date.now() - t0;
    slow.socket.destroy();
    assert.equal(code, 1);
    assert.ok(took >= 350 && took < 5000, `exited after ${took} ms, expected about 400`);
    assert.match(server.output(), /shutdown grace period over: exiting with requests still in flight/);
  });

  test("a bad configuration: exit 1 and one line per bad variable, before anything starts", async () => {
    const server = start({ PORT: "eighty", MAX_BATCH: "0", LOG_LEVEL: "loud", BODY_LIMIT_BYTES: "12.5" });
    const { code } = await server.exited;
    assert.equal(code, 1);
    const out = server.output();
    assert.match(out, /capstone-api: invalid configuration:/);
    assert.match(out, /- PORT="eighty" is invalid: expected TCP port to listen on, an integer from 1 to 65535\./);
    assert.match(out, /- MAX_BATCH="0" is invalid: expected most instances one request may carry/);
    assert.match(
      out,
      /- LOG_LEVEL="loud" is invalid: expected one of fatal, error, warn, info, debug, trace, silent\./,
    );
    assert.match(out, /- BODY_LIMIT_BYTES="12.5" is invalid/);
    assert.equal(out.match(/ is invalid: /g)?.length, 4, out);
  });
});
