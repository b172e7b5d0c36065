// Starts the tslab kernel at the workspace root, whatever folder Jupyter launched it from.
// tslab uses its working directory as TypeScript's rootDir, so a notebook in notebooks/ can only import
// ./src/... and ./exercises/... when the kernel runs at the root. Jupyter starts a kernel in the notebook's folder,
// so the root is found by walking up from there (this also serves temporary copies of the workspace, such as the
// notebook runner's); the launcher's own workspace is the fallback. Usage: kernel-launcher.cjs {connection_file}
const fs = require("node:fs");
const path = require("node:path");

const PACKAGE_NAME = "ml-engineer-study";

function workspaceAbove(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(d, "package.json"), "utf8")).name === PACKAGE_NAME) return d;
    } catch {
      // no package.json here, or not ours: keep walking up
    }
    if (path.dirname(d) === d) return undefined;
  }
}

const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error("usage: kernel-launcher.cjs <connection_file>");
  process.exit(2);
}
const root = workspaceAbove(process.cwd()) ?? path.resolve(__dirname, "..");
const configPath = path.resolve(connectionFile);
process.chdir(root);
process.argv = [process.argv[0], "tslab", "kernel", "--config-path", configPath];
require(path.join(root, "node_modules", "tslab", "dist", "main.js")).main();
