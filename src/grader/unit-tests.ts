import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The part of vitest's JSON report (its `json` reporter, Jest's format) that the counts come from. */
interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: unknown[] }[];
}

/** Passes and failures from vitest's JSON report; a test file that failed to load counts as one failure. */
export function countReport(report: JsonReport): { passed: number; failed: number } {
  const unloaded = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  // Skipped tests count as passed, as they did under node:test (a test skips only where its subject is absent).
  return {
    passed: report.numPassedTests + report.numPendingTests + report.numTodoTests,
    failed: report.numFailedTests + unloaded,
  };
}

/**
 * Runs the library's own tests (vitest projects `unit` and `integration` from vitest.config.ts; the exercise tests
 * are graded separately) with vitest's usual report on the terminal, and counts passes and failures from its JSON
 * reporter on the side.
 */
export function runUnitTests(
  root: string,
  projects = ["unit", "integration"],
): Promise<{ passed: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), "unit-"));
  const report = join(dir, "report.json");
  const args = [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    join(root, "vitest.config.ts"),
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      let counts = { passed: 0, failed: 0 };
      try {
        counts = countReport(JSON.parse(readFileSync(report, "utf8")) as JsonReport);
      } catch {
        // no report means the runner itself failed; the exit code below says so
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      resolve(counts);
    });
  });
}
