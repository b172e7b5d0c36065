// File-based exercises (a Dockerfile, a Kubernetes manifest) are read, not imported, so the solutions hook cannot
// swap them. Their tests read them through these helpers instead, which pick the solution twin when the grader
// proves the solutions, and turn an untouched stub into "not started".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findRoot } from "../workspace/paths";
import { NotStartedError } from "./todo";

/** The line every file-based stub carries until the learner starts; remove it when you begin. */
export const STUB_MARK = "TODO(not started)";

/** Absolute path of exercises/<rel>, or solutions/<rel> while the grader proves the solutions. */
export function exerciseFile(rel: string): string {
  const root = process.env.GRADE_ROOT ?? findRoot();
  return join(root, process.env.GRADE_TARGET === "solutions" ? "solutions" : "exercises", rel);
}

/** Reads a learner-written file; while it still carries the stub mark, throws NotStartedError for the exercise. */
export function readExerciseFile(rel: string, exercise: string): string {
  const text = readFileSync(exerciseFile(rel), "utf8");
  if (text.includes(STUB_MARK)) throw new NotStartedError(exercise);
  return text;
}
