// One config for every test: `npm test`, the grader, `npx vitest`, and the editor's test explorer all read it, so a
// verdict in the explorer is the verdict of `npm run grade <id>`.
// Projects: unit (library tests, in-process), integration (tests that start moto, MLflow, Chromium or the capstone
// as a process), host-tools (need a tool `npm test` does not assume, e.g. Go for actionlint), exercises (the graded
// tests; GRADE_TARGET=solutions proves the reference solutions with the very same files).
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { solutionsAlias } from "./src/grader/solutions-alias.ts";
import { HOST_TOOL_TESTS, INTEGRATION_TEST_FILES } from "./src/grader/test-tiers.ts";

const LIBRARY_TESTS = ["src/**/*.test.ts", "scripts/**/*.test.ts", "capstone/**/*.test.ts"];
const HOST_TOOL_FILES = HOST_TOOL_TESTS.map((t) => t.file);
const EXCLUDE = ["**/node_modules/**", "capstone/dist/**"];

// node:test, which these tests were written for, has no per-test time limit; vitest's default (5 s) would cut off
// tests that train a model or wait for a server on a loaded machine. The grader adds its own per-exercise time-out.
const TIMEOUTS = { testTimeout: 120_000, hookTimeout: 180_000, teardownTimeout: 30_000 };

export default defineConfig({
  test: {
    // Separate processes (not threads): tests spawn children, change process.env and load native add-ons.
    pool: "forks",
    ...TIMEOUTS,
    // Half the cores: integration tests start servers (moto, MLflow, Chromium) that need a core of their own, and
    // the grader already runs several exercise processes side by side. On a 2-core machine this is one worker.
    maxWorkers: Math.max(1, Math.floor(availableParallelism() / 2)),
    // The learner's summary line for exercise tests ("not started" in plain words); silent for other projects.
    reporters: ["default", "./src/grader/vitest-learner-reporter.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: LIBRARY_TESTS, exclude: [...EXCLUDE, ...INTEGRATION_TEST_FILES, ...HOST_TOOL_FILES] },
      },
      {
        extends: true,
        test: { name: "integration", include: [...INTEGRATION_TEST_FILES], exclude: EXCLUDE },
      },
      {
        extends: true,
        test: { name: "host-tools", include: HOST_TOOL_FILES, exclude: EXCLUDE },
      },
      {
        extends: true,
        plugins: [solutionsAlias()],
        test: {
          name: "exercises",
          // The grader points at one test file, which may live outside the workspace (its own fixtures).
          include: process.env.GRADE_TEST_FILE ? [process.env.GRADE_TEST_FILE] : ["exercises/**/*.test.ts"],
          exclude: EXCLUDE,
        },
      },
    ],
  },
});
