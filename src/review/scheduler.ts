// Spaced repetition with FSRS (ts-fsrs): which cards are due, what a rating does to a card, and how likely the
// learner is to recall a card right now (its "retrievability").
import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from "ts-fsrs";
import { TOPICS } from "../curriculum/topics";
import type { BankQuestion } from "./schema";
import type { ReviewState, StoredCard } from "./store";

/** Default FSRS parameters: schedule each review for when recall is predicted to have fallen to 90%. */
const scheduler = fsrs();

export const RATINGS = [
  { grade: Rating.Again, name: "Again", hint: "I did not know it" },
  { grade: Rating.Hard, name: "Hard", hint: "I got there, with effort or gaps" },
  { grade: Rating.Good, name: "Good", hint: "I knew it" },
  { grade: Rating.Easy, name: "Easy", hint: "I knew it instantly, in depth" },
] as const;

export type RatingName = (typeof RATINGS)[number]["name"];

export function ratingName(grade: Grade): RatingName {
  return RATINGS.find((r) => r.grade === grade)?.name ?? "Good";
}

function toCard(s: StoredCard): Card {
  return {
    ...s,
    due: new Date(s.due),
    state: s.state as State,
    last_review: s.last_review ? new Date(s.last_review) : undefined,
  };
}

function toStored(c: Card): StoredCard {
  const stored: StoredCard = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) stored.last_review = c.last_review.toISOString();
  return stored;
}

/** Records one rating for a question's card (creating the card on its first review); returns the next due date. */
export function review(
  state: ReviewState,
  id: string,
  grade: Grade,
  now: Date,
  source: "quiz" | "interview",
): { due: Date } {
  const record = state.cards[id] ?? { card: toStored(createEmptyCard(now)), reviews: [] };
  const next = scheduler.next(toCard(record.card), now, grade).card;
  record.card = toStored(next);
  record.reviews.push({ at: now.toISOString(), rating: grade, source });
  state.cards[id] = record;
  return { due: next.due };
}

/** The predicted probability of recalling the card now (0..1), or null for a card never reviewed. */
export function retrievability(card: StoredCard, now: Date): number | null {
  if (card.state === State.New || card.reps === 0) return null;
  return scheduler.get_retrievability(toCard(card), now, false);
}

/** "in 10 minutes", "in 3 days": when a card comes back. */
export function humanDelay(due: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((due.getTime() - now.getTime()) / 60000));
  if (minutes < 60) return minutes <= 1 ? "in a minute" : `in ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? "in an hour" : `in ${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? "tomorrow" : `in ${days} days`;
}

export interface SessionOptions {
  /** At most this many cards in the session (default 20). */
  limit?: number;
  /** At most this many never-seen questions (default 10). */
  newCards?: number;
  topic?: string;
  week?: number;
}

export interface Session {
  due: BankQuestion[];
  fresh: BankQuestion[];
  /** How many due cards matched the filter (there may be more than the limit lets in). */
  dueTotal: number;
}

/** The questions that belong to a week: those with at least one topic of that week. */
export function inWeek(q: BankQuestion, week: number): boolean {
  return q.topics.some((t) => TOPICS.find((x) => x.id === t)?.week === week);
}

/** The questions a --topic / --week filter keeps. */
export function inScope(questions: readonly BankQuestion[], opts: { topic?: string; week?: number }): BankQuestion[] {
  return questions.filter(
    (q) =>
      (opts.topic === undefined || q.topics.includes(opts.topic)) && (opts.week === undefined || inWeek(q, opts.week)),
  );
}

/**
 * A quiz session: the due cards first, most overdue first (they are the ones being forgotten), then new questions
 * in course order (by the week of their main topic), within the limits.
 */
export function pickSession(
  questions: readonly BankQuestion[],
  state: ReviewState,
  now: Date,
  opts: SessionOptions = {},
): Session {
  const limit = opts.limit ?? 20;
  const newCards = opts.newCards ?? 10;
  const pool = inScope(questions, opts);
  const dueAll = pool
    .filter((q) => state.cards[q.id] && new Date(state.cards[q.id].card.due).getTime() <= now.getTime())
    .sort((a, b) => Date.parse(state.cards[a.id].card.due) - Date.parse(state.cards[b.id].card.due));
  const due = dueAll.slice(0, limit);
  // New questions in course order: by the week of each question's first (main) topic, then bank order.
  const fresh = pool
    .filter((q) => !state.cards[q.id])
    .map((q, i) => ({ q, i, week: TOPICS.find((t) => t.id === q.topics[0])?.week ?? 9 }))
    .sort((a, b) => a.week - b.week || a.i - b.i)
    .map((x) => x.q)
    .slice(0, Math.max(0, Math.min(newCards, limit - due.length)));
  return { due, fresh, dueTotal: dueAll.length };
}

/** The soonest due date among the (filtered) questions' cards, to tell a learner with nothing due when to come back. */
export function nextDue(questions: readonly BankQuestion[], state: ReviewState): Date | null {
  let best: number | null = null;
  for (const q of questions) {
    const rec = state.cards[q.id];
    if (rec) {
      const t = Date.parse(rec.card.due);
      if (best === null || t < best) best = t;
    }
  }
  return best === null ? null : new Date(best);
}
