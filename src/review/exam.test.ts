import assert from "node:assert/strict";
import { describe, test } from "vitest";
import {
  allocate,
  ExamCoverageError,
  examForm,
  formatReport,
  rereadSections,
  sampleExam,
  scaledScore,
  scoreExam,
  weakest,
} from "./exam";
import { answerText, isCorrect, isNumericCorrect, shuffledOptions } from "./grading";
import type { BankQuestion, ExamDefinition } from "./schema";

describe("allocate: questions per domain by weight (largest remainder)", () => {
  test("the two AWS exams at 20 questions, worked by hand", () => {
    // CLF-C02: 4.8, 6.0, 6.8, 2.4 → floors 4, 6, 6, 2 (18); the 2 left go to the .8s.
    assert.deepEqual(allocate(20, [24, 30, 34, 12]), [5, 6, 7, 2]);
    // AIF-C01: 4, 4.8, 5.6, 2.8, 2.8 → floors 4, 4, 5, 2, 2 (17); the 3 left go to the three .8s.
    assert.deepEqual(allocate(20, [20, 24, 28, 14, 14]), [4, 5, 5, 3, 3]);
  });

  test("always adds up to the length; ties go to the domain listed first", () => {
    // The full mocks: CLF-C02 15.6, 19.5, 22.1, 7.8 → 15, 19, 22, 7 (63); the 2 left go to .8 and .6.
    assert.deepEqual(allocate(65, [24, 30, 34, 12]), [16, 19, 22, 8]);
    // AIF-C01 13, 15.6, 18.2, 9.1, 9.1 → 13, 15, 18, 9, 9 (64); the 1 left goes to .6.
    assert.deepEqual(allocate(65, [20, 24, 28, 14, 14]), [13, 16, 18, 9, 9]);
    for (const n of [1, 7, 13, 65]) {
      assert.equal(
        allocate(n, [24, 30, 34, 12]).reduce((s, c) => s + c, 0),
        n,
      );
    }
    assert.deepEqual(allocate(1, [50, 50]), [1, 0]);
    assert.throws(() => allocate(3, [0, 0]), /positive weights/);
  });
});

const exam: ExamDefinition = {
  name: "mini",
  title: "Mini",
  length: 4,
  minutes: 5,
  domains: [
    { name: "A", weight: 50 },
    { name: "B", weight: 50 },
  ],
};

function q(id: string, domain: string, topic = "w1.iam"): BankQuestion {
  return {
    id,
    topics: [topic],
    type: "single",
    prompt: id,
    options: ["yes", "no"],
    answer: "yes",
    explanation: "e",
    link: { notebook: "n.ipynb", heading: "h" },
    exam: { name: "mini", domain },
    file: "t.yaml",
  } as BankQuestion;
}

describe("sampleExam", () => {
  const bank = [q("a1", "A"), q("a2", "A"), q("a3", "A"), q("b1", "B"), q("b2", "B"), q("other", "A")];
  bank[5] = { ...bank[5], exam: { name: "other", domain: "A" } } as BankQuestion;

  test("draws each domain's share, only from that exam, the same for the same seed", () => {
    const one = sampleExam(bank, exam, 11);
    assert.deepEqual(one.map((i) => i.domain).sort(), ["A", "A", "B", "B"]);
    assert.ok(!one.some((i) => i.question.id === "other"));
    assert.deepEqual(
      sampleExam(bank, exam, 11).map((i) => i.question.id),
      one.map((i) => i.question.id),
    );
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) for (const i of sampleExam(bank, exam, seed)) seen.add(i.question.id);
    assert.deepEqual([...seen].sort(), ["a1", "a2", "a3", "b1", "b2"], "every question gets drawn over some seeds");
  });

  test("a domain without enough questions stops with a clear message", () => {
    assert.throws(
      () => sampleExam(bank.slice(0, 4), exam, 1),
      (e: Error) => {
        assert.ok(e instanceof ExamCoverageError);
        assert.match(e.message, /"B" has 1 of the 2 it needs/);
        return true;
      },
    );
  });
});

describe("the full-length form", () => {
  test("--full takes the exam's full length and time; an exam without one says so", () => {
    assert.deepEqual(examForm(exam, false), { length: 4, minutes: 5, full: false });
    assert.deepEqual(examForm({ ...exam, full: { length: 5, minutes: 7 } }, true), {
      length: 5,
      minutes: 7,
      full: true,
    });
    assert.throws(() => examForm(exam, true), /mini has no full-length form/);
  });

  test("sampleExam draws the given length, split by weight", () => {
    const bank = ["a1", "a2", "a3", "b1", "b2", "b3"].map((id) => q(id, id[0].toUpperCase()));
    const items = sampleExam(bank, exam, 5, 6);
    assert.equal(items.length, 6);
    assert.equal(new Set(items.map((i) => i.question.id)).size, 6, "no question twice");
  });
});

