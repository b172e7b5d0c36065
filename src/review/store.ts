// The review's two state files in .review/: state.json (one FSRS card per question) and exams.json (every practice
// exam taken). Written atomically; an unreadable file is set aside, never overwritten and never silently lost.
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { dirname } from "node:path";
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { writeFileAtomic } from "../workspace/atomic-write";
import type { ExamAttempt } from "./exam";

/** An FSRS card as JSON: ts-fsrs's Card with its dates as ISO strings. */
export const StoredCardSchema = Type.Object({
  due: Type.String(),
  stability: Type.Number(),
  difficulty: Type.Number(),
  elapsed_days: Type.Number(),
  scheduled_days: Type.Number(),
  learning_steps: Type.Number(),
  reps: Type.Integer({ minimum: 0 }),
  lapses: Type.Integer({ minimum: 0 }),
  state: Type.Integer({ minimum: 0, maximum: 3 }),
  last_review: Type.Optional(Type.String()),
});

export const ReviewStateSchema = Type.Object({
  version: Type.Literal(1),
  cards: Type.Record(
    Type.String(),
    Type.Object({
      card: StoredCardSchema,
      /** Every rating given, oldest first: 1 Again, 2 Hard, 3 Good, 4 Easy. */
      reviews: Type.Array(
        Type.Object({
          at: Type.String(),
          rating: Type.Integer({ minimum: 1, maximum: 4 }),
          source: Type.Union([Type.Literal("quiz"), Type.Literal("interview")]),
        }),
      ),
    }),
  ),
});

export type StoredCard = Static<typeof StoredCardSchema>;
export type ReviewState = Static<typeof ReviewStateSchema>;

const Tally = Type.Object({ name: Type.String(), correct: Type.Integer(), total: Type.Integer() });
export const ExamHistorySchema = Type.Object({
  version: Type.Literal(1),
  attempts: Type.Array(
    Type.Object({
      exam: Type.String(),
      title: Type.String(),
      at: Type.String(),
      seed: Type.Number(),
      minutes: Type.Number(),
      seconds: Type.Number(),
      timedOut: Type.Boolean(),
      correct: Type.Integer(),
      total: Type.Integer(),
      domains: Type.Array(Tally),
      topics: Type.Array(Tally),
      weakestTopics: Type.Array(Type.String()),
      // Added with the full-length mock; older attempts lack them.
      full: Type.Optional(Type.Boolean()),
      scaled: Type.Optional(Type.Number()),
      passed: Type.Optional(Type.Boolean()),
      reread: Type.Optional(
        Type.Array(
          Type.Object({
            link: Type.Object({ notebook: Type.String(), heading: Type.String() }),
            missed: Type.Integer(),
          }),
        ),
      ),
    }),
  ),
});
export type ExamHistory = Static<typeof ExamHistorySchema>;

export const freshState = (): ReviewState => ({ version: 1, cards: {} });
export const freshHistory = (): ExamHistory => ({ version: 1, attempts: [] });

export interface ReadOptions {
  /**
   * true (the quiz, exam and interview, which write the file next): move an unreadable file aside as
   * `<file>.corrupt-<timestamp>` so the fresh file written later cannot destroy it. false (progress views, which
   * only read): leave it where it is.
   */
  backup: boolean;
  /** Where to say what happened (the commands print it; tests collect it). */
  note?: (message: string) => void;
}

/** A timestamp safe in a file name on every system (no colons). */
export function fileStamp(at: Date = new Date()): string {
  return at.toISOString().replace(/[:.]/g, "-");
}

function readJson<S extends TSchema>(file: string, schema: S, fresh: () => Static<S>, opts: ReadOptions): Static<S> {
  if (!existsSync(file)) return fresh();
  let why: string;
  try {
    const data: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (Value.Check(schema, data)) return data;
    const first = [...Value.Errors(schema, data)][0];
    why = `unexpected content (${first ? `${first.path || "/"}: ${first.message}` : "wrong shape"})`;
  } catch (e) {
    why = `not valid JSON (${(e as Error).message})`;
  }
  const note = opts.note ?? ((m: string) => console.log(m));
  if (opts.backup) {
    const backup = `${file}.corrupt-${fileStamp()}`;
    renameSync(file, backup);
    note(`${file} could not be read: ${why}. It is kept as ${backup}; starting with a fresh one.`);
  } else {
    note(
      `${file} could not be read: ${why}. Showing it as empty; \`npm run quiz\` will set it aside and start afresh.`,
    );
  }
  return fresh();
}

export function readState(file: string, opts: ReadOptions): ReviewState {
  return readJson(file, ReviewStateSchema, freshState, opts);
}

export function readHistory(file: string, opts: ReadOptions): ExamHistory {
  return readJson(file, ExamHistorySchema, freshHistory, opts);
}

function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(data, null, 1)}\n`);
}

export function writeState(file: string, state: ReviewState): void {
  writeJson(file, state);
}

/** Appends one attempt to the history file (read, append, atomic write). */
export function appendAttempt(file: string, attempt: ExamAttempt, opts: ReadOptions): ExamHistory {
  const history = readHistory(file, opts);
  history.attempts.push(attempt);
  writeJson(file, history);
  return history;
}
