// Plays the learner on a temporary copy of the workspace: solve an exercise by copying its solution, break it,
// then write an infinite loop, and check what the grader says each time.
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, test } from "vitest";
import { temporaryWorkspace } from "../workspace/copy";
import { findRoot } from "../workspace/paths";
import { loadManifest } from "./manifest";
import { runExercise, runExercises } from "./run-exercise";

const dir = temporaryWorkspace(findRoot(), { withSolutions: false });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const exercises = loadManifest(dir);
const linreg = exercises.find((e) => e.id === "linreg-normal-equation")!;

test("an untouched stub is not started", async () => {
  assert.equal((await runExercise(linreg, "exercises", dir)).verdict, "not-started");
});

test("copying the solution over the stub turns it to solved", async () => {
  copyFileSync(linreg.solution, linreg.stub);
  assert.equal((await runExercise(linreg, "exercises", dir)).verdict, "solved");
});

test("a wrong edit fails, saying what was expected and naming the hint command", async () => {
  const code = readFileSync(linreg.solution, "utf8");
  writeFileSync(linreg.stub, code.replace("return sum / yTrue.length;", "return sum / (yTrue.length - 1);"));
  const r = await runExercise(linreg, "exercises", dir);
  assert.equal(r.verdict, "failed");
  assert.match(r.message ?? "", /mse averages the squared errors/);
  assert.match(r.message ?? "", /10 !== 5/);
  assert.match(r.message ?? "", /npm run hint linreg-normal-equation/);
});

// Grades every exercise, one vitest process each: minutes on a loaded machine, beyond the default per-test limit.
test("an infinite loop times out that exercise only; the others are still graded", { timeout: 900_000 }, async () => {
  const code = readFileSync(linreg.solution, "utf8");
  writeFileSync(linreg.stub, code.replace("let sum = 0;", "let sum = 0;\n  for (;;) {}"));
  const results = await runExercises(
    exercises.map((e) => (e.id === linreg.id ? { ...e, timeoutMs: 2000 } : e)),
    "exercises",
    dir,
  );
  const verdicts = Object.fromEntries(results.map((r) => [r.exercise.id, r.verdict]));
  assert.equal(verdicts[linreg.id], "timeout");
  for (const e of exercises.filter((x) => x.id !== linreg.id)) assert.equal(verdicts[e.id], "not-started");
});
