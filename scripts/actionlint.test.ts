// Every GitHub Actions workflow in the repository passes actionlint, the real linter (scripts/actionlint-native.sh builds it
// once from the Go module proxy into .tools/). It needs Go, which a learner may not have, so `npm test` leaves this
// file out and names it; CI runs it with `npm run test:host-tools` (src/grader/test-tiers.ts).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();

// The first run compiles actionlint (about a minute, once); later runs take a second.
test("actionlint finds nothing in any workflow under .github/workflows", { timeout: 300_000 }, () => {
  const r = spawnSync("bash", [join(root, "scripts", "actionlint-native.sh")], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, `actionlint exit ${r.status}:\n${r.stdout}\n${r.stderr}`);
  assert.equal(r.stdout.trim(), "", `actionlint output:\n${r.stdout}`);
});
