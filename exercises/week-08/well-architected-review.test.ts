// Grades exercises/week-08/well-architected-review.ts (and proves solutions/week-08/well-architected-review.ts with
// the same file): every finding must quote a real capstone file, the quote must be evidence for its pillar, and every
// one of the six pillars needs a finding. The check itself is tested in src/cloud/well-architected.test.ts.
import assert from "node:assert/strict";
import { test } from "vitest";
import { findingProblems, PILLARS, reviewProblems } from "../../src/cloud";
import { findRoot } from "../../src/workspace/paths";
import { review } from "./well-architected-review";

const root = findRoot();

test("every finding cites a real capstone file and a real property of it", () => {
  const findings = review();
  assert.ok(Array.isArray(findings), "review() returns an array of findings");
  const problems = findings.flatMap((f) => findingProblems(root, f));
  assert.deepEqual(problems, [], problems.join("\n"));
});

test("all six pillars are reviewed, with at least one improvement", () => {
  const findings = review();
  const missing = reviewProblems(root, findings).filter((p) => p.includes("no finding"));
  assert.deepEqual(missing, [], `pillars without a finding:\n${missing.join("\n")}`);
  assert.equal(new Set(findings.map((f) => f.pillar)).size, Object.keys(PILLARS).length);
  assert.ok(
    findings.some((f) => f.kind === "improvement"),
    "a review that finds nothing to improve is not a review",
  );
  const quotes = findings.map((f) => `${f.file}:${f.evidence}`);
  assert.equal(new Set(quotes).size, quotes.length, "each finding quotes different evidence");
});
