import { join } from "node:path";
import { workspacePaths } from "./paths";

export interface LabOptions {
  port?: number;
  /** Do not try to open a browser (tests, containers, machines without a display). */
  headless?: boolean;
  /** A fixed token, so a test can log in; by default Jupyter makes a random one and prints it in the URL. */
  token?: string;
}

/**
 * The command line and environment that start JupyterLab for this workspace. The server's root is the workspace,
 * so the file browser shows exercises/ and src/ too, and it opens on notebooks/. Jupyter's config and runtime
 * folders are kept inside the workspace, so the learner's own Jupyter set-up neither changes nor is changed.
 */
export function labCommand(opts: LabOptions = {}) {
  const p = workspacePaths();
  const args = [
    "lab",
    `--ServerApp.root_dir=${p.root}`,
    "--ServerApp.default_url=/lab/tree/notebooks",
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${opts.port ?? 8888}`,
  ];
  if (opts.headless) args.push("--no-browser");
  // Containers and devcontainers often run as root; Jupyter refuses that unless told it is intended.
  if (process.getuid?.() === 0) args.push("--allow-root");
  if (opts.token !== undefined) args.push(`--IdentityProvider.token=${opts.token}`);
  const env = {
    ...process.env,
    JUPYTER_CONFIG_DIR: join(p.root, ".jupyter"),
    JUPYTER_RUNTIME_DIR: join(p.root, ".jupyter", "runtime"),
    JUPYTER_PLATFORM_DIRS: "1",
  };
  return { cmd: join(p.venvBin, "jupyter"), args, env, cwd: p.root };
}
