/**
 * Which MLflow to talk to, in the order a learner expects: MLFLOW_TRACKING_URI if set (a team server, CI's),
 * else the local server `npm run mlflow` keeps on port 5000 if it is up (so runs show in the UI you have open),
 * else a fresh local server on a free port over the same `.mlflow/` store, stopped when you are done.
 */
import { MlflowClient } from "./mlflow-client";
import { type MlflowServer, startMlflowServer } from "./mlflow-server";

/** The port `npm run mlflow` uses by default: MLflow's own default. */
export const DEFAULT_MLFLOW_PORT = 5000;

export interface MlflowConnection {
  client: MlflowClient;
  /** The UI's address. */
  url: string;
  /** Set when this connection started the server (stop it with close()). */
  server?: MlflowServer;
  /** Stops the server if this connection started it. */
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

export async function connectMlflow(options: { trackingUri?: string; dir?: string } = {}): Promise<MlflowConnection> {
  const uri = options.trackingUri ?? process.env.MLFLOW_TRACKING_URI;
  if (uri) {
    const url = uri.replace(/\/+$/, "");
    return { client: new MlflowClient(url), url, close: async () => undefined };
  }
  const local = `http://127.0.0.1:${DEFAULT_MLFLOW_PORT}`;
  if (!options.dir && (await answers(local))) {
    return { client: new MlflowClient(local), url: local, close: async () => undefined };
  }
  const server = await startMlflowServer({ dir: options.dir });
  return { client: new MlflowClient(server.url), url: server.url, server, close: () => server.stop() };
}
