// `npm run grade [week|exercise]`: grades your exercises (all of them, one week, or one exercise).
import { closingLines, gradeSelection } from "../src/grader/grade";

async function main() {
  const selector = process.argv[2];
  const run = await gradeSelection(selector, "exercises");
  console.log(`\n${closingLines(run)}`);
  const failed = run.results.filter((r) => !["solved", "not-started"].includes(r.verdict)).length;
  process.exitCode = failed ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
