import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rating } from "ts-fsrs";
import { afterAll, describe, test } from "vitest";
import { editDistance, parseExamArgs, parseQuizArgs, UsageError } from "./args";
import { humanDelay, nextDue, pickSession, retrievability, review } from "./scheduler";
import type { BankQuestion } from "./schema";
import { appendAttempt, freshState, readHistory, readState, writeState } from "./store";

const DAY = 86400000;
const t0 = new Date("2026-03-01T09:00:00Z");

function q(id: string, topic: string): BankQuestion {
  return {
    id,
    topics: [topic],
    type: "numeric",
    prompt: id,
    answer: 1,
    explanation: "e",
    link: { notebook: "n.ipynb", heading: "h" },
    file: "t.yaml",
  } as BankQuestion;
}

describe("FSRS scheduling", () => {
  test("Good pushes a card further out than Again, and a right streak further still", () => {
    const state = freshState();
    const again = review(state, "a", Rating.Again, t0, "quiz").due.getTime();
    const good = review(state, "b", Rating.Good, t0, "quiz").due.getTime();
    assert.ok(good > again, "Good schedules later than Again");
    // Review b again when due, Good twice more: the interval grows to days.
    let at = new Date(good);
    let due = good;
    for (let i = 0; i < 2; i++) {
      due = review(state, "b", Rating.Good, at, "quiz").due.getTime();
      at = new Date(due);
    }
    assert.ok(
      due - good > DAY,
      `after three Goods the next review is over a day away, got ${humanDelay(new Date(due), new Date(good))}`,
    );
    assert.equal(state.cards.b.reviews.length, 3);
    assert.equal(state.cards.a.reviews[0].rating, 1);
  });

  test("retrievability: null for a new card, near 1 right after a review, falling with time", () => {
    const state = freshState();
    review(state, "c", Rating.Good, t0, "quiz");
    const card = state.cards.c.card;
    const now = retrievability(card, t0) ?? 0;
    const later = retrievability(card, new Date(t0.getTime() + 10 * DAY)) ?? 1;
    assert.ok(now > 0.95, `right after a review recall is near 1, got ${now}`);
    assert.ok(later < now, `recall falls over time: ${now} then ${later}`);
    assert.equal(retrievability({ ...card, state: 0, reps: 0 }, t0), null);
  });

  test("a session: due cards first (most overdue first), then new ones in course order, within the limits", () => {
    const bank = [q("n1", "w1.roc"), q("d1", "w1.roc"), q("d2", "w2.cv"), q("n2", "w2.cv"), q("n3", "w1.roc")];
    const state = freshState();
    review(state, "d1", Rating.Again, t0, "quiz");
    review(state, "d2", Rating.Again, new Date(t0.getTime() - DAY), "quiz");
    const now = new Date(t0.getTime() + DAY);
    const all = pickSession(bank, state, now);
    assert.deepEqual(
      all.due.map((x) => x.id),
      ["d2", "d1"],
    );
    assert.deepEqual(
      all.fresh.map((x) => x.id),
      ["n1", "n3", "n2"],
      "new questions by the week of their main topic (w1 before w2), then bank order",
    );
    assert.deepEqual(
      pickSession(bank, state, now, { limit: 3, newCards: 5 }).fresh.map((x) => x.id),
      ["n1"],
    );
    assert.deepEqual(pickSession(bank, state, now, { newCards: 0 }).fresh, []);
    const week2 = pickSession(bank, state, now, { week: 2 });
    assert.deepEqual(
      [...week2.due, ...week2.fresh].map((x) => x.id),
      ["d2", "n2"],
    );
    const roc = pickSession(bank, state, now, { topic: "w1.roc", limit: 1 });
    assert.deepEqual([roc.due.map((x) => x.id), roc.fresh.length, roc.dueTotal], [["d1"], 0, 1]);
    assert.deepEqual(
      pickSession(bank, state, new Date(t0.getTime() - DAY), {}).due.map((x) => x.id),
      [],
      "nothing is due at the moment of review",
    );
    assert.ok(nextDue(bank, state));
  });

  test("humanDelay reads naturally", () => {
    assert.equal(humanDelay(new Date(t0.getTime() + 10 * 60000), t0), "in 10 minutes");
    assert.equal(humanDelay(new Date(t0.getTime() + 3 * 3600000), t0), "in 3 hours");
    assert.equal(humanDelay(new Date(t0.getTime() + DAY), t0), "tomorrow");
    assert.equal(humanDelay(new Date(t0.getTime() + 5 * DAY), t0), "in 5 days");
  });
});

