// .github/workflows/ml-pipeline.yml is clean under actionlint (the linter GitHub's own docs point to). A host-tool
// test: scripts/actionlint.sh needs Go, so `npm test` leaves it out (see src/grader/test-tiers.ts).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";

const root = findRoot();
const file = join(root, ".github", "workflows", "ml-pipeline.yml");

// Installs actionlint from the Go module proxy on first use (about 20 s), hence the generous time-outs.
test("actionlint finds nothing in ml-pipeline.yml", { timeout: 200_000 }, () => {
  const r = spawnSync("bash", [join(root, "scripts", "actionlint.sh"), file], {
    cwd: root,
    encoding: "utf8",
    timeout: 180_000,
  });
  assert.equal(r.status, 0, `actionlint exit ${r.status}:\n${r.stdout}\n${r.stderr}`);
});
