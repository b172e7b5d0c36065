// quiz, exam and interview driven end to end through their real interface: each test spawns the script, types
// keystrokes into its stdin and reads its stdout (see drive.ts for why a pipe, not a pseudo-terminal). They run on
// a small fixed bank (fixtures/bank) and a temporary state folder, so they never touch the learner's .review/.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../workspace/paths";
import { Driver, KEYS } from "./drive";

const root = findRoot();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), "review-state-"));
  dirs.push(d);
  return d;
}

function run(script: string, args: string[], dir: string, extra: Record<string, string> = {}): Driver {
  return new Driver(root, script, args, {
    STUDY_REVIEW_BANK: join(root, "src", "review", "fixtures", "bank"),
    STUDY_REVIEW_DIR: dir,
    ...extra,
  });
}

/** Runs `body`, and on failure still ends the process, so a broken test never leaves a prompt waiting. */
async function session(d: Driver, body: () => Promise<void>) {
  try {
    await body();
  } finally {
    d.kill();
  }
}

// Tests in this group run side by side: each spawns its own process on its own state folder.
describe("review commands, end to end", { concurrent: true }, () => {
  test("quiz: a corrupt state is backed up; each type answered, a bad number re-asked; the state saved", async () => {
    const dir = stateDir();
    writeFileSync(join(dir, "state.json"), "{ this is not JSON");
    const d = run("quiz.ts", ["--week", "1", "--new", "4", "--limit", "4", "--seed", "1"], dir);
    await session(d, async () => {
      await d.expect(/could not be read: not valid JSON.*kept as .*state\.json\.corrupt-/);
      await d.expect("4 cards (0 due, 4 new)");
      // single, answered right (options are shuffled: the driver reads each option's number off the screen)
      d.send((await d.keyFor("0.5")) + KEYS.enter);
      await d.expect("✔ Right.");
      await d.expect('→ notebooks/week-01-ml-fundamentals.ipynb → "5. ROC curve and AUC"');
      // multiple, half right: marked wrong, the full answer and the explanation shown
      d.send((await d.keyFor("true positives")) + KEYS.enter);
      await d.expect("✘ Not quite. The answer: true positives; false positives");
      await d.expect("Precision is TP / (TP + FP)");
      // numeric: text is refused and asked again, then a number within tolerance is right
      await d.expect("Your answer (a number)");
      d.send(`abc${KEYS.enter}`);
      await d.expect("You must provide a valid numeric value");
      d.send(`${KEYS.clearLine}2.505${KEYS.enter}`);
      await d.expect("✔ Right.");
      // free: the model answer and the rubric, then a self-rating (Hard)
      await d.expect("Your answer (write it");
      d.send(`compare with held-out data${KEYS.enter}`);
      await d.expect("Model answer:");
      await d.expect("• the gap between train and test scores");
      await d.expect("How did you do?");
      d.send(`2${KEYS.enter}`);
      await d.expect("Done: 2 of 3 marked answers right, 1 self-rated.");
      const { code } = await d.done();
      assert.equal(code, 0, "the quiz ends with exit code 0");
    });
    const backups = readdirSync(dir).filter((f) => f.startsWith("state.json.corrupt-"));
    assert.equal(backups.length, 1, `expected one backup of the corrupt state, got ${backups.join(", ")}`);
    assert.equal(readFileSync(join(dir, backups[0]), "utf8"), "{ this is not JSON", "the backup keeps the old bytes");
    const state = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
    const ratings = Object.fromEntries(
      Object.entries(state.cards).map(([id, c]) => [id, (c as { reviews: { rating: number }[] }).reviews[0].rating]),
    );
    // Right → Good (3), wrong → Again (1), self-rated Hard → 2.
    assert.deepEqual(ratings, { "fx-single": 3, "fx-multiple": 1, "fx-numeric": 3, "fx-free": 2 });
  });

  test("quiz: due cards come first, Ctrl-C stops cleanly; bad options get a clear message", async () => {
    const dir = stateDir();
    const past = "2026-01-01T10:00:00.000Z";
    // Two cards reviewed on 1 January, due on the 2nd and the 3rd; "now" is the 5th, so both are due.
    const cardWith = (due: string) => ({
      card: {
        due,
        stability: 1,
        difficulty: 5,
        elapsed_days: 0,
        scheduled_days: 1,
        learning_steps: 0,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review: past,
      },
      reviews: [{ at: past, rating: 3, source: "quiz" }],
    });
    writeFileSync(
      join(dir, "state.json"),
      JSON.stringify({
        version: 1,
        cards: {
          "fx-numeric": cardWith("2026-01-03T10:00:00.000Z"),
          "fx-single": cardWith("2026-01-02T10:00:00.000Z"),
        },
      }),
    );
    const d = run("quiz.ts", ["--week", "1", "--new", "0"], dir, { STUDY_REVIEW_NOW: "2026-01-05T10:00:00.000Z" });
    await session(d, async () => {
      await d.expect("2 cards (2 due, 0 new)");
      // The most overdue card first.
      await d.expect("What AUC does a classifier");
      await d.choices();
      d.send(KEYS.ctrlC);
      await d.expect("Stopped. 0 answer(s) saved.");
      assert.equal((await d.done()).code, 0);
    });
    const bad = run("quiz.ts", ["--week", "9"], dir);
    const result = await bad.done();
    assert.equal(result.code, 2, "a bad option exits with code 2");
    assert.match(result.out, /--week must be a whole number from 1 to 8, got "9"/);
  });

  test("exam: an unknown exam lists the exams; a seeded exam is scored per domain and saved", async () => {
    const dir = stateDir();
    const unknown = await run("exam.ts", ["aws-cloud-practicioner"], dir).done();
    assert.equal(unknown.code, 2);
    assert.match(
      unknown.out,
      /Unknown exam "aws-cloud-practicioner"\. The exams are:\n\s+practice-mini\s+Mini practice/,
    );

    const d = run("exam.ts", ["practice-mini", "--seed", "7"], dir);
    await session(d, async () => {
      await d.expect("Mini practice exam: practice exam, 4 questions, 5 minutes.");
      let missedOne = false;
      for (let i = 1; i <= 4; i++) {
        await d.expect(`[${i}/4]`);
        const prompt = await d.expect(/(Alpha|Beta) question (\d)/);
        const [, domain, n] = /(Alpha|Beta) question (\d)\s*$/.exec(prompt) ?? [];
        const tag = `${domain === "Alpha" ? "a" : "b"}${n}`;
        const options = await d.choices();
        if (tag === "b2") {
          // The multiple-choice question: tick both right options.
          d.send(`${options.get("right b2")}${options.get("also right b2")}${KEYS.enter}`);
        } else if (!missedOne) {
          missedOne = true;
          d.send(`${options.get(`wrong ${tag}`)}${KEYS.enter}`);
        } else {
          d.send(`${options.get(`right ${tag}`)}${KEYS.enter}`);
        }
      }
      await d.expect("Score report");
      await d.expect("Mini practice exam: 3/4 correct (75%)");
      await d.expect(/Alpha\s+50%\s+\d\/2/);
      await d.expect(/Beta\s+50%\s+\d\/2/);
      await d.expect(/Weakest topics: w1\.[a-z0-9-]+ \(0\/\d\)/);
      await d.expect("The 1 question(s) to learn from:");
      assert.equal((await d.done()).code, 0);
    });
    const history = JSON.parse(readFileSync(join(dir, "exams.json"), "utf8"));
    assert.equal(history.attempts.length, 1);
    assert.equal(
      history.attempts[0].correct,
      3,
      `expected 3 correct in exams.json, got ${history.attempts[0].correct}`,
    );
    assert.deepEqual(
      history.attempts[0].domains.map((x: { total: number }) => x.total),
      [2, 2],
      "two questions per domain",
    );
  });

  test("exam: when the time runs out the prompt closes and the rest counts as wrong", async () => {
    const dir = stateDir();
    writeFileSync(join(dir, "exams.json"), "[1, 2");
    const d = run("exam.ts", ["practice-mini", "--seed", "1", "--minutes", "0.02"], dir);
    await session(d, async () => {
      await d.expect(/exams\.json could not be read.*kept as .*exams\.json\.corrupt-/);
      await d.expect("[1/4]");
      await d.expect("Time is up");
      await d.expect("Mini practice exam: 0/4 correct (0%), time ran out");
      await d.expect("not reached");
      assert.equal((await d.done()).code, 0);
    });
    assert.ok(existsSync(join(dir, "exams.json")), "the attempt is saved in a fresh exams.json");
  });

  test("interview: model answer and rubric revealed, self-ratings feed the scheduler", async () => {
    const dir = stateDir();
    const d = run("interview.ts", [], dir);
    await session(d, async () => {
      await d.expect("Not in the bank yet, skipped: interview-03");
      await d.expect("Mock interview: 2 questions.");
      await d.expect("supervised and unsupervised learning?");
      await d.expect("Your answer");
      d.send(`labels versus no labels${KEYS.enter}`);
      await d.expect("Model answer:");
      await d.expect("• an example of each");
      await d.choices();
      d.send(`1${KEYS.enter}`);
      await d.expect("What is a Dockerfile?");
      await d.expect("Your answer");
      d.send(KEYS.enter);
      await d.expect("• layers and caching");
      await d.choices();
      d.send(`4${KEYS.enter}`);
      await d.expect("Done. Your ratings: Again 1, Hard 0, Good 0, Easy 1.");
      assert.equal((await d.done()).code, 0);
    });
    const state = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
    assert.deepEqual(Object.keys(state.cards).sort(), ["interview-01", "interview-02"]);
    assert.equal(state.cards["interview-01"].reviews[0].source, "interview");
    assert.equal(state.cards["interview-01"].reviews[0].rating, 1, "Again is rating 1");
    assert.equal(state.cards["interview-02"].reviews[0].rating, 4, "Easy is rating 4");
    const dueAgain = Date.parse(state.cards["interview-01"].card.due);
    const dueEasy = Date.parse(state.cards["interview-02"].card.due);
    assert.ok(dueEasy > dueAgain, "a question rated Easy comes back later than one rated Again");
  });
});
