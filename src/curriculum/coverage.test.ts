import assert from "node:assert/strict";
import { test } from "vitest";
import { loadManifest } from "../grader/manifest";
import { findRoot } from "../workspace/paths";
import { coverage, notebookTopics } from "./coverage";
import { isTopicId } from "./topics";

const root = findRoot();
const table = coverage(root, loadManifest(root));

test("every topic an exercise grades is taught in a notebook", () => {
  const untaught = table.filter((t) => t.exercises.length > 0 && t.notebooks.length === 0).map((t) => t.id);
  assert.deepEqual(untaught, [], "graded but not taught");
});

test("every topic a notebook claims to teach is graded (by an exercise; week-8 review topics by the question bank)", () => {
  const ungraded = table.filter((t) => t.notebooks.length > 0 && !t.graded).map((t) => t.id);
  assert.deepEqual(ungraded, [], "taught but not graded");
});

test("notebooks only name real curriculum topics", () => {
  for (const [file, topics] of notebookTopics(root)) {
    for (const t of topics) assert.ok(isTopicId(t), `${file} names unknown topic ${t}`);
  }
});
