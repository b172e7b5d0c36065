import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";

/** Every `*.test.ts` under the given folders (the library's own tests, not the exercise tests). */
export function findUnitTests(root: string, folders = ["src", "scripts", "capstone"]): string[] {
  return folders
    .filter((f) => existsSync(join(root, f)))
    .flatMap((f) =>
      readdirSync(join(root, f), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && d.name.endsWith(".test.ts") && !d.parentPath.includes("node_modules"))
        .map((d) => join(d.parentPath, d.name))
        .sort(),
    );
}

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
 * Runs the given test files with vitest (each under its project in vitest.config.ts: unit, integration or
 * host-tools), showing vitest's usual report, and counts passes and failures from its JSON reporter on the side.
 * Paths may be relative to the root; they are passed as absolute paths, which vitest matches exactly.
 */
export function runUnitTests(root: string, files: string[]): Promise<{ passed: number; failed: number }> {
  if (files.length === 0) return Promise.resolve({ passed: 0, failed: 0 });
  const dir = mkdtempSync(join(tmpdir(), "unit-"));
  const report = join(dir, "report.json");
  const args = [
    join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--config",
    join(root, "vitest.config.ts"),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...files.map((f) => (isAbsolute(f) ? f : join(root, f))),
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
