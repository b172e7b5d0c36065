// `npm start`: prepares the workspace if needed (idempotent), then opens JupyterLab on notebooks/.
// Options: --headless (no browser; implied by CI=true or when Linux has no display), --port N; any other
// argument is passed on to `jupyter lab` (for example --LabApp.expose_app_in_browser=True).
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { labCommand } from "../src/workspace/jupyter";
import { ensureSetup } from "../src/workspace/setup";

// Not strict: options other than --port and --headless belong to `jupyter lab` and are passed on as written.
const { values, tokens } = parseArgs({
  options: { port: { type: "string" }, headless: { type: "boolean" } },
  strict: false,
  allowPositionals: true,
  tokens: true,
});
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
  console.error(`--port needs a port number, got "${values.port}"`);
  process.exit(2);
}
const noDisplay = process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = values.headless === true || !!process.env.CI || noDisplay;
const passThrough = tokens.flatMap((t) => {
  if (t.kind === "positional") return [t.value];
  if (t.kind !== "option" || t.name === "port" || t.name === "headless") return [];
  return t.inlineValue ? [`${t.rawName}=${t.value}`] : [t.rawName];
});

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
