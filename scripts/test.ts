// `npm test`: the library's unit tests, then your exercises graded, then every reference solution proven with the
// same tests. Ends with the per-week progress table and one summary line.
import { closingLines, gradeSelection } from "../src/grader/grade";
import { formatResult } from "../src/grader/report";
import { killTestsOnInterrupt } from "../src/grader/run-exercise";
import { findUnitTests, runUnitTests } from "../src/grader/unit-tests";
import { findRoot } from "../src/workspace/paths";

async function main() {
  killTestsOnInterrupt();
  const root = findRoot();
  console.log("== 1/3 unit tests of src/ ==");
  const unit = await runUnitTests(root, findUnitTests(root));

  console.log("\n== 2/3 your exercises ==");
  const mine = await gradeSelection(undefined, "exercises");

  console.log("\n== 3/3 reference solutions, proven with the same tests ==");
  const proofs = await gradeSelection(undefined, "solutions", () => {});
  const broken = proofs.results.filter((r) => r.verdict !== "solved");
  for (const r of broken) console.log(formatResult(r));
  console.log(`${proofs.results.length - broken.length}/${proofs.results.length} solutions pass`);

  console.log(`\n${closingLines(mine)}\n`);
  const solved = mine.results.filter((r) => r.verdict === "solved").length;
  const notStarted = mine.results.filter((r) => r.verdict === "not-started").length;
  const attempted = mine.results.length - solved - notStarted;
  const passed = unit.passed + solved + proofs.results.length - broken.length;
  const failed = unit.failed + attempted + broken.length;
  console.log(
    `unit tests ${unit.passed}/${unit.passed + unit.failed}, exercises solved ${solved}, attempted ${attempted}, not started ${notStarted}, solutions ${proofs.results.length - broken.length}/${proofs.results.length}`,
  );
  console.log(`summary: ${passed} passed, ${failed} failed, ${notStarted} skipped`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
