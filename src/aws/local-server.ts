import { join } from "node:path";
import { type LocalService, startLocalService } from "../workspace/local-service";
import { workspacePaths } from "../workspace/paths";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./target";

export interface LocalAws extends LocalService {
  /** Environment variables that point an SDK or the AWS CLI at this server. */
  env: Record<string, string>;
}

/**
 * Starts moto in server mode (pinned in requirements.txt, installed in .venv by `npm run setup`) on a free loopback
 * port. With `setEnv` (the default) it also sets AWS_ENDPOINT_URL and fake credentials in this process, so
 * `awsClientConfig()` and SDK clients created afterwards talk to it.
 */
export async function startLocalAws(options: { port?: number; setEnv?: boolean } = {}): Promise<LocalAws> {
  const { venvBin } = workspacePaths();
  const service = await startLocalService({
    name: "moto (local AWS)",
    command: join(venvBin, "moto_server"),
    args: ["-H", "127.0.0.1", "-p", "{port}"],
    readyPath: "/moto-api/",
    port: options.port,
    env: { MOTO_ALLOW_NONEXISTENT_REGION: "false" },
    missingHint: "Run `npm run setup` to install moto into .venv.",
  });
  const env = {
    AWS_ENDPOINT_URL: service.url,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_REGION: LOCAL_REGION,
  };
  if (options.setEnv !== false) Object.assign(process.env, env, { STUDY_AWS_TARGET: "local" });
  return { ...service, env };
}

/** Forgets everything moto holds (buckets, roles, jobs), so each test starts clean without a restart. */
export async function resetLocalAws(url: string): Promise<void> {
  const response = await fetch(`${url}/moto-api/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`moto reset failed: HTTP ${response.status}`);
}
