/**
 * Runs one command against a live capstone API: trains the model if it is missing, starts the real server process
 * on a free loopback port, runs the command with every "{url}" in its arguments replaced by the server's base URL,
 * stops the server, and exits with the command's exit code. fuzz.sh uses it to point schemathesis at the API.
 *
 *   npx tsx capstone/scripts/with-capstone.ts -- curl -s {url}/readyz
 *   npx tsx capstone/scripts/with-capstone.ts --cwd /tmp/x -- .venv/bin/schemathesis run {url}/openapi.json
 *
 * The server's log goes to a file; its path is printed, and its error lines are counted at the end (a 5xx that the
 * command did not notice still shows up there as a "request failed" error line).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { startCapstone } from "./local-capstone";

const { values, positionals } = parseArgs({
  options: { cwd: { type: "string" } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error("usage: tsx capstone/scripts/with-capstone.ts [--cwd DIR] -- <command> [args with {url}]");
  process.exit(2);
}

const api = await startCapstone({ env: { LOG_LEVEL: "info" } });
console.log(`[with-capstone] API ready at ${api.url} (log: ${api.logFile})`);
const [command, ...args] = positionals.map((a) => a.replaceAll("{url}", api.url));
const code = await new Promise<number>((resolve) => {
  const child = spawn(command, args, { stdio: "inherit", cwd: values.cwd });
  child.on("error", (err) => {
    console.error(`[with-capstone] could not run ${command}: ${err.message}`);
    resolve(127);
  });
  child.on("exit", (c, signal) => resolve(c ?? (signal ? 128 : 1)));
});
await api.stop();

// Server-side evidence: pino's level "error" and "fatal" lines (a bug answered with 500 logs one "request failed").
const lines = api.logLines();
const errors = lines.filter((l) => /"level":"(error|fatal)"/.test(l));
const requests = lines.filter((l) => l.includes('"msg":"request completed"')).length;
console.log(`[with-capstone] server answered ${requests} requests; ${errors.length} error/fatal log lines`);
for (const line of errors.slice(0, 5)) console.log(`  ${line.slice(0, 400)}`);
if (errors.length === 0 && code === 0) rmSync(dirname(api.logFile), { recursive: true, force: true });
else console.log(`[with-capstone] server log kept: ${api.logFile}`);
process.exit(code !== 0 ? code : errors.length > 0 ? 1 : 0);
