// `npm run quiz`: spaced-repetition review of the question bank (src/review/quiz-command.ts; review/README.md).
import { parseQuizArgs, UsageError } from "../src/review/args";
import { reviewPaths } from "../src/review/paths";
import { QUIZ_HELP, runQuiz } from "../src/review/quiz-command";

async function main(): Promise<number> {
  try {
    return await runQuiz(parseQuizArgs(process.argv.slice(2)), reviewPaths());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.log(`${e.message}\n\n${QUIZ_HELP}`);
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
