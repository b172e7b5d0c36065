// The evidence check behind the well-architected-review exercise: it must refuse claims that point at nothing.
import assert from "node:assert/strict";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { type Finding, findingProblems, reviewProblems } from "./well-architected";

const root = findRoot();

test("the check refuses made-up evidence", () => {
  const base: Finding = {
    pillar: "security",
    file: "capstone/Dockerfile",
    evidence: "USER node",
    observation: "The API runs as the unprivileged node user, not root.",
    kind: "strength",
  };
  assert.deepEqual(findingProblems(root, base), []);
  assert.match(findingProblems(root, { ...base, evidence: "USER root" }).join(), /not in the file/);
  assert.match(findingProblems(root, { ...base, file: "capstone/Nope" }).join(), /no such file/);
  assert.match(findingProblems(root, { ...base, file: "README.md" }).join(), /under capstone/);
  assert.match(findingProblems(root, { ...base, pillar: "reliability" }).join(), /not evidence for reliability/);
  assert.match(findingProblems(root, { ...base, kind: "improvement" }).join(), /recommendation/);
});

test("a review with no findings lists all six pillars as missing", () => {
  assert.equal(reviewProblems(root, []).length, 6);
});
