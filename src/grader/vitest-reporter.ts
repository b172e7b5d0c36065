// The grader's vitest reporter: one JSON line per finished test (see TestLine) appended to $GRADE_REPORT, so the
// grader reads results through vitest's reporter API, never its printed output. Lines are written as each test ends:
// when a time-out kills the process, what finished is still on disk. Errors that stop a test file from loading go to
// stderr, where the grader shows them for a "crashed" verdict.
import { appendFileSync } from "node:fs";
import type { Reporter, SerializedError, TestCase, TestModule } from "vitest/node";
import { describeError, testLine } from "./vitest-results";

export default class GradeReporter implements Reporter {
  private readonly file = process.env.GRADE_REPORT;

  onTestCaseResult(test: TestCase): void {
    if (this.file) appendFileSync(this.file, `${JSON.stringify(testLine(test))}\n`);
  }

  onTestModuleEnd(module: TestModule): void {
    for (const e of module.errors()) process.stderr.write(`${e.stack || describeError(e)}\n`);
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    for (const e of unhandled) process.stderr.write(`unhandled error: ${e.stack || describeError(e)}\n`);
  }
}
