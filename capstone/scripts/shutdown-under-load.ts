/**
 * Graceful shutdown under load: the real server process gets SIGTERM in the middle of a steady stream of requests,
 * and no request it ACCEPTED may fail. Run by `npm run capstone:load` after the main load (or alone:
 * `npx tsx capstone/scripts/shutdown-under-load.ts [--seconds 6 --rate 200 --delay-ms 1500]`).
 *
 * The load: open-loop at a fixed rate (request i is sent at i / rate seconds, whether or not earlier ones finished),
 * mostly single rows with a share of 1000-row batches (they take long enough to be in flight when the listener
 * closes), over keep-alive connections, each request with its own x-request-id. Plus three deliberately slow uploads
 * that send half their body just before the listener closes and the rest after it: the hardest case for a drain.
 *
 * What the server must do (capstone/src/shutdown.ts): /readyz turns 503 at once; requests are still served for
 * SHUTDOWN_DELAY_MS; then the listener closes, every request in flight is answered, and the process exits 0.
 *
 * How "accepted" is decided, request by request: the client got an HTTP response, or the server's access log has a
 * line with that request's id. A request is FAILED if it was accepted and the client did not get a 2xx. Requests the
 * server never saw are reported but are not failures: connections refused once the listener closed (a load balancer
 * would have stopped sending them when readiness failed), and connections reset before the app read a byte of them
 * (no log line, no response: connections made just as the listener closed).
 *
 * Exit 1 when any accepted request failed, the exit code is not 0, or readiness did not fail before the listener
 * closed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../../src/workspace/local-service";
import { batchBody, datasetInstances, ensureModel, loadAverage, root, scratchDir } from "./local-capstone";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "6" },
    rate: { type: "string", default: "200" },
    "batch-share": { type: "string", default: "0.01" },
    "delay-ms": { type: "string", default: "1500" },
  },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);
const BATCH_SHARE = Number(values["batch-share"]);
const DELAY_MS = Number(values["delay-ms"]);

interface Outcome {
  id: string;
  kind: "row" | "batch" | "slow";
  start: number;
  end?: number;
  status?: number;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

ensureModel();
const dir = scratchDir("capstone-shutdown");
const logFile = join(dir, "server.log");
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const logFd = openSync(logFile, "a");
const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "capstone/src/server.ts"], {
  cwd: root,
  env: {
    ...process.env,
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "info",
    SHUTDOWN_DELAY_MS: String(DELAY_MS),
    SHUTDOWN_GRACE_MS: "20000",
  },
  stdio: ["ignore", logFd, logFd],
});
closeSync(logFd);
const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
  server.on("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
);
process.on("exit", () => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

const logLines = (): Record<string, unknown>[] =>
  existsSync(logFile)
    ? readFileSync(logFile, "utf8")
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];

// Ready?
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`the server exited early:\n${readFileSync(logFile, "utf8")}`);
  try {
    if ((await fetch(`${base}/readyz`)).status === 200) break;
  } catch {
    // not listening yet
  }
  if (i > 900) throw new Error(`the server was not ready within 90 s:\n${readFileSync(logFile, "utf8")}`);
  await sleep(100);
}

const rows = datasetInstances().map((instance) => JSON.stringify({ instance }));
const batch = batchBody(1000);
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const outcomes: Outcome[] = [];

function send(id: string, kind: Outcome["kind"], body: string): Promise<void> {
  const outcome: Outcome = { id, kind, start: performance.now() };
  outcomes.push(outcome);
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/predict",
        method: "POST",
        agent,
        timeout: 20_000,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-request-id": id,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          outcome.status = res.statusCode;
          outcome.end = performance.now();
          resolve();
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("client time-out")));
    req.on("error", (err: NodeJS.ErrnoException) => {
      outcome.error = err.code ?? err.message;
      outcome.end = performance.now();
      resolve();
    });
    req.end(body);
  });
}

/** A POST /predict whose body arrives in two halves, `gapMs` apart: in flight for at least that long. */
function slowUpload(id: string, gapMs: number): Promise<void> {
  const body = rows[0];
  const half = Math.floor(body.length / 2);
  const outcome: Outcome = { id, kind: "slow", start: performance.now() };
  outcomes.push(outcome);
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    const done = (error?: string) => {
      if (outcome.end !== undefined) return;
      outcome.end = performance.now();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      if (status) outcome.status = Number(status);
      else outcome.error = error ?? "no response";
      resolve();
    };
    socket.on("connect", () => {
      socket.write(
        `POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${id}\r\n\r\n${body.slice(0, half)}`,
      );
      setTimeout(() => socket.write(body.slice(half)), gapMs);
    });
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("close", () => done());
    socket.on("error", (err: NodeJS.ErrnoException) => done(err.code));
  });
}

