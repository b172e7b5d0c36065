// Added to vitest's own output: after an exercise's test file ran on an untouched stub, one plain sentence saying the
// exercise is not started (and where to write the code) instead of leaving a learner to read a wall of failures.
// Says nothing about other test files, or when a test failed for another reason (then vitest's report is the news).
import { existsSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { moduleLines } from "./vitest-results";

const EXERCISE_ID = /exercise "([^"]+)" is still a stub/;

/** exercises/week-01/linreg.test.ts -> exercises/week-01/linreg.ts; .../kustomization.yaml.test.ts -> ...yaml */
function stubOf(testFile: string): string {
  const bare = testFile.replace(/\.test\.ts$/, "");
  return existsSync(bare) ? bare : `${bare}.ts`;
}

export default class LearnerReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const module of modules) {
      if (module.project.name !== "exercises") continue;
      const lines = moduleLines(module);
      const failed = lines.filter((l) => !l.passed);
      if (failed.length === 0 || failed.some((l) => !l.notStarted)) continue;
      const id = failed.map((l) => l.error?.match(EXERCISE_ID)?.[1]).find(Boolean);
      const stub = relative(process.cwd(), stubOf(module.moduleId));
      const status = failed.length === lines.length ? "not started yet" : "partly done";
      const how = stub.endsWith(".ts")
        ? "Replace its todo(...) calls with your code"
        : "Delete its TODO(not started) line and write your solution";
      console.log(
        [
          "",
          `${id ? `Exercise ${id}` : "This exercise"} is ${status}: ${failed.length} of ${lines.length} tests stopped at ${stub},`,
          `which is still waiting for your code. ${how}, save, and run this command again.`,
          id ? `Stuck? npm run hint ${id}` : "",
        ].join("\n"),
      );
    }
  }
}
