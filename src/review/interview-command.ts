// `npm run interview`: the plan's 12 mock interview questions, one by one. The learner answers (aloud or typed),
// reads the model answer and the points an interviewer listens for, and rates themselves; the rating schedules
// the question's next review with FSRS, like any quiz card.
import type { Grade } from "ts-fsrs";
import type { InterviewArgs } from "./args";
import { askAnswer, askRating, isExit, questionHeader, showFeedback, showModelAnswer, showNextReview } from "./ask";
import { loadForCommands, problemsWarning } from "./bank";
import { INTERVIEW_QUESTIONS } from "./interview";
import type { ReviewPaths } from "./paths";
import { RATINGS, ratingName, review } from "./scheduler";
import type { FreeQuestion } from "./schema";
import { readState, writeState } from "./store";
import { clock, say, style } from "./terminal";

export const INTERVIEW_HELP = `npm run interview [-- --limit <n>]
  --limit <n>    only the first n of the 12 questions`;

export async function runInterview(args: InterviewArgs, paths: ReviewPaths): Promise<number> {
  if (args.help) {
    say(INTERVIEW_HELP);
    return 0;
  }
  const { questions, problems } = loadForCommands(paths.questions, paths.exams);
  const warning = problemsWarning(problems);
  if (warning) say(style.yellow(warning));
  const plan = INTERVIEW_QUESTIONS.map((iq) => ({
    iq,
    q: questions.find((q): q is FreeQuestion & { file: string } => q.id === iq.id && q.type === "free"),
  }));
  const missing = plan.filter((p) => !p.q).map((p) => p.iq.id);
  if (missing.length) say(style.yellow(`Not in the bank yet, skipped: ${missing.join(", ")}`));
  const asked = plan.filter((p) => p.q).slice(0, args.limit ?? plan.length);
  if (asked.length === 0) {
    say("No interview questions in the bank (review/questions/interview.yaml).");
    return 1;
  }
  const state = readState(paths.state, { backup: true, note: (m) => say(style.yellow(m)) });
  say(style.bold(`Mock interview: ${asked.length} questions.`));
  say(
    style.dim(
      "Answer each as you would to an interviewer (aloud is fine), then compare with the model answer and rate " +
        "yourself honestly: the rating decides when the question comes back. Ctrl-C stops; ratings are saved as you go.",
    ),
  );
  const tally = new Map<string, number>();
  for (const [i, { iq, q }] of asked.entries()) {
    if (!q) continue;
    say();
    say(questionHeader(`[${i + 1}/${asked.length}] ${iq.level}`, q));
    try {
      await askAnswer(q, { seed: 0 });
      showModelAnswer(q);
      showFeedback(q, null);
      const grade: Grade = await askRating();
      const at = clock();
      const { due } = review(state, q.id, grade, at, "interview");
      writeState(paths.state, state);
      tally.set(ratingName(grade), (tally.get(ratingName(grade)) ?? 0) + 1);
      showNextReview(due, at);
    } catch (e) {
      if (!isExit(e)) throw e;
      say();
      say("Stopped; the ratings so far are saved.");
      return 0;
    }
  }
  say();
  const counts = RATINGS.map((r) => `${r.name} ${tally.get(r.name) ?? 0}`).join(", ");
  say(style.bold(`Done. Your ratings: ${counts}.`));
  say(style.dim("Questions rated Again or Hard come back soonest, in `npm run quiz` too."));
  return 0;
}
