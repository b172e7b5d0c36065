// The résumé bullet in capstone/README.md is the template that `npm run capstone:report` fills: they must not drift.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../../src/workspace/paths";
import { fillResume, NOT_MEASURED, RESUME_TEMPLATE, WHAT, wrapped } from "./resume-template";

test("capstone/README.md shows the report's template, word for word, under its Resume heading", () => {
  const readme = readFileSync(join(findRoot(), "capstone", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Resume bullet"), readme.indexOf("## Screenshots"));
  assert.ok(section.includes(wrapped(RESUME_TEMPLATE)), "the README's bullet differs from resume-template.ts");
});

test("the report fills what it measured and names the command for the rest", () => {
  const filled = fillResume({ what: WHAT.learner, accuracy: "96.5%", recall: "95.2%", p50: "0.41 ms" });
  assert.match(filled, /^- Implemented a random forest from scratch/);
  assert.match(filled, /96\.5% test accuracy and 95\.2% recall/);
  assert.ok(filled.includes(NOT_MEASURED.fuzzCases) && filled.includes("npm run capstone:fuzz"));
  assert.match(filled, /\{p99\}/, "an unknown value stays visibly unfilled");
});
