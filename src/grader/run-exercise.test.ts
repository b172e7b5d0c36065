import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { findRoot } from "../workspace/paths";
import type { Exercise } from "./manifest";
import { judge, runExercise, runExercises } from "./run-exercise";

const root = findRoot();
const dir = mkdtempSync(join(tmpdir(), "grader-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A throwaway exercise whose test file has the given body. */
function fixture(name: string, body: string, timeoutMs = 8000): Exercise {
  const file = join(dir, `${name}.test.ts`);
  writeFileSync(file, `import { test } from "vitest";\nimport assert from "node:assert/strict";\n${body}\n`);
  return {
    id: name,
    title: name,
    week: 1,
    path: `week-01/${name}.ts`,
    topics: ["w1.linreg"],
    hints: ["a hint"],
    order: 0,
    timeoutMs,
    stub: file,
    test: file,
    solution: file,
    extraStubs: [],
    assetFiles: [],
  };
}

const TODO = `function f(): number { throw new Error("[not started] exercise \\"x\\" is still a stub"); }`;

test("judge: the verdict follows from the tests and the process outcome", () => {
  const pass = { name: "a", nesting: 0, passed: true };
  const todo = { name: "b", nesting: 0, passed: false, notStarted: true };
  const wrong = { name: "c", nesting: 0, passed: false, notStarted: false };
  assert.equal(judge([pass], 0, false), "solved");
  assert.equal(judge([todo, todo], 1, false), "not-started");
  assert.equal(judge([pass, todo], 1, false), "partial");
  assert.equal(judge([pass, wrong, todo], 1, false), "failed");
  assert.equal(judge([], 1, false), "crashed");
  assert.equal(judge([pass], 0, true), "timeout");
});

test("a passing test file is solved", async () => {
  const r = await runExercise(fixture("ok", `test("t", () => assert.equal(1 + 1, 2));`), "exercises", root);
  assert.equal(r.verdict, "solved");
  assert.equal(r.tests.length, 1);
});

test("a stub's todo() is not started, even when wrapped by assert.throws", async () => {
  const r = await runExercise(
    fixture(
      "todo",
      `${TODO}\ntest("t1", () => assert.equal(f(), 1));\ntest("t2", () => assert.throws(() => f(), /empty/));`,
    ),
    "exercises",
    root,
  );
  assert.equal(r.verdict, "not-started", r.message);
  assert.deepEqual(
    r.tests.map((t) => t.notStarted),
    [true, true],
  );
});

test("a wrong answer fails with the assertion's message and the hint command", async () => {
  const r = await runExercise(
    fixture("wrong", `test("adds", () => assert.equal(2 + 2, 5, "2 + 2 should be 5"));`),
    "exercises",
    root,
  );
  assert.equal(r.verdict, "failed");
  assert.match(r.message ?? "", /2 \+ 2 should be 5/);
  assert.match(r.message ?? "", /npm run hint wrong/);
});

test("an infinite loop is killed at the exercise's time-out and reported as such", async () => {
  const started = Date.now();
  const r = await runExercise(fixture("loop", `test("spins", () => { for (;;) {} });`, 1500), "exercises", root);
  assert.equal(r.verdict, "timeout");
  assert.ok(Date.now() - started < 10000, "the grader must not wait for the loop");
  assert.match(r.message ?? "", /did not finish within 1.5 s/);
});

test("a test file that cannot load is reported as crashed with its error", async () => {
  const r = await runExercise(
    fixture("broken", `import { nope } from "./does-not-exist";\ntest("t", () => nope());`),
    "exercises",
    root,
  );
  assert.equal(r.verdict, "crashed");
  assert.match(r.message ?? "", /does-not-exist/);
});

test("runExercises keeps manifest order, with or without a callback", async () => {
  const list = [
    fixture("slow", `test("t", async () => { await new Promise((r) => setTimeout(r, 300)); });`),
    fixture("fast", `test("t", () => {});`),
  ];
  const seen: string[] = [];
  const withCallback = await runExercises(list, "exercises", root, (r) => seen.push(r.exercise.id), 2);
  assert.deepEqual(seen, ["slow", "fast"]);
  assert.deepEqual(
    withCallback.map((r) => r.verdict),
    ["solved", "solved"],
  );
  const without = await runExercises(list, "exercises", root, undefined, 2);
  assert.equal(without.length, 2);
});
