import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Every `*.test.ts` under the given folders (the library's own unit tests, not the exercise tests). */
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

/**
 * Runs the unit tests with node's test runner, showing its usual report, and counts passes and failures with the
 * grader's reporter on the side.
 */
export function runUnitTests(root: string, files: string[]): Promise<{ passed: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), "unit-"));
  const report = join(dir, "report.jsonl");
  const args = [
    "--import",
    "tsx",
    "--test",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    `--test-reporter=${join(root, "src", "grader", "reporter.mjs")}`,
    `--test-reporter-destination=${report}`,
    ...files,
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      let passed = 0;
      let failed = 0;
      try {
        for (const line of readFileSync(report, "utf8").split("\n").filter(Boolean)) {
          if (JSON.parse(line).passed) passed++;
          else failed++;
        }
      } catch {
        // no report means the runner itself failed; the exit code below says so
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed });
    });
  });
}
