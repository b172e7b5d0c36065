import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { exerciseFile, readExerciseFile, STUB_MARK } from "./exercise-file";
import { isNotStarted } from "./todo";

const root = mkdtempSync(join(tmpdir(), "exercise-file-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const folder of ["exercises", "solutions"]) mkdirSync(join(root, folder, "week-04"), { recursive: true });
writeFileSync(join(root, "exercises", "week-04", "app.yaml"), `# ${STUB_MARK}: write the Deployment here\n`);
writeFileSync(join(root, "solutions", "week-04", "app.yaml"), "kind: Deployment\n");

function withEnv<T>(target: string, fn: () => T): T {
  const saved = { ...process.env };
  process.env.GRADE_ROOT = root;
  process.env.GRADE_TARGET = target;
  try {
    return fn();
  } finally {
    process.env = saved;
  }
}

test("the stub is read while grading exercises, and an untouched one is not started", () => {
  withEnv("exercises", () => {
    assert.equal(exerciseFile("week-04/app.yaml"), join(root, "exercises", "week-04", "app.yaml"));
    assert.throws(
      () => readExerciseFile("week-04/app.yaml", "k8s-app"),
      (e: unknown) => isNotStarted(e),
    );
  });
});

test("the solution twin is read while proving solutions", () => {
  withEnv("solutions", () => assert.equal(readExerciseFile("week-04/app.yaml", "k8s-app"), "kind: Deployment\n"));
});
