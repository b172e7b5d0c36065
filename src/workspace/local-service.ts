import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** A server process the workspace started on loopback (moto, MLflow, the capstone API). */
export interface LocalService {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:43121 (no trailing slash). */
  url: string;
  port: number;
  /** Stops the process and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalServiceOptions {
  /** Shown in messages: "moto (local AWS)", "MLflow". */
  name: string;
  command: string;
  /** Arguments; the string "{port}" is replaced by the chosen port. */
  args: string[];
  /** Path polled until it answers with a status below 500, e.g. "/health". */
  readyPath: string;
  /** Fixed port, or 0 / undefined for a free one. */
  port?: number;
  /** How long to wait for readiness before giving up (default 30 s). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** What to tell the learner when `command` does not exist. */
  missingHint?: string;
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a loopback port can be listened on right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Servers die with the process that started them (a notebook kernel, a test, a script). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGTERM");
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts a server on loopback and resolves once `readyPath` answers. Rejects with a message that says why when the
 * command is missing, the process exits early (with the tail of its stderr), or readiness times out.
 */
export async function startLocalService(options: LocalServiceOptions): Promise<LocalService> {
  const { name, command, readyPath } = options;
  if (command.includes("/") && !existsSync(command)) {
    throw new Error(`${name}: ${command} does not exist. ${options.missingHint ?? ""}`.trim());
  }
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = options.args.map((a) => a.replaceAll("{port}", String(port)));
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  installExitHook();
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      running.delete(child);
      resolve();
    });
    child.on("error", (error) => {
      exited = `could not start: ${error.message}`;
      running.delete(child);
      resolve();
    });
  });

  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const killTimer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exitedPromise;
    clearTimeout(killTimer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (exited) {
      const hint = exited.startsWith("could not start") ? ` ${options.missingHint ?? ""}` : "";
      throw new Error(`${name} ${exited} before it was ready on ${url}.${hint}\n${output.trim()}`.trim());
    }
    try {
      const response = await fetch(url + readyPath, { signal: AbortSignal.timeout(1000) });
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${name} did not answer on ${url}${readyPath} within ${options.timeoutMs ?? 30_000} ms.\n${output.trim()}`,
      );
    }
    await delay(150);
  }
  child.stdout?.resume();
  child.stderr?.resume();
  return { name, url, port, stop };
}
