/**
 * The workspace's own MLflow tracking server: `mlflow server` from the pinned .venv, on loopback, with a SQLite
 * backend store (runs, params, metrics, the model registry) and a local artifact store, both in one folder
 * (`.mlflow/` at the workspace root by default, git-ignored; tests pass a temporary folder).
 *
 *   const mlflow = await startMlflowServer();          // ~5-15 s: MLflow imports a lot of Python
 *   console.log(mlflow.url);                           // the UI and the REST API, e.g. http://127.0.0.1:43121
 *   ...
 *   await mlflow.stop();
 *
 * Artifacts go through the server's artifact proxy (`--artifacts-destination`): clients upload and download over
 * HTTP at /api/2.0/mlflow-artifacts/..., never touching the folder themselves, exactly as with a remote server whose
 * artifacts live in S3. Nothing phones home: telemetry is switched off with the variables MLflow documents
 * (MLFLOW_DISABLE_TELEMETRY, DO_NOT_TRACK), and the background job runner (used only by GenAI features) is off,
 * which also halves the start-up time.
 */
import { existsSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type LocalService, startLocalService } from "../workspace/local-service";
import { findRoot, workspacePaths } from "../workspace/paths";

export interface MlflowServerOptions {
  /** Fixed port; default a free one. */
  port?: number;
  /** Folder for mlflow.db and artifacts/. Default: `.mlflow/` in the workspace. */
  dir?: string;
  /** How long to wait for the server to answer /health. Default 120 s: a cold start on a busy laptop is slow. */
  timeoutMs?: number;
}

export interface MlflowServer extends LocalService {
  /** The folder holding the SQLite store and the artifacts. */
  dir: string;
  /** What MLFLOW_TRACKING_URI should be for a Python client talking to this server (same as url). */
  trackingUri: string;
}

/** The variables that stop MLflow from sending anything anywhere, and keep it lean. */
export const MLFLOW_QUIET_ENV: Readonly<Record<string, string>> = {
  MLFLOW_DISABLE_TELEMETRY: "true",
  DO_NOT_TRACK: "true",
  MLFLOW_SERVER_ENABLE_JOB_EXECUTION: "false",
  // Python would otherwise buffer the server's log, and a start-up error would reach us late or never.
  PYTHONUNBUFFERED: "1",
};

/** The default store folder: `.mlflow/` at the workspace root. */
export function defaultMlflowDir(): string {
  return join(findRoot(), ".mlflow");
}

/**
 * The `mlflow` executable of the workspace's .venv. A temporary copy of the workspace (the notebook runner's) has no
 * .venv of its own but links node_modules to the real workspace, so the .venv beside the real node_modules is the
 * second place to look.
 */
export function mlflowExecutable(root: string = findRoot()): string {
  const own = join(workspacePaths(root).venvBin, "mlflow");
  if (existsSync(own)) return own;
  try {
    const realRoot = dirname(realpathSync(join(root, "node_modules")));
    const linked = join(workspacePaths(realRoot).venvBin, "mlflow");
    if (existsSync(linked)) return linked;
  } catch {
    // No node_modules either: report the workspace's own path below.
  }
  return own;
}

/** The `mlflow server` arguments for a store in `dir` ("{port}" is filled in by startLocalService). */
export function mlflowServerArgs(dir: string): string[] {
  return [
    "server",
    "--host",
    "127.0.0.1",
    "--port",
    "{port}",
    "--backend-store-uri",
    `sqlite:///${join(dir, "mlflow.db")}`,
    "--artifacts-destination",
    join(dir, "artifacts"),
    // One worker is plenty for one learner, and starts faster than the default four.
    "--workers",
    "1",
  ];
}

/** Starts MLflow and resolves once its /health answers; rejects with MLflow's own output if it does not. */
export async function startMlflowServer(options: MlflowServerOptions = {}): Promise<MlflowServer> {
  const dir = resolve(options.dir ?? defaultMlflowDir());
  mkdirSync(join(dir, "artifacts"), { recursive: true });
  const timeoutMs = options.timeoutMs ?? 120_000;
  let service: LocalService;
  try {
    service = await startLocalService({
      name: "MLflow",
      command: mlflowExecutable(),
      args: mlflowServerArgs(dir),
      readyPath: "/health",
      port: options.port,
      timeoutMs,
      env: MLFLOW_QUIET_ENV,
      // Its working directory is the store folder, so nothing it writes by default (./mlruns) lands elsewhere.
      cwd: dir,
      missingHint: "Run `npm run setup` to install MLflow (pinned in requirements.txt) into .venv.",
    });
  } catch (err) {
    throw new Error(
      `Could not start the MLflow server (store in ${dir}, waited up to ${Math.round(timeoutMs / 1000)} s). ` +
        `A port already in use, a store written by a newer MLflow, or a missing .venv are the usual causes.\n` +
        (err as Error).message,
    );
  }
  return { ...service, dir, trackingUri: service.url };
}
