import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { HOST_TOOL_TESTS, INTEGRATION_TEST_FILES } from "./test-tiers";

const root = findRoot();

test("every file named in a test tier exists, and none is in two tiers", () => {
  const hostTool = HOST_TOOL_TESTS.map((t) => t.file);
  for (const f of [...INTEGRATION_TEST_FILES, ...hostTool]) assert.ok(existsSync(join(root, f)), `${f} does not exist`);
  assert.deepEqual(
    INTEGRATION_TEST_FILES.filter((f) => hostTool.includes(f)),
    [],
  );
  for (const t of HOST_TOOL_TESTS) assert.match(t.command, /^npm run /, `${t.file} names the command that runs it`);
});