// Warm-up, not counted: the hot paths get compiled before the measured run.
await Promise.all(Array.from({ length: 200 }, (_, i) => send(`warm-${i}`, "row", rows[i % rows.length])));
outcomes.length = 0;

console.log(
  `shutdown under load: ${base}, ${RATE} req/s for ${SECONDS} s (${(BATCH_SHARE * 100).toFixed(0)}% batches of 1000 ` +
    `rows), SIGTERM at ${(SECONDS / 2).toFixed(1)} s, SHUTDOWN_DELAY_MS ${DELAY_MS}`,
);
console.log(`  ${loadAverage()}`);

const t0 = performance.now();
const pending: Promise<void>[] = [];
const total = Math.round(RATE * SECONDS);
const sigtermAt = (SECONDS / 2) * 1000;
let sigtermSent = Number.NaN;
let readyFailedAt = Number.NaN;
let batchCounter = 0;

// Readiness, polled on fresh connections every 50 ms from SIGTERM on: when did it turn 503?
async function watchReadiness(): Promise<void> {
  while (Number.isNaN(readyFailedAt) && server.exitCode === null) {
    const status = await new Promise<number | null>((resolve) => {
      // agent: false = a fresh connection each time, so the answer reflects the server's state right now.
      const req = request({ host: "127.0.0.1", port, path: "/readyz", agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? null);
      });
      req.on("error", () => resolve(null));
      req.end();
    });
    if (status === null) return; // the listener is gone
    if (status === 503) readyFailedAt = performance.now();
    await sleep(50);
  }
}

const sigterm = (async () => {
  await sleep(sigtermAt);
  sigtermSent = performance.now();
  server.kill("SIGTERM");
  void watchReadiness();
  // Slow uploads that straddle the moment the listener closes (SIGTERM + SHUTDOWN_DELAY_MS).
  await sleep(Math.max(0, DELAY_MS - 300));
  await Promise.all([0, 1, 2].map((i) => slowUpload(`slow-${i}`, 800)));
})();

for (let i = 0; i < total; i++) {
  const due = t0 + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 1) await sleep(wait);
  // Every (1 / BATCH_SHARE)-th request is a batch, spread evenly.
  const isBatch = BATCH_SHARE > 0 && Math.floor((i + 1) * BATCH_SHARE) > Math.floor(i * BATCH_SHARE);
  if (isBatch) batchCounter++;
  pending.push(isBatch ? send(`load-${i}`, "batch", batch) : send(`load-${i}`, "row", rows[i % rows.length]));
}
await Promise.all(pending);
await sigterm;
const exit = await Promise.race([exited, sleep(30_000).then(() => null)]);
agent.destroy();

// ---- classify ------------------------------------------------------------------------------------------------------
const lines = logLines();
const logged = new Map<string, number>();
for (const l of lines) {
  if (l.msg === "request completed" && typeof l.requestId === "string") logged.set(l.requestId, Number(l.statusCode));
}
const drained = lines.find((l) => l.msg === "drained, exiting");

