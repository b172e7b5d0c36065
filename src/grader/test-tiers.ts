/**
 * Which tests run where. `npm test` runs the unit tier and the integration tier; host-tool tests need a tool that a
 * machine with only Node and Python does not have, so `npm test` leaves them out and names the command that runs them.
 * vitest.config.ts builds its projects (unit, integration, host-tools, exercises) from these lists.
 * Paths are relative to the repository root.
 */

/** Tests that start a local server or browser: moto, MLflow, headless Chromium, the capstone API as a process. */
export const INTEGRATION_TEST_FILES: readonly string[] = [
  "src/aws/s3-bucket.test.ts",
  "src/mlops/mlflow-client.test.ts",
  "src/mlops/pipeline/pipeline.test.ts",
  "src/mlops/serve.test.ts",
  "src/plot/png.test.ts",
  "capstone/src/server.test.ts",
];

/** Tests that need an optional host tool; run them with `command` where the tool (or what installs it) is present. */
export const HOST_TOOL_TESTS: readonly { file: string; tool: string; command: string }[] = [
  {
    file: "src/mlops/workflow-actionlint.test.ts",
    tool: "actionlint (installed with Go by scripts/actionlint.sh)",
    command: "npx vitest run --project host-tools",
  },
  {
    file: "capstone/workflows-actionlint.test.ts",
    tool: "actionlint (installed with Go by scripts/actionlint.sh)",
    command: "npx vitest run --project host-tools",
  },
];
