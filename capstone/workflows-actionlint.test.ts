// The capstone's GitHub Actions workflows pass actionlint (scripts/actionlint.sh, which installs it from the Go module
// proxy on first use). A host-tool test: it needs Go, so `npm test` leaves it out (see src/grader/test-tiers.ts).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { test } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const FILES = [".github/workflows/capstone-ci.yml", ".github/workflows/capstone-release.yml"];

// The first run compiles actionlint with Go (about a minute, once); later runs take a second.
test("both workflows pass actionlint", { timeout: 300_000 }, async () => {
  const { stdout, stderr } = await promisify(execFile)("bash", ["scripts/actionlint.sh", ...FILES], {
    cwd: ROOT,
  }).catch((e: { stdout?: string; stderr?: string; code?: number }) => {
    assert.fail(`actionlint (exit ${e.code}):\n${e.stdout}${e.stderr}`);
  });
  assert.equal(stdout.trim(), "", `actionlint output:\n${stdout}${stderr}`);
});