describe("scaled score and sections to reread", () => {
  const passing = { min: 100, max: 1000, score: 700 };

  test("a straight line from min (none right) to max (all right)", () => {
    assert.equal(scaledScore(0, 65, passing), 100);
    assert.equal(scaledScore(65, 65, passing), 1000);
    // 44/65 = 0.677 → 100 + 900 × 0.677 = 709.2 → 709, a pass; 43/65 → 695.4 → 695, not yet.
    assert.equal(scaledScore(44, 65, passing), 709);
    assert.equal(scaledScore(43, 65, passing), 695);
    assert.equal(scaledScore(0, 0, passing), 100, "an empty domain scores the minimum, not NaN");
  });

  test("sections of missed questions, most missed first; right answers do not count", () => {
    const link = (heading: string) => ({ notebook: "n.ipynb", heading });
    const items = [
      { question: { ...q("a1", "A"), link: link("x") }, domain: "A" },
      { question: { ...q("a2", "A"), link: link("y") }, domain: "A" },
      { question: { ...q("b1", "B"), link: link("y") }, domain: "B" },
      { question: { ...q("b2", "B"), link: link("z") }, domain: "B" },
    ] as { question: BankQuestion; domain: string }[];
    assert.deepEqual(rereadSections(items, [false, false, undefined, true]), [
      { link: link("y"), missed: 2 },
      { link: link("x"), missed: 1 },
    ]);
  });

  test("the report: scaled score against the pass mark, per domain above or below, the mapping, sections", () => {
    const withBar = { ...exam, passing };
    const items = [
      { question: q("a1", "A"), domain: "A" },
      { question: q("a2", "A"), domain: "A" },
      { question: q("b1", "B"), domain: "B" },
      { question: q("b2", "B"), domain: "B" },
    ];
    const a = scoreExam(withBar, items, [true, true, true, false], {
      seed: 1,
      seconds: 30,
      timedOut: false,
      full: true,
    });
    assert.equal(a.scaled, 775);
    assert.equal(a.passed, true);
    assert.equal(a.full, true);
    const report = formatReport(a, withBar);
    assert.match(report, /^Mini, full mock: 3\/4 correct \(75%\)/);
    assert.match(report, /Scaled score 775 of 1000 \(pass mark 700\): PASS/);
    assert.match(report, /A\s+50%\s+2\/2 \(100%\)\s+1000\s+above/);
    assert.match(report, /B\s+50%\s+1\/2 \(50%\)\s+550\s+below/);
    assert.match(report, /100 \+ 900 ×\s+the\s+share\s+answered\s+right/);
    assert.match(report, /AWS\s+does\s+not\s+publish\s+how\s+it\s+maps\s+raw\s+scores/);
    assert.match(report, /Notebook sections to reread.*\n\s+1 × notebooks\/n\.ipynb → "h"/);
    const failed = scoreExam(withBar, items, [true, false, false, false], { seed: 1, seconds: 30, timedOut: false });
    assert.match(formatReport(failed, withBar), /Scaled score 325 of 1000 \(pass mark 700\): NOT YET/);
  });
});

describe("scoring", () => {
  const items = [
    { question: q("a1", "A", "w1.iam"), domain: "A" },
    { question: q("a2", "A", "w1.s3"), domain: "A" },
    { question: q("b1", "B", "w1.s3"), domain: "B" },
    { question: q("b2", "B", "w1.ec2"), domain: "B" },
  ];

  test("per domain and per topic; unanswered counts as wrong; the weakest topics named", () => {
    const a = scoreExam(exam, items, [true, false, undefined, true], { seed: 3, seconds: 61.4, timedOut: true });
    assert.equal(a.correct, 2);
    assert.deepEqual(a.domains, [
      { name: "A", correct: 1, total: 2 },
      { name: "B", correct: 1, total: 2 },
    ]);
    assert.deepEqual(a.weakestTopics, ["w1.s3"], "only a topic with a miss is weak");
    assert.equal(a.seconds, 61);
    const report = formatReport(a, exam);
    assert.match(report, /Mini: 2\/4 correct \(50%\), time ran out, 1 min 1 s/);
    assert.match(report, /Weakest topics: w1\.s3 \(0\/2\)\. Review them with: npm run quiz -- --topic w1\.s3/);
  });

  test("weakest: lowest share first, then more misses, then the id", () => {
    const tallies = [
      { name: "x", correct: 1, total: 2 },
      { name: "y", correct: 0, total: 1 },
      { name: "z", correct: 2, total: 4 },
      { name: "w", correct: 3, total: 3 },
    ];
    assert.deepEqual(weakest(tallies, 3), ["y", "z", "x"]);
  });
});

describe("marking answers", () => {
  const base = { id: "m", topics: ["w1.roc"], prompt: "p", explanation: "e", link: { notebook: "n", heading: "h" } };

  test("single, multiple (order does not matter, a subset is wrong), numeric within tolerance", () => {
    const single = { ...base, type: "single" as const, options: ["a", "b"], answer: "b" };
    assert.equal(isCorrect(single, "b"), true);
    assert.equal(isCorrect(single, "a"), false);
    const multiple = { ...base, type: "multiple" as const, options: ["a", "b", "c"], answer: ["a", "c"] };
    assert.equal(isCorrect(multiple, ["c", "a"]), true);
    assert.equal(isCorrect(multiple, ["a"]), false);
    assert.equal(isCorrect(multiple, ["a", "b", "c"]), false);
    const numeric = { ...base, type: "numeric" as const, answer: 0.3, tolerance: 0.01 };
    assert.equal(isCorrect(numeric, 0.309), true);
    assert.equal(isCorrect(numeric, 0.32), false);
    assert.equal(isNumericCorrect(0.3, undefined, 0.1 + 0.2), true, "float noise is not a wrong answer");
    assert.equal(isNumericCorrect(1, 0, Number.NaN), false);
    assert.equal(answerText(numeric), "0.3 (± 0.01)");
    assert.throws(
      () => isCorrect({ ...base, type: "free", answer: "m", rubric: ["a", "b"] }, "x"),
      /free-text question/,
    );
  });

  test("options are shuffled by seed: the same seed, the same order; every option kept", () => {
    const options = ["a", "b", "c", "d", "e"];
    assert.deepEqual(shuffledOptions(options, 5), shuffledOptions(options, 5));
    assert.deepEqual([...shuffledOptions(options, 5)].sort(), options);
    const orders = new Set([1, 2, 3, 4, 5, 6].map((s) => shuffledOptions(options, s).join("")));
    assert.ok(orders.size > 1, "different seeds give different orders");
  });
});
