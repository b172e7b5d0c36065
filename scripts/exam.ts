// `npm run exam -- <exam>`: a timed AWS practice exam (src/review/exam-command.ts; review/README.md).
import { parseExamArgs, UsageError } from "../src/review/args";
import { EXAM_HELP, runExam } from "../src/review/exam-command";
import { reviewPaths } from "../src/review/paths";

async function main(): Promise<number> {
  try {
    return await runExam(parseExamArgs(process.argv.slice(2)), reviewPaths());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.log(`${e.message}\n\n${EXAM_HELP}`);
    return 2;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  },
);