describe("state files", () => {
  const dir = mkdtempSync(join(tmpdir(), "review-store-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("missing → fresh; written and read back unchanged", () => {
    const file = join(dir, "a", "state.json");
    assert.deepEqual(readState(file, { backup: true }), freshState());
    const state = freshState();
    review(state, "x", Rating.Good, t0, "interview");
    writeState(file, state);
    assert.deepEqual(readState(file, { backup: true }), state);
    assert.deepEqual(readdirSync(join(dir, "a")), ["state.json"], "no temporary file left behind");
  });

  test("corrupt (bad JSON or wrong shape): backed up with a message when writing, left alone when only reading", () => {
    for (const [name, content] of [
      ["json", "{oops"],
      ["shape", JSON.stringify({ version: 1, cards: { x: { card: { due: 5 } } } })],
    ]) {
      const sub = join(dir, name);
      const file = join(sub, "state.json");
      rmSync(sub, { recursive: true, force: true });
      mkdirSync(sub);
      writeFileSync(file, content);
      const notes: string[] = [];
      assert.deepEqual(readState(file, { backup: false, note: (m) => notes.push(m) }), freshState());
      assert.ok(existsSync(file), "a read-only view leaves the file where it is");
      assert.match(notes[0], /could not be read.*Showing it as empty/);
      assert.deepEqual(readState(file, { backup: true, note: (m) => notes.push(m) }), freshState());
      assert.ok(!existsSync(file), "the damaged file is moved aside");
      const backups = readdirSync(sub).filter((f) => f.startsWith("state.json.corrupt-"));
      assert.equal(backups.length, 1);
      assert.equal(readFileSync(join(sub, backups[0]), "utf8"), content, "the backup holds the old bytes");
      assert.match(notes[1], new RegExp(`kept as .*${backups[0]}; starting with a fresh one`));
    }
  });

  test("exam history: attempts appended in order", () => {
    const file = join(dir, "exams.json");
    const attempt = {
      exam: "mini",
      title: "Mini",
      at: t0.toISOString(),
      seed: 1,
      minutes: 5,
      seconds: 30,
      timedOut: false,
      correct: 1,
      total: 2,
      domains: [],
      topics: [],
      weakestTopics: [],
    };
    appendAttempt(file, attempt, { backup: true });
    appendAttempt(file, { ...attempt, correct: 2 }, { backup: true });
    assert.deepEqual(
      readHistory(file, { backup: true }).attempts.map((a) => a.correct),
      [1, 2],
    );
  });
});

describe("command-line options", () => {
  test("quiz options are parsed and checked", () => {
    assert.deepEqual(parseQuizArgs(["--topic", "w1.roc", "--limit", "5", "--new", "0", "--seed", "3"]), {
      topic: "w1.roc",
      week: undefined,
      limit: 5,
      newCards: 0,
      seed: 3,
      validate: false,
      help: false,
    });
    assert.throws(() => parseQuizArgs(["--topic", "w1.rocc"]), /Unknown topic "w1\.rocc"\. Did you mean: w1\.roc\?/);
    assert.throws(() => parseQuizArgs(["--limit", "0"]), UsageError);
    assert.throws(() => parseQuizArgs(["--limit", "2.5"]), /--limit must be a whole number/);
    assert.throws(() => parseQuizArgs(["--colour"]), /Unknown option '--colour'/);
    assert.equal(editDistance("kitten", "sitting"), 3);
  });

  test("exam options", () => {
    assert.deepEqual(parseExamArgs(["aws-ai-practitioner", "--seed", "9", "--minutes", "0.5"]), {
      exam: "aws-ai-practitioner",
      seed: 9,
      minutes: 0.5,
      full: false,
      help: false,
    });
    assert.equal(parseExamArgs(["aws-cloud-practitioner", "--full"]).full, true);
    assert.throws(() => parseExamArgs(["a", "b"]), /One exam at a time/);
    assert.throws(() => parseExamArgs(["a", "--minutes", "0"]), /--minutes must be a positive number/);
  });
});