let ok = 0;
const failed: Outcome[] = [];
let refused = 0;
let notSeen = 0;
const notSeenCodes = new Map<string, number>();
for (const o of outcomes) {
  const accepted = o.status !== undefined || logged.has(o.id);
  if (!accepted) {
    if (o.error === "ECONNREFUSED") refused++;
    else {
      notSeen++;
      notSeenCodes.set(o.error ?? "?", (notSeenCodes.get(o.error ?? "?") ?? 0) + 1);
    }
    continue;
  }
  if (o.status !== undefined && o.status >= 200 && o.status < 300) ok++;
  else failed.push(o);
}
const accepted = ok + failed.length;
const afterSigterm = outcomes.filter((o) => o.start >= sigtermSent && o.status !== undefined).length;
const firstRefused = Math.min(...outcomes.filter((o) => o.error === "ECONNREFUSED").map((o) => o.end ?? Infinity));
const closeAt = sigtermSent + DELAY_MS;
const inFlightAtClose = outcomes.filter((o) => o.start < closeAt && (o.end ?? 0) > closeAt && o.status !== undefined);
const slow = outcomes.filter((o) => o.kind === "slow");
const rel = (t: number) => (Number.isFinite(t) ? `${((t - sigtermSent) / 1000).toFixed(3)} s` : "never");

console.log("");
console.log(`  sent ${outcomes.length} requests (${batchCounter} batches of 1000 rows, 3 slow uploads)`);
console.log(
  `  accepted by the server: ${accepted}; answered 2xx: ${ok}; FAILED among accepted: ${failed.length} ` +
    `(${afterSigterm} of the 2xx were sent after SIGTERM)`,
);
console.log(
  `  in flight when the listener closed: ${inFlightAtClose.length} ` +
    `(batches: ${inFlightAtClose.filter((o) => o.kind === "batch").length}, ` +
    `slow uploads: ${inFlightAtClose.filter((o) => o.kind === "slow").length}), all answered: ` +
    `${inFlightAtClose.every((o) => o.status === 200) ? "yes" : "NO"}`,
);
console.log(`  slow uploads across the close: ${slow.map((o) => o.status ?? o.error).join(", ")}`);
console.log(
  `  not accepted (never reached the app): ${refused} connections refused after the listener closed, ` +
    `${notSeen} reset before the app read them` +
    (notSeen > 0 ? ` (${[...notSeenCodes].map(([c, n]) => `${c}: ${n}`).join(", ")})` : ""),
);
console.log(
  `  timeline after SIGTERM: /readyz 503 at ${rel(readyFailedAt)}, first refused connection at ` +
    `${rel(firstRefused)}, process exit at ${exit ? rel(exit.at) : "never (killed)"} ` +
    `with code ${exit?.code ?? "none"}${drained ? `; it logged "drained, exiting" after ${drained.ms} ms` : ""}`,
);

const problems: string[] = [];
if (failed.length > 0) {
  problems.push(
    `${failed.length} accepted requests failed: ` +
      failed
        .slice(0, 5)
        .map((o) => `${o.id} ${o.status ?? o.error}`)
        .join(", "),
  );
}
if (!exit) problems.push("the server did not exit within 30 s of the end of the load");
else if (exit.code !== 0) problems.push(`the server exited with code ${exit.code} (signal ${exit.signal})`);
if (!(readyFailedAt < firstRefused)) problems.push("readiness did not fail before the listener closed");
if (slow.some((o) => o.status !== 200)) problems.push("a slow upload across the close was not answered 200");
if (accepted === 0) problems.push("no request was accepted: the test measured nothing");

if (problems.length > 0) {
  console.log(`shutdown under load: FAILED: ${problems.join("; ")}`);
  console.log(`  server log kept: ${logFile}`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
console.log(`shutdown under load: passed: 0 failed among ${accepted} accepted requests, exit code 0`);
process.exit(0);
