// Asking one question in the terminal with @inquirer/prompts, and showing what comes after an answer.
// Only the commands (scripts/quiz.ts, exam.ts, interview.ts) import this file: @inquirer/prompts is ESM-only, which
// the notebook kernel (CommonJS) could not load; the notebook uses render.ts instead.
import { checkbox, input, number, select } from "@inquirer/prompts";
import type { Grade } from "ts-fsrs";
import { answerText, hashSeed, type Response, shuffledOptions } from "./grading";
import { humanDelay, RATINGS } from "./scheduler";
import type { FreeQuestion, Question } from "./schema";
import { linkText, say, style, wrap } from "./terminal";

export interface AskContext {
  /** Aborts the prompt (the exam's clock). */
  signal?: AbortSignal;
  /** Seeds the option order together with the question id. */
  seed: number;
}

const TYPE_LABEL = {
  single: "one answer",
  multiple: "several answers",
  numeric: "a number",
  free: "in your own words",
};

export function questionHeader(position: string, q: Question, extra: string[] = []): string {
  return style.dim([position, q.topics.join(", "), TYPE_LABEL[q.type], ...extra].join(" · "));
}

/** Prints the prompt and asks for an answer; free questions return the learner's notes (possibly empty). */
export async function askAnswer(q: Question, ctx: AskContext): Promise<Response> {
  say(wrap(q.prompt));
  const context = { signal: ctx.signal };
  if (q.type === "single" || q.type === "multiple") {
    const options = shuffledOptions(q.options, hashSeed(q.id, ctx.seed));
    const choices = options.map((o, i) => ({ name: `${i + 1}) ${o}`, value: o, short: o }));
    if (q.type === "single") {
      return select({ message: "Your answer (its number, or ↑↓ then ⏎)", choices, pageSize: 9 }, context);
    }
    return checkbox(
      {
        message: "Tick every right option (number keys or space), then ⏎",
        choices,
        pageSize: 9,
        required: true,
      },
      context,
    );
  }
  if (q.type === "numeric") {
    const value = await number({ message: "Your answer (a number)", step: "any", required: true }, context);
    return value as number;
  }
  return input({ message: "Your answer (write it, or say it aloud; ⏎ reveals the model answer)" }, context);
}

/** The right answer, the explanation and the section that teaches it. */
export function showFeedback(q: Question, correct: boolean | null): void {
  if (correct === true) say(style.green("✔ Right."));
  if (correct === false) say(style.red(`✘ Not quite. The answer: ${answerText(q)}`));
  say(wrap(q.explanation, "  "));
  for (const link of [q.link, ...(q.links ?? [])]) say(style.cyan(`  → ${linkText(link)}`));
}

/** The model answer and the rubric of a free question. */
export function showModelAnswer(q: FreeQuestion): void {
  say(style.bold("Model answer:"));
  say(wrap(q.answer, "  "));
  say(style.bold("What a grader listens for:"));
  for (const point of q.rubric) say(wrap(point, "    ").replace(/^ {4}/, "  • "));
}

/** Again / Hard / Good / Easy, by number key. */
export async function askRating(ctx: { signal?: AbortSignal } = {}): Promise<Grade> {
  return select(
    {
      message: "How did you do?",
      choices: RATINGS.map((r, i) => ({ name: `${i + 1}) ${r.name}: ${r.hint}`, value: r.grade, short: r.name })),
      default: RATINGS[2].grade,
    },
    { signal: ctx.signal },
  );
}

export function showNextReview(due: Date, now: Date): void {
  say(style.dim(`  next review ${humanDelay(due, now)}`));
}

/** True for the error a prompt throws on Ctrl-C or a closed input. */
export function isExit(e: unknown): boolean {
  return e instanceof Error && e.name === "ExitPromptError";
}

/** True for the error a prompt throws when its AbortSignal fires. */
export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === "AbortPromptError";
}
