// `npm start`: prepares the workspace if needed (idempotent), then opens JupyterLab on notebooks/.
// Options: --headless (no browser; implied by CI=true or when Linux has no display), --port N; any other
// argument is passed on to `jupyter lab` (for example --LabApp.expose_app_in_browser=True).
import { spawn } from "node:child_process";
import { labCommand } from "../src/workspace/jupyter";
import { ensureSetup } from "../src/workspace/setup";

const argv = process.argv.slice(2);
const portArg = argv.indexOf("--port");
const port = portArg >= 0 ? Number(argv[portArg + 1]) : undefined;
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port needs a port number, got "${argv[portArg + 1]}"`);
  process.exit(2);
}
const noDisplay = process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = argv.includes("--headless") || !!process.env.CI || noDisplay;
const passThrough = argv.filter((a, i) => a !== "--headless" && a !== "--port" && argv[i - 1] !== "--port");

try {
  const done = ensureSetup();
  console.log(done.length ? `Set-up: ${done.join("; ")}.` : "Set-up already complete.");
} catch (e) {
  console.error(`Set-up failed: ${(e as Error).message}\nRun \`npm run doctor\` to see which prerequisite is missing.`);
  process.exit(1);
}

const lab = labCommand({ port, headless });
console.log(`Starting JupyterLab${headless ? " (headless: open the URL below in your browser)" : ""} ...`);
const child = spawn(lab.cmd, [...lab.args, ...passThrough], { cwd: lab.cwd, env: lab.env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
