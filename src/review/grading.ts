import { Random } from "../data/random";
import type { Question } from "./schema";

/** What a learner gave: an option's text, several options' texts, or a number. */
export type Response = string | string[] | number;

/** A numeric answer is right within its tolerance (plus a hair, so 0.1 + 0.2 typed as 0.3 is not marked wrong). */
export function isNumericCorrect(answer: number, tolerance: number | undefined, given: number): boolean {
  const slack = (tolerance ?? 0) + 1e-9 * Math.max(1, Math.abs(answer));
  return Number.isFinite(given) && Math.abs(given - answer) <= slack;
}

/** Whether a response to a single, multiple or numeric question is right. Free questions are self-rated instead. */
export function isCorrect(q: Question, given: Response): boolean {
  switch (q.type) {
    case "single":
      return given === q.answer;
    case "multiple": {
      if (!Array.isArray(given)) return false;
      const want = new Set(q.answer);
      return given.length === want.size && given.every((g) => want.has(g));
    }
    case "numeric":
      return typeof given === "number" && isNumericCorrect(q.answer, q.tolerance, given);
    case "free":
      throw new Error(`${q.id} is a free-text question: the learner rates it, it is not marked`);
  }
}

/** The right answer as a line of text. */
export function answerText(q: Question): string {
  switch (q.type) {
    case "single":
      return q.answer;
    case "multiple":
      return q.answer.join("; ");
    case "numeric":
      return q.tolerance ? `${q.answer} (± ${q.tolerance})` : `${q.answer}`;
    case "free":
      return q.answer;
  }
}

/**
 * The options in a seeded random order: shuffled so that a learner remembers the answer rather than its position,
 * seeded so that a test, or a retaken exam, sees the same order again.
 */
export function shuffledOptions(options: readonly string[], seed: number): string[] {
  return new Random(seed).shuffle(options);
}

/** A stable number from a string, to derive a per-question seed from a session seed and the question id. */
export function hashSeed(text: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
