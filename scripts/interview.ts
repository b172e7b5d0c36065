// `npm run interview`: the 12 mock interview questions, self-rated into the scheduler (src/review/interview-command.ts).
import { parseInterviewArgs, UsageError } from "../src/review/args";
import { INTERVIEW_HELP, runInterview } from "../src/review/interview-command";
import { reviewPaths } from "../src/review/paths";

async function main(): Promise<number> {
  try {
    return await runInterview(parseInterviewArgs(process.argv.slice(2)), reviewPaths());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.log(`${e.message}\n\n${INTERVIEW_HELP}`);
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
