/**
 * What the capstone's reliability scripts share (load.ts, shutdown-under-load.ts, screenshots.ts, with-capstone.ts,
 * bench/capstone-vs-fastapi.ts): the model, trained first when it is missing; the API started as its REAL process
 * (capstone/src/server.ts, the same entry point the image runs) on a free loopback port; and request bodies made of
 * real rows of the dataset, so the load exercises real paths through the trees.
 *
 *   const modelPath = ensureModel();
 *   const api = await startCapstone();                 // { url, port, logFile, stop() }
 *   const bodies = singleRowBodies();                  // 569 JSON bodies, one per row of breast-cancer
 *   await api.stop();
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataset } from "../../src/data/index";
import { freePort, type LocalService, startLocalService } from "../../src/workspace/local-service";
import { findRoot } from "../../src/workspace/paths";

export const root = findRoot();
export const modelPath = join(root, "capstone", "model", "model.json");

/** capstone/model/model.json, trained by `npm run capstone:train` first when it is missing. */
export function ensureModel(): string {
  if (existsSync(modelPath)) return modelPath;
  console.log(`${modelPath} is missing: training it first (npm run capstone:train)`);
  const run = spawnSync("npm", ["run", "--silent", "capstone:train", "--", "--out", modelPath], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0 || !existsSync(modelPath)) throw new Error("npm run capstone:train failed; see its output.");
  return modelPath;
}

export interface RunningServer extends LocalService {
  /** Where the server's stdout and stderr go (its JSON log lines). */
  logFile: string;
  /** The log file's lines so far. */
  logLines(): string[];
}

/** A scratch folder for one run's logs and files, under the system's temp dir (never in the repository). */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/**
 * Starts a server process on a free loopback port with its output in a log FILE, not a pipe: at thousands of requests
 * per second the access log is megabytes, and a pipe read by this process (which also runs the load generator) would
 * take CPU from the measurement and could block the server when it fills. Resolves once `readyPath` answers below 500.
 */
export async function startLogged(options: {
  name: string;
  command: string;
  args: string[];
  readyPath: string;
  logFile: string;
  /** The port the server will listen on (the command or env must tell it); pick one with freePort(). */
  port: number;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const { logFile } = options;
  const logLines = () =>
    existsSync(logFile)
      ? readFileSync(logFile, "utf8")
          .split("\n")
          .filter((l) => l !== "")
      : [];
  try {
    // `exec` replaces the shell, so stop()'s SIGTERM reaches the server itself.
    const service = await startLocalService({
      name: options.name,
      command: "/bin/sh",
      args: ["-c", 'exec "$0" "$@" >>"$SERVER_LOG" 2>&1', options.command, ...options.args],
      readyPath: options.readyPath,
      port: options.port,
      cwd: root,
      env: { ...options.env, SERVER_LOG: logFile },
      timeoutMs: options.timeoutMs ?? 90_000,
    });
    return { ...service, logFile, logLines };
  } catch (err) {
    const tail = logLines().slice(-20).join("\n");
    throw new Error(`${(err as Error).message}\n--- last lines of ${logFile} ---\n${tail}`);
  }
}

/**
 * The capstone API (capstone/src/server.ts under tsx) on a free loopback port, ready (GET /readyz is 200 only once the
 * model is loaded and warmed up). `script` swaps the entry point (the benchmark's empty-handler variant).
 */
export async function startCapstone(
  options: { env?: NodeJS.ProcessEnv; script?: string; name?: string; logFile?: string } = {},
): Promise<RunningServer> {
  ensureModel();
  const script = options.script ?? "capstone/src/server.ts";
  const logFile = options.logFile ?? join(scratchDir("capstone-api"), "server.log");
  const port = await freePort();
  return startLogged({
    name: options.name ?? "capstone API",
    command: process.execPath,
    args: ["--import", "tsx", script],
    readyPath: "/readyz",
    logFile,
    port,
    env: { HOST: "127.0.0.1", PORT: String(port), MODEL_PATH: modelPath, ...options.env },
  });
}

/** The dataset's rows as request instances ({ feature: value }), in the model's feature order. */
export function datasetInstances(): Record<string, number>[] {
  const data = loadDataset("breast-cancer");
  const model = JSON.parse(readFileSync(ensureModel(), "utf8")) as { featureNames: string[] };
  if (model.featureNames.join() !== data.featureNames.join()) {
    throw new Error("the model's features are not the dataset's columns: retrain with npm run capstone:train.");
  }
  return data.X.map((row) => Object.fromEntries(data.featureNames.map((name, j) => [name, row[j]])));
}

/** One body per dataset row: `{"instance": {...}}`. */
export function singleRowBodies(): string[] {
  return datasetInstances().map((instance) => JSON.stringify({ instance }));
}

/** A batch body of `size` rows, taken in order from `start`, wrapping around the dataset. */
export function batchBody(size: number, start = 0): string {
  const all = datasetInstances();
  const instances = Array.from({ length: size }, (_, i) => all[(start + i) % all.length]);
  return JSON.stringify({ instances });
}

/** "load average 1.23 0.98 0.77 (1/5/15 min) on 2 cores": the load when a measurement was taken (shared = noisy). */
export function loadAverage(): string {
  try {
    const [one, five, fifteen] = readFileSync("/proc/loadavg", "utf8").split(" ");
    return `load average ${one} ${five} ${fifteen} (1/5/15 min) on ${availableParallelism()} cores`;
  } catch {
    return "load average unknown";
  }
}
