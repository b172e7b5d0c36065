import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { isTopicId, TOPICS } from "./topics";

test("topic ids are unique and well formed", () => {
  const ids = TOPICS.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const t of TOPICS) assert.match(t.id, new RegExp(`^w${t.week}\\.[a-z0-9-]+$`));
  assert.equal(isTopicId("w1.linreg"), true);
  assert.equal(isTopicId("w1.nope"), false);
});

// The plan's topic map lives beside the workspace in ../shared when maintainers work on it; a learner's clone has
// only this copy, so the comparison runs where the source exists and says so where it does not.
const source = join(findRoot(), "..", "shared", "curriculum.md");
test("the topic list equals shared/curriculum.md", {
  skip: Boolean(existsSync(source) ? false : "no ../shared beside this clone"),
}, () => {
  const ids = [...readFileSync(source, "utf8").matchAll(/^- (w\d\.[a-z0-9-]+):/gm)].map((m) => m[1]);
  assert.deepEqual(
    TOPICS.map((t) => t.id),
    ids,
  );
});
