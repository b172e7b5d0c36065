// `npm run test:host-tools`: the tests `npm test` leaves out because they need a tool a learner may not have
// (src/grader/test-tiers.ts lists them and the tool each needs). CI runs them on a machine that has the tools.
import { join } from "node:path";
import { HOST_TOOL_TESTS } from "../src/grader/test-tiers";
import { runUnitTests } from "../src/grader/unit-tests";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
for (const t of HOST_TOOL_TESTS) console.log(`${t.file} (needs ${t.tool})`);
runUnitTests(
  root,
  HOST_TOOL_TESTS.map((t) => join(root, t.file)),
).then(({ passed, failed }) => {
  console.log(`host-tool tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
