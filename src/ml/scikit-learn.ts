// Runs a short Python script with the workspace's .venv (which has scikit-learn) and returns what it prints as
// JSON. The notebooks use it to draw a trusted reference (scikit-learn's gradient boosting, its MLP) before the
// learner builds the same model in TypeScript. Input goes in as JSON on stdin; the script prints one JSON value.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { findRoot, workspacePaths } from "../workspace/paths";

/** The .venv's Python when it exists (`npm run setup` builds it), else python3 from PATH. */
export function referencePython(): string {
  const venv = join(workspacePaths(findRoot()).venvBin, "python");
  return existsSync(venv) ? venv : "python3";
}

/** Runs `script` with `input` as JSON on stdin and parses its stdout; a failure throws with the script's stderr. */
export function runPythonJson<T>(script: string, input: unknown, timeoutMs = 120_000): T {
  const r = spawnSync(referencePython(), ["-c", script], {
    input: JSON.stringify(input),
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`could not run Python (${r.error.message}); run \`npm run setup\` to build .venv`);
  if (r.status !== 0) throw new Error(`the Python reference failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as T;
}
