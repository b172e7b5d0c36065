import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Exercise } from "./manifest";

/** Which folder's code the test file exercises. */
export type Target = "exercises" | "solutions";

export type Verdict = "solved" | "failed" | "timeout" | "crashed" | "not-started" | "partial";

export interface TestLine {
  name: string;
  nesting: number;
  passed: boolean;
  notStarted?: boolean;
  error?: string;
}

export interface ExerciseResult {
  exercise: Exercise;
  target: Target;
  verdict: Verdict;
  tests: TestLine[];
  /** What went wrong, ready to print: failing tests with their messages, a time-out, or a crash's stderr. */
  message?: string;
  ms: number;
}

const MAX_STDERR = 4000;

/** Turns the reporter's lines and the process outcome into one verdict. */
export function judge(tests: TestLine[], exitCode: number | null, timedOut: boolean): Verdict {
  if (timedOut) return "timeout";
  const failed = tests.filter((t) => !t.passed);
  const passed = tests.length - failed.length;
  if (tests.length === 0) return "crashed";
  if (failed.some((t) => !t.notStarted)) return "failed";
  if (failed.length > 0) return passed > 0 ? "partial" : "not-started";
  return exitCode === 0 ? "solved" : "crashed";
}

function explain(verdict: Verdict, tests: TestLine[], stderr: string, ex: Exercise): string | undefined {
  const hint = `Stuck? \`npm run hint ${ex.id}\``;
  switch (verdict) {
    case "solved":
    case "not-started":
      return undefined;
    case "timeout":
      return `did not finish within ${ex.timeoutMs / 1000} s: look for a loop that never ends (a learning rate that diverges, a missing i++). ${hint}`;
    case "crashed":
      return `the test file did not run to the end:\n${stderr.trim().slice(-MAX_STDERR) || "(no output)"}\n${hint}`;
    default: {
      const lines = tests
        .filter((t) => !t.passed && (verdict === "failed" ? !t.notStarted : true))
        .map((t) => `  ✗ ${t.name}\n${indent(t.error ?? "", 6)}`);
      return `${lines.join("\n")}\n${hint}`;
    }
  }
}

/** The verdict and its explanation, from the tests' lines and how the test process ended. */
export function exerciseResult(
  ex: Exercise,
  target: Target,
  tests: TestLine[],
  exitCode: number | null,
  timedOut: boolean,
  stderr: string,
  started: number,
): ExerciseResult {
  const verdict = judge(tests, exitCode, timedOut);
  return {
    exercise: ex,
    target,
    verdict,
    tests,
    message: explain(verdict, tests, stderr, ex),
    ms: Math.round(performance.now() - started),
  };
}

/** A line cut short by a kill is dropped rather than allowed to crash the grader. */
function parseLine(line: string): TestLine[] {
  try {
    return [JSON.parse(line) as TestLine];
  } catch {
    return [];
  }
}

function indent(text: string, n: number): string {
  const pad = " ".repeat(n);
  return text
    .trim()
    .split("\n")
    .slice(0, 25)
    .map((l) => pad + l)
    .join("\n");
}

/** Test processes still running, each in its own process group; killed when the grader exits. */
export const liveGroups = new Set<ChildProcess>();

/** SIGKILL to the child's whole process group; it may already be gone. */
export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

process.on("exit", () => {
  for (const child of liveGroups) killGroup(child);
});

/**
 * For command-line entry points only (never the notebook kernel, where SIGINT means "interrupt the cell"): Ctrl-C
 * kills the running test processes, which live in their own process groups and would not receive it.
 */
export function killTestsOnInterrupt(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const child of liveGroups) killGroup(child);
      process.exit(130);
    });
  }
}

/** The environment of a grading process: which folder to prove, and none of an enclosing vitest run's markers. */
export function gradeEnv(root: string, target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GRADE_TARGET: target,
    GRADE_ROOT: root,
    ...extra,
    NODE_OPTIONS: "",
    // A vitest run started from inside a vitest run (the grader's own tests) must not look like one of its workers.
    VITEST: undefined,
    VITEST_POOL_ID: undefined,
    VITEST_WORKER_ID: undefined,
    TEST: undefined,
    NODE_ENV: undefined,
  };
}

/**
 * Grades one exercise in its own Node process (vitest's CLI, with the workspace's vitest.config.ts), so a learner's
 * infinite loop is killed at the exercise's time-out and never stalls the rest of the run. For `solutions`, the
 * config's solutions alias swaps the stub for its solution. The grader's vitest reporter writes one JSON line per test
 * to a temporary file, away from whatever the code prints.
 */
export function runExercise(ex: Exercise, target: Target, root: string): Promise<ExerciseResult> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "grade-"));
  const report = join(dir, "report.jsonl");
  const args = [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    join(root, "vitest.config.ts"),
    "--project",
    "exercises",
    "--reporter",
    join(root, "src", "grader", "vitest-reporter.ts"),
    // One file, one worker: the parallelism is the grader's (several exercise processes), not vitest's.
    "--maxWorkers=1",
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    // The exercises project includes just this file (which may live outside the workspace, like the grader's own
    // test fixtures), so no other file can match by name.
    env: gradeEnv(root, target, { GRADE_REPORT: report, GRADE_TEST_FILE: ex.test }),
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group, so a time-out also kills what the test started (a moto or MLflow server) and vitest's
    // worker process.
    detached: true,
  });
  liveGroups.add(child);
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-MAX_STDERR * 2);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, ex.timeoutMs);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      liveGroups.delete(child);
      if (timedOut) killGroup(child);
      const tests: TestLine[] = existsSync(report)
        ? readFileSync(report, "utf8").split("\n").filter(Boolean).flatMap(parseLine)
        : [];
      rmSync(dir, { recursive: true, force: true });
      resolve(exerciseResult(ex, target, tests, code, timedOut, stderr, started));
    });
  });
}

/** Grades many exercises, a few at a time; results (and onResult calls) keep manifest order. */
export async function runExercises(
  list: Exercise[],
  target: Target,
  root: string,
  onResult?: (r: ExerciseResult) => void,
  parallel = Math.max(1, Math.min(4, availableParallelism())),
): Promise<ExerciseResult[]> {
  const results: ExerciseResult[] = new Array(list.length);
  let next = 0;
  let reported = 0;
  async function worker() {
    while (next < list.length) {
      const i = next++;
      results[i] = await runExercise(list[i], target, root);
      for (; reported < list.length && results[reported]; reported++) onResult?.(results[reported]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, list.length) }, worker));
  return results;
}
