// `npm run devcontainer:check`: reads .devcontainer.json with the reference implementation (@devcontainers/cli) and
// checks it provides what the course needs. `--docker-path /bin/true` stops the CLI from asking a Docker engine for
// an existing container: only the configuration is being checked, and CI has no engine.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { findRoot } from "../src/workspace/paths";

const REQUIRED_FEATURES = [
  "ghcr.io/devcontainers/features/python",
  "ghcr.io/devcontainers/features/docker-in-docker",
  "ghcr.io/devcontainers/features/kubectl-helm-minikube",
  "ghcr.io/devcontainers/features/aws-cli",
];

const root = findRoot();
const r = spawnSync(
  join(root, "node_modules", ".bin", "devcontainer"),
  ["read-configuration", "--workspace-folder", root, "--docker-path", "/bin/true"],
  { encoding: "utf8" },
);
if (r.status !== 0) {
  console.error(`devcontainer read-configuration failed:\n${r.stderr}`);
  process.exit(1);
}
const config = JSON.parse(r.stdout).configuration as {
  image?: string;
  features?: Record<string, unknown>;
  postCreateCommand?: string;
  customizations?: { vscode?: { extensions?: string[] } };
};
const problems: string[] = [];
if (!/node:.*20|node-20|:1-20-/.test(config.image ?? "")) problems.push(`image is not Node 20: ${config.image}`);
const features = Object.keys(config.features ?? {});
for (const f of REQUIRED_FEATURES) {
  if (!features.some((k) => k.startsWith(`${f}:`))) problems.push(`missing feature ${f}`);
}
if (!/npm install/.test(config.postCreateCommand ?? "") || !/npm run setup/.test(config.postCreateCommand ?? "")) {
  problems.push("postCreateCommand must run npm install and npm run setup");
}
// The test explorer: it reads vitest.config.ts, so a verdict there is the verdict of `npm run grade <id>`.
if (!config.customizations?.vscode?.extensions?.includes("vitest.explorer")) {
  problems.push("the vitest.explorer extension is not recommended (customizations.vscode.extensions)");
}
for (const p of problems) console.error(`✗ ${p}`);
console.log(
  problems.length ? "devcontainer: problems found" : `devcontainer: ok (${config.image}; ${features.length} features)`,
);
process.exitCode = problems.length ? 1 : 0;
