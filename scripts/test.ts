// `npm test`: the library's unit tests, its integration tests (local servers and programs), your exercises graded,
// then every reference solution proven with the same tests. Ends with the per-week progress table, a table of the
// tiers (and of the tests left out because they need a host tool), and one summary line.
import { relative } from "node:path";
import { closingLines, gradeSelection } from "../src/grader/grade";
import { formatResult } from "../src/grader/report";
import { killTestsOnInterrupt } from "../src/grader/run-exercise";
import { HOST_TOOL_TESTS, INTEGRATION_TEST_FILES } from "../src/grader/test-tiers";
import { findUnitTests, runUnitTests } from "../src/grader/unit-tests";
import { findRoot } from "../src/workspace/paths";

async function main() {
  killTestsOnInterrupt();
  const root = findRoot();
  const all = findUnitTests(root).map((f) => relative(root, f));
  const hostTool = new Set(HOST_TOOL_TESTS.map((t) => t.file));
  const integrationFiles = all.filter((f) => INTEGRATION_TEST_FILES.includes(f));
  const unitFiles = all.filter((f) => !INTEGRATION_TEST_FILES.includes(f) && !hostTool.has(f));

  console.log("== 1/4 unit tests of src/, scripts/ and capstone/ ==");
  const unit = await runUnitTests(root, unitFiles);

  console.log("\n== 2/4 integration tests: local servers and programs (moto, MLflow, Chromium, the capstone) ==");
  const integration = await runUnitTests(root, integrationFiles);

  console.log("\n== 3/4 your exercises ==");
  const mine = await gradeSelection(undefined, "exercises");

  console.log("\n== 4/4 reference solutions, proven with the same tests ==");
  const proofs = await gradeSelection(undefined, "solutions", () => {});
  const broken = proofs.results.filter((r) => r.verdict !== "solved");
  for (const r of broken) console.log(formatResult(r));
  const proven = proofs.results.length - broken.length;
  console.log(`${proven}/${proofs.results.length} solutions pass`);

  console.log(`\n${closingLines(mine)}\n`);
  const solved = mine.results.filter((r) => r.verdict === "solved").length;
  const notStarted = mine.results.filter((r) => r.verdict === "not-started").length;
  const attempted = mine.results.length - solved - notStarted;
  const rows = [
    ["unit", `${unit.passed}/${unit.passed + unit.failed} passed`, `${unitFiles.length} files`],
    [
      "integration",
      `${integration.passed}/${integration.passed + integration.failed} passed`,
      `${integrationFiles.length} files`,
    ],
    [
      "exercises (yours)",
      `${solved} solved, ${attempted} attempted, ${notStarted} not started`,
      `${mine.results.length} exercises`,
    ],
    ["solutions", `${proven}/${proofs.results.length} proven`, "same test files"],
    ...HOST_TOOL_TESTS.map((t) => ["left out", `${t.file}: needs ${t.tool}`, `run: ${t.command}`]),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log("tier".padEnd(width), " result");
  for (const [tier, result, detail] of rows) console.log(tier.padEnd(width), "", result, `(${detail})`);

  const passed = unit.passed + integration.passed + solved + proven;
  const failed = unit.failed + integration.failed + attempted + broken.length;
  console.log(`\nsummary: ${passed} passed, ${failed} failed, ${notStarted} skipped`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
