import type { TestCase, TestModule } from "vitest/node";
import type { TestLine } from "./run-exercise";
import { isNotStarted } from "./todo";

/** An error as vitest hands it to reporters (already serialized from the test process). */
interface ReportedError {
  name?: string;
  message?: string;
}

/** One line for the grader, as the old node:test reporter wrote it: name, depth, pass, and why it failed. */
export function testLine(test: TestCase): TestLine {
  let nesting = 0;
  for (let p = test.parent; p.type === "suite"; p = p.parent) nesting++;
  const result = test.result();
  // A skipped test counts as passed, as it did under node:test (the project's tests never skip on the learner).
  const line: TestLine = { name: test.name, nesting, passed: result.state !== "failed" };
  if (result.state === "failed") {
    const errors = result.errors ?? [];
    line.notStarted = errors.length > 0 && errors.every((e) => isNotStarted(e));
    line.error = errors.map(describeError).join("\n") || "unknown failure";
  }
  return line;
}

export function describeError(e: ReportedError): string {
  return e.message ? `${e.name && e.name !== "Error" ? `${e.name}: ` : ""}${e.message}` : String(e.name ?? e);
}

/** Every test of a module, in the order they were declared. */
export function moduleLines(module: TestModule): TestLine[] {
  return [...module.children.allTests()].map(testLine);
}
