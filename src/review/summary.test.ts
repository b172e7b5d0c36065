// The progress summary shared by `npm run progress` and the week-8 notebook, and the figures the notebook draws.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rating } from "ts-fsrs";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../workspace/paths";
import { loadBank } from "./bank";
import { examDomainsFigure, examScoresFigure, forgettingFigure, recallFigure, solvedFigure } from "./charts";
import type { ExamAttempt } from "./exam";
import { headingHref } from "./notebook";
import { reviewPaths } from "./paths";
import { review } from "./scheduler";
import { appendAttempt, freshHistory, freshState, writeState } from "./store";
import { examSeries, formatSummary, recallByTopic, reviewNext, summarize } from "./summary";

const root = findRoot();
const DAY = 86400000;
const bankDir = join(root, "src", "review", "fixtures", "bank");
const fixture = loadBank(join(bankDir, "questions")).items;

function attempt(correct: number, at: string, weak: string[]): ExamAttempt {
  return {
    exam: "practice-mini",
    title: "Mini practice exam",
    at,
    seed: 1,
    minutes: 5,
    seconds: 60,
    timedOut: false,
    correct,
    total: 4,
    domains: [],
    topics: [{ name: "w1.s3", correct: 0, total: 2 }],
    weakestTopics: weak,
  };
}

describe("progress summary", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const now = new Date("2026-05-10T12:00:00Z");

  test("a fresh clone: no state files, nothing reviewed, the first topics suggested, no error", () => {
    const dir = mkdtempSync(join(tmpdir(), "review-sum-"));
    dirs.push(dir);
    const s = summarize(reviewPaths(root, { STUDY_REVIEW_DIR: dir, STUDY_REVIEW_BANK: bankDir }), now);
    assert.deepEqual(s.recall, []);
    assert.deepEqual(s.exams, []);
    assert.equal(s.reviewed, 0);
    assert.equal(s.questions, fixture.length);
    assert.ok(s.weeks.length > 0, "solved exercises are counted per week from the manifest");
    assert.equal(
      s.next[0].topic,
      "w1.linreg",
      "with nothing reviewed, course order: week 1's first topic with questions",
    );
    assert.match(s.next[0].reason, /not reviewed yet/);
    const text = formatSummary(s);
    assert.match(text, /nothing reviewed yet: start with `npm run quiz`/);
    assert.match(text, /no practice exam yet/);
  });

  test("with state: recall per topic, exam scores in order, the weakest first in 'review next'", () => {
    const dir = mkdtempSync(join(tmpdir(), "review-sum-"));
    dirs.push(dir);
    const state = freshState();
    review(state, "fx-single", Rating.Good, new Date(now.getTime() - 30 * DAY), "quiz"); // w1.roc, long ago
    review(state, "fx-numeric", Rating.Good, new Date(now.getTime() - 60000), "quiz"); // w1.linreg, just now
    writeState(join(dir, "state.json"), state);
    appendAttempt(join(dir, "exams.json"), attempt(2, "2026-05-01T10:00:00Z", ["w1.s3"]), { backup: true });
    appendAttempt(join(dir, "exams.json"), attempt(3, "2026-05-08T10:00:00Z", ["w1.s3"]), { backup: true });
    const s = summarize(reviewPaths(root, { STUDY_REVIEW_DIR: dir, STUDY_REVIEW_BANK: bankDir }), now);
    const roc = s.recall.find((r) => r.topic === "w1.roc");
    const linreg = s.recall.find((r) => r.topic === "w1.linreg");
    assert.ok(roc && linreg, "both reviewed topics have a recall");
    assert.ok(
      roc.recall < linreg.recall,
      `a card reviewed a month ago is recalled less: ${roc.recall} vs ${linreg.recall}`,
    );
    assert.equal(roc.due, 1);
    assert.deepEqual(
      s.exams[0].attempts.map((a) => a.percent),
      [50, 75],
    );
    assert.equal(s.next[0].topic, "w1.s3", "0/2 in the last exam beats any recall");
    assert.equal(s.next[1].topic, "w1.roc", "then the topic being forgotten");
    assert.ok(!s.next.some((n) => n.topic === "w1.linreg"), "a topic just reviewed (recall ~100%) is not suggested");
    assert.match(formatSummary(s), /Mini practice exam: 50% \(2026-05-01\) → 75% \(2026-05-08\)/);
  });

  test("an unreadable state file is reported, not moved, by the read-only summary", () => {
    const dir = mkdtempSync(join(tmpdir(), "review-sum-"));
    dirs.push(dir);
    writeFileSync(join(dir, "state.json"), "garbage");
    const s = summarize(reviewPaths(root, { STUDY_REVIEW_DIR: dir, STUDY_REVIEW_BANK: bankDir }), now);
    assert.equal(s.notes.length, 1);
    assert.match(s.notes[0], /state\.json could not be read/);
    assert.deepEqual(s.recall, []);
  });

  test("reviewNext keeps at most n topics and skips topics above the target recall with nothing due", () => {
    const recall = [
      { topic: "w1.roc", week: 1, recall: 0.95, cards: 1, due: 0 },
      { topic: "w2.cv", week: 2, recall: 0.6, cards: 2, due: 2 },
    ];
    const next = reviewNext(fixture, recall, freshHistory(), 2);
    assert.equal(next.length, 2);
    assert.equal(next[0].topic, "w2.cv");
    assert.notEqual(next[1].topic, "w1.roc");
    assert.deepEqual(recallByTopic(fixture, freshState(), new Date()), []);
    assert.deepEqual(examSeries(freshHistory()), []);
  });
});

describe("figures for the notebook", () => {
  test("each figure has its data and a title", () => {
    const s = {
      at: "",
      weeks: [
        { week: 1, solved: 2, total: 5 },
        { week: 2, solved: 0, total: 3 },
      ],
      recall: [{ topic: "w1.roc", week: 1, recall: 0.8, cards: 2, due: 1 }],
      exams: [{ exam: "x", title: "X", attempts: [{ n: 1, at: "", percent: 50, label: "2/4" }] }],
      next: [],
      questions: 1,
      reviewed: 1,
      due: 1,
      notes: [],
    };
    assert.deepEqual(solvedFigure(s).data[0].x, ["week 1 (2/5)", "week 2 (0/3)"]);
    assert.deepEqual(recallFigure(s).data[0].x, [80]);
    assert.deepEqual(examScoresFigure(s).data[0].y, [50]);
    const exam = {
      name: "practice-mini",
      title: "Mini",
      length: 4,
      minutes: 5,
      domains: [
        { name: "Alpha", weight: 50 },
        { name: "Beta", weight: 50 },
      ],
    };
    assert.deepEqual(examDomainsFigure(exam, fixture).data[0].y, [
      "Alpha (2 per practice exam, 3 in the bank)",
      "Beta (2 per practice exam, 3 in the bank)",
    ]);
  });

  test("forgetting curves: start at 100%, fall, and fall slower after more reviews", () => {
    const fig = forgettingFigure(30);
    const ys = fig.data.map((t) => t.y as number[]);
    for (const y of ys) {
      assert.ok(Math.abs(y[0] - 100) < 1e-6);
      assert.ok(y[30] < y[0]);
    }
    assert.ok(ys[0][30] < ys[1][30] && ys[1][30] < ys[2][30], "each review flattens the curve");
  });

  test("heading links use JupyterLab's anchors (spaces become dashes)", () => {
    assert.equal(
      headingHref({ notebook: "week-08-review.ipynb", heading: "Mock interview: the 12 questions" }),
      "week-08-review.ipynb#Mock-interview:-the-12-questions",
    );
  });
});
