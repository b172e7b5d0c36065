import { spawn } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { temporaryWorkspace } from "./copy";
import { countedSections, plotsPerSection, type SectionPlots, showFirst } from "./notebook-sections";
import { findRoot, KERNEL_NAME, PYTHON_KERNEL_NAME, workspacePaths } from "./paths";
import { ensureSetup } from "./setup";

export const MAX_NOTEBOOK_BYTES = 1024 * 1024;

export interface NotebookRun {
  notebook: string;
  ok: boolean;
  cells: number;
  /** Whether any code cell imports from ./exercises/. */
  usesExercises: boolean;
  pointers: number;
  plots: number;
  /** Plots per level-2 section, counted from the executed notebook's outputs. */
  sections?: SectionPlots[];
  error: string | null;
  seconds: number;
}

/** notebooks/*.ipynb, relative to the workspace root, in week order. */
export function listNotebooks(root: string): string[] {
  return readdirSync(join(root, "notebooks"))
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join("notebooks", f));
}

/** Static checks every committed notebook must pass: size, kernel, the set-up cell first, and no stale outputs. */
export function notebookProblems(root: string, rel: string): string[] {
  const file = join(root, rel);
  const problems: string[] = [];
  if (statSync(file).size > MAX_NOTEBOOK_BYTES) problems.push(`${rel} is over 1 MB`);
  const nb = JSON.parse(readFileSync(file, "utf8"));
  // The Python companion notebooks (*-python-companion.ipynb) run on the "Python (study)" kernel; all others on tslab.
  const kernel = rel.endsWith("-python-companion.ipynb") ? PYTHON_KERNEL_NAME : KERNEL_NAME;
  if (nb.metadata?.kernelspec?.name !== kernel) problems.push(`${rel} does not use the "${kernel}" kernel`);
  const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === "code");
  const first = code[0] ? [].concat(code[0].source).join("") : "";
  const setupCall = kernel === KERNEL_NAME ? "checkSetup(" : "check_setup(";
  if (!first.includes(setupCall)) problems.push(`${rel}: the first code cell must call ${setupCall})`);
  const withOutputs = code.filter((c: { outputs?: unknown[] }) => c.outputs && c.outputs.length > 0).length;
  if (withOutputs) problems.push(`${rel}: ${withOutputs} code cells keep outputs; commit notebooks cleared`);
  return problems;
}

/**
 * Runs notebooks headless in a temporary copy of the workspace, either with the solutions laid over the stubs
 * ("solutions" pass) or with the stubs untouched ("stubs" pass). Results stream back one notebook at a time.
 */
export async function runNotebooks(
  root: string,
  pass: "solutions" | "stubs",
  notebooks: string[],
  onResult: (r: NotebookRun) => void,
): Promise<NotebookRun[]> {
  const dir = temporaryWorkspace(root, { withSolutions: pass === "solutions" });
  const python = join(workspacePaths(root).venvBin, "python");
  const child = spawn(python, [join(root, "scripts", "run_notebooks.py"), dir, ...notebooks], {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const results: NotebookRun[] = [];
  let buffer = "";
  child.stdout.on("data", (d: Buffer) => {
    buffer += d.toString();
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith("{")) {
        const r = JSON.parse(line) as NotebookRun;
        try {
          r.sections = plotsPerSection(JSON.parse(readFileSync(join(dir, r.notebook), "utf8")));
        } catch {
          r.sections = undefined; // the runner stopped before writing the executed copy
        }
        results.push(r);
        onResult(r);
      }
      nl = buffer.indexOf("\n");
    }
  });
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0 && results.length < notebooks.length) {
    throw new Error(`the notebook runner stopped early (exit ${code}); see the messages above`);
  }
  return results;
}

/** What a pass demands beyond "no cell errored": solved exercises never point, stubs always do. */
export function passProblems(pass: "solutions" | "stubs", r: NotebookRun): string[] {
  const problems: string[] = [];
  if (!r.ok) problems.push(`${r.notebook} (${pass} pass): ${r.error}`);
  if (pass === "solutions" && r.pointers > 0) {
    problems.push(`${r.notebook} (solutions pass): ${r.pointers} cells still say an exercise is not started`);
  }
  if (pass === "stubs" && r.usesExercises && r.pointers === 0) {
    problems.push(`${r.notebook} (stubs pass): uses exercises, yet no cell pointed at an unsolved one (whenSolved?)`);
  }
  return problems;
}

/** Both passes (or one, with `--pass`), printing a line per notebook; returns every problem found. */
export async function checkNotebooks(args: string[]): Promise<string[]> {
  const root = findRoot();
  ensureSetup(() => {});
  const passArg = args.indexOf("--pass");
  const passes = passArg >= 0 ? [args[passArg + 1] as "solutions" | "stubs"] : (["solutions", "stubs"] as const);
  const filter = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--pass");
  const notebooks = listNotebooks(root).filter((n) => !filter || n.includes(filter));
  if (notebooks.length === 0) return [`no notebook matches "${filter}"`];
  const problems = notebooks.flatMap((n) => notebookProblems(root, n));
  // The two passes run side by side, each in its own temporary workspace and runner process: a notebook run is
  // mostly one busy kernel, so on a machine with two or more cores this halves the wall time.
  const runs = new Map<string, NotebookRun>();
  await Promise.all(
    passes.map((pass) =>
      runNotebooks(root, pass, notebooks, (r: NotebookRun) => {
        const own = passProblems(pass, r);
        problems.push(...own);
        runs.set(`${pass}:${r.notebook}`, r);
        console.log(
          `${own.length ? "✗" : "✓"} [${pass}] ${r.notebook}: ${r.cells} cells in ${r.seconds}s, ${r.plots} plots, ${r.pointers} unsolved-exercise pointers`,
        );
      }),
    ),
  );
  for (const notebook of notebooks)
    problems.push(...sectionReport(notebook, runs.get(`solutions:${notebook}`), runs.get(`stubs:${notebook}`)));
  return problems;
}

/**
 * Prints a notebook's `sections with plots` line and returns its problems: each counted section (SHOW_FIRST_SECTIONS)
 * that draws a plot in the solutions pass should also draw one in the stubs pass, and 80% of them must.
 */
function sectionReport(notebook: string, solutions?: NotebookRun, stubs?: NotebookRun): string[] {
  const only = solutions ?? stubs;
  const counted = only?.sections && countedSections(notebook, only.sections);
  if (!only || !counted) return [];
  if (!solutions?.sections || !stubs?.sections) {
    const pass = solutions ? "solutions" : "stubs";
    const withPlots = counted.filter((s) => s.plots > 0).length;
    console.log(
      `${notebook}: sections with plots: ${pass} ${withPlots} of ${counted.length} (run both passes to compare)`,
    );
    return [];
  }
  const shown = showFirst(notebook, solutions.sections, stubs.sections);
  console.log(`${notebook}: sections with plots: solutions ${shown.solutions}, stubs ${shown.stubs}`);
  if (shown.missing.length) console.log(`  no plot before the exercises are solved in: ${shown.missing.join("; ")}`);
  const problems: string[] = [];
  if (shown.unknown.length) {
    problems.push(`${notebook}: SHOW_FIRST_SECTIONS lists no such section: ${shown.unknown.join("; ")}`);
  }
  if (!shown.ok && shown.missing.length) {
    problems.push(
      `${notebook} (stubs pass): ${shown.stubs} of ${shown.solutions} sections with plots show one before the exercises are solved (bar: 80%); none in: ${shown.missing.join("; ")}`,
    );
  }
  return problems;
}
