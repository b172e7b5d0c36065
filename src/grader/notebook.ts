// Grading from inside a notebook, so the learner never has to leave Jupyter.
import * as tslab from "tslab";
import { isNotInKernelError } from "../plot/kernel";
import { escapeHtml } from "../workspace/html";
import { findRoot, workspacePaths } from "../workspace/paths";
import { loadManifest, selectExercises } from "./manifest";
import { recordProgress } from "./progress";
import { formatResult } from "./report";
import { runExercise } from "./run-exercise";
import { isNotStarted } from "./todo";

/** Shows HTML in a notebook, or prints the plain text when not running inside a kernel. */
function show(html: string, text: string): void {
  try {
    tslab.display.html(html);
  } catch (e) {
    if (!isNotInKernelError(e)) throw e;
    console.log(text);
  }
}

/**
 * Grades one exercise (your version in exercises/) and shows the verdict with its hints.
 * Usage in a cell: `await grade("linreg-normal-equation")`.
 */
export async function grade(id: string): Promise<string> {
  const root = findRoot();
  const ex = selectExercises(loadManifest(root), id).find((e) => e.id === id);
  if (!ex) throw new Error(`"${id}" names a week; grade one exercise at a time here.`);
  const result = await runExercise(ex, "exercises", root);
  recordProgress(workspacePaths(root).progress, [result]);
  const text = formatResult(result);
  const colour = result.verdict === "solved" ? "#1a7f37" : result.verdict === "not-started" ? "#6e7781" : "#cf222e";
  const hints = ex.hints.map((h) => `<li>${escapeHtml(h)}</li>`).join("");
  show(
    `<div style="border-left:4px solid ${colour};padding:4px 10px">
<pre style="margin:0;white-space:pre-wrap">${escapeHtml(text)}</pre>
<details${result.verdict === "solved" ? "" : " open"}><summary>Hints for ${escapeHtml(ex.id)}</summary><ol>${hints}</ol></details>
</div>`,
    `${text}\nHints:\n${ex.hints.map((h, i) => `  ${i + 1}. ${h}`).join("\n")}`,
  );
  return result.verdict;
}

/**
 * Runs notebook code that needs a solved exercise. While the exercise is still a stub, it prints a friendly
 * pointer instead of a stack trace and returns undefined, so the rest of the notebook still runs.
 */
export function whenSolved<T>(id: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!isNotStarted(e)) throw e;
    const text = `✋ This cell needs exercise "${id}", which is not started yet. Solve it in exercises/ (see the manifest), then run \`await grade("${id}")\` here or \`npm run grade ${id}\` in a terminal, and re-run this cell.`;
    show(
      `<div style="border-left:4px solid #bf8700;padding:4px 10px">${escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>")}</div>`,
      text,
    );
    return undefined;
  }
}
