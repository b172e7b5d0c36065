// `npm run grade [week|exercise]`: grades your exercises (all of them, one week, or one exercise).
// Maintainers: `npm run grade -- --solutions [week|exercise]` proves the reference solutions instead.
import { parseArgs } from "node:util";
import { closingLines, gradeSelection } from "../src/grader/grade";
import { killTestsOnInterrupt } from "../src/grader/run-exercise";

async function main() {
  killTestsOnInterrupt();
  const { values, positionals } = parseArgs({
    options: { solutions: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const solutions = values.solutions;
  const selector = positionals[0];
  const run = await gradeSelection(selector, solutions ? "solutions" : "exercises");
  if (!solutions) console.log(`\n${closingLines(run)}`);
  const failed = run.results.filter((r) => !["solved", "not-started"].includes(r.verdict)).length;
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
