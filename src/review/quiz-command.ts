// `npm run quiz`: the due cards, then new ones, each answered, explained and rescheduled with FSRS.
import { type Grade, Rating } from "ts-fsrs";
import type { QuizArgs } from "./args";
import { askAnswer, askRating, isExit, questionHeader, showFeedback, showModelAnswer, showNextReview } from "./ask";
import { loadForCommands, problemsWarning } from "./bank";
import { isCorrect } from "./grading";
import type { ReviewPaths } from "./paths";
import { humanDelay, inScope, nextDue, pickSession, review } from "./scheduler";
import { readState, writeState } from "./store";
import { clock, say, style } from "./terminal";
import { formatValidation, validateBank } from "./validate";

export const QUIZ_HELP = `npm run quiz [-- options]
  --topic <id>   only one curriculum topic (e.g. w1.roc; ids in src/curriculum/topics.ts)
  --week <1-8>   only one week's topics
  --limit <n>    at most n cards in this session (default 20)
  --new <n>      at most n never-seen questions (default 10)
  --seed <n>     a fixed option order (options are shuffled so you learn answers, not positions)
  --validate     check the question bank and print the counts per topic and exam domain`;

export async function runQuiz(args: QuizArgs, paths: ReviewPaths): Promise<number> {
  if (args.help) {
    say(QUIZ_HELP);
    return 0;
  }
  if (args.validate) {
    const v = validateBank(paths.bank, paths.notebooks);
    say(formatValidation(v));
    const problems = [v.fileProblems, v.linkProblems, v.genericLinkProblems, v.examTagProblems, v.coverageProblems];
    return problems.some((p) => p.length) ? 1 : 0;
  }
  const { questions, problems } = loadForCommands(paths.questions, paths.exams);
  const warning = problemsWarning(problems);
  if (warning) say(style.yellow(warning));
  const state = readState(paths.state, { backup: true, note: (m) => say(style.yellow(m)) });
  const now = clock();
  const session = pickSession(questions, state, now, {
    limit: args.limit,
    newCards: args.newCards,
    topic: args.topic,
    week: args.week,
  });
  const cards = [...session.due.map((q) => ({ q, kind: "due" })), ...session.fresh.map((q) => ({ q, kind: "new" }))];
  const scope = args.topic ? ` on ${args.topic}` : args.week ? ` on week ${args.week}` : "";
  if (cards.length === 0) {
    const scoped = inScope(questions, args);
    if (scoped.length === 0) {
      say(`No questions${scope} in the bank yet (review/questions/).`);
      return 0;
    }
    const next = nextDue(scoped, state);
    say(
      `Nothing to review${scope} right now${next ? `: the next card is due ${humanDelay(next, now)}` : ""}. ` +
        "Use --new to take more new questions, or another --topic or --week.",
    );
    return 0;
  }
  say(
    style.bold(`Quiz${scope}: ${cards.length} cards (${session.due.length} due, ${session.fresh.length} new).`) +
      style.dim(" Ctrl-C stops; every answer is saved as you go."),
  );
  const seed = args.seed ?? Date.now() >>> 0;
  let answered = 0;
  let right = 0;
  for (const [i, { q, kind }] of cards.entries()) {
    say();
    say(questionHeader(`[${i + 1}/${cards.length}]`, q, [kind]));
    try {
      const response = await askAnswer(q, { seed });
      let grade: Grade;
      if (q.type === "free") {
        showModelAnswer(q);
        showFeedback(q, null);
        grade = await askRating();
      } else {
        const correct = isCorrect(q, response);
        showFeedback(q, correct);
        grade = correct ? Rating.Good : Rating.Again;
        if (correct) right++;
      }
      const at = clock();
      const { due } = review(state, q.id, grade, at, "quiz");
      // Saved after every answer, atomically: an interrupted session loses nothing.
      writeState(paths.state, state);
      answered++;
      showNextReview(due, at);
    } catch (e) {
      if (!isExit(e)) throw e;
      say();
      say(`Stopped. ${answered} answer(s) saved.`);
      return 0;
    }
  }
  const marked = cards.filter((c) => c.q.type !== "free").length;
  say();
  say(
    style.bold(`Done: ${right} of ${marked} marked answers right`) +
      `${cards.length > marked ? `, ${cards.length - marked} self-rated` : ""}. Saved in ${paths.state}.`,
  );
  say(style.dim("See how recall is holding up: npm run progress"));
  return 0;
}
