// `npm run exam -- <exam>`: a timed practice exam sampled by the official domain weights, marked at the end like
// the real one, with a score per domain, the weakest topics, and every missed question explained.
import type { ExamArgs } from "./args";
import { askAnswer, isAbort, isExit, questionHeader } from "./ask";
import { loadForCommands, problemsWarning } from "./bank";
import { ExamCoverageError, examForm, formatReport, sampleExam, scoreExam } from "./exam";
import { answerText, isCorrect } from "./grading";
import type { ReviewPaths } from "./paths";
import type { ExamDefinition } from "./schema";
import { appendAttempt, readHistory } from "./store";
import { clock, linkText, say, style, wrap } from "./terminal";

export const EXAM_HELP = `npm run exam -- <exam> [--full] [--seed <n>] [--minutes <m>]
  <exam>         one of the exams in review/exams.yaml (listed when you give none)
  --full         the full-length mock: the real exam's number of questions and time
  --seed <n>     the same sample and option order again (to retake an exam exactly)
  --minutes <m>  another time limit than the exam's own`;

function examList(exams: readonly ExamDefinition[]): string {
  if (exams.length === 0) return "  (none: review/exams.yaml could not be read)";
  return exams
    .map(
      (e) =>
        `  ${e.name.padEnd(24)} ${e.title}: ${e.length} questions in ${e.minutes} minutes` +
        (e.full ? ` (--full: ${e.full.length} in ${e.full.minutes})` : ""),
    )
    .join("\n");
}

function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export async function runExam(args: ExamArgs, paths: ReviewPaths): Promise<number> {
  const { questions, exams, problems } = loadForCommands(paths.questions, paths.exams);
  if (args.help) {
    say(`${EXAM_HELP}\n\nExams:\n${examList(exams)}`);
    return 0;
  }
  const exam = exams.find((e) => e.name === args.exam);
  if (!exam) {
    say(
      `${args.exam ? `Unknown exam "${args.exam}".` : "Which exam?"} The exams are:\n${examList(exams)}\n` +
        `Start one with: npm run exam -- ${exams[0]?.name ?? "<name>"}`,
    );
    return 2;
  }
  const warning = problemsWarning(problems);
  if (warning) say(style.yellow(warning));
  // Read the history now, so a damaged file is reported (and set aside) before the learner spends 30 minutes.
  readHistory(paths.examHistory, { backup: true, note: (m) => say(style.yellow(m)) });
  const seed = args.seed ?? Date.now() >>> 0;
  let items: ReturnType<typeof sampleExam>;
  let form: ReturnType<typeof examForm>;
  try {
    form = examForm(exam, args.full);
    items = sampleExam(questions, exam, seed, form.length);
  } catch (e) {
    if (!(e instanceof ExamCoverageError)) throw e;
    say(e.message);
    return 1;
  }
  const minutes = args.minutes ?? form.minutes;
  const kind = form.full ? "full-length mock exam" : "practice exam";
  say(style.bold(`${exam.title}: ${kind}, ${items.length} questions, ${minutes} minutes.`));
  say(
    style.dim(
      `Seed ${seed} (retake this exact exam with --seed ${seed}). Answers are marked at the end, as in the real exam.`,
    ),
  );
  const started = Date.now();
  const deadline = started + minutes * 60000;
  const results: (boolean | undefined)[] = items.map(() => undefined);
  let timedOut = false;
  for (const [i, item] of items.entries()) {
    const left = deadline - Date.now();
    if (left <= 0) {
      timedOut = true;
      break;
    }
    say();
    say(questionHeader(`[${i + 1}/${items.length}]`, item.question, [item.domain, `${clockText(left)} left`]));
    try {
      const response = await askAnswer(item.question, { seed, signal: AbortSignal.timeout(left) });
      results[i] = isCorrect(item.question, response);
    } catch (e) {
      if (isAbort(e)) {
        timedOut = true;
        break;
      }
      if (isExit(e)) {
        say();
        say("Exam abandoned; nothing was recorded.");
        return 130;
      }
      throw e;
    }
  }
  say();
  if (timedOut) say(style.yellow("⏰ Time is up: unanswered questions count as wrong, as in the real exam."));
  const attempt = scoreExam(exam, items, results, {
    seed,
    seconds: (Date.now() - started) / 1000,
    timedOut,
    at: clock(),
    full: form.full,
    minutes,
  });
  say(style.bold("Score report"));
  say(formatReport(attempt, exam));
  const missed = items.map((item, i) => ({ ...item, result: results[i] })).filter((m) => m.result !== true);
  if (missed.length) {
    say();
    say(style.bold(`The ${missed.length} question(s) to learn from:`));
    for (const { question: q, domain, result } of missed) {
      say();
      say(style.dim(`${q.id} · ${domain}${result === undefined ? " · not reached" : ""}`));
      say(wrap(q.prompt, "  "));
      say(style.green(wrap(`Answer: ${answerText(q)}`, "  ")));
      say(wrap(q.explanation, "  "));
      say(style.cyan(`  → ${linkText(q.link)}`));
    }
  }
  appendAttempt(paths.examHistory, attempt, { backup: true, note: (m) => say(style.yellow(m)) });
  say();
  say(`Saved in ${paths.examHistory}. Your scores over time: npm run progress`);
  return 0;
}
