// The question bank's validator, run on the real bank (review/) in `npm test`, and each of its checks proven on
// bad fixtures. The real-bank tests never skip: a gap in coverage fails with the list of what is missing.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../workspace/paths";
import { checkExams, duplicateIdProblems, parseQuestionFile } from "./bank";
import { allocate } from "./exam";
import { headingsOf } from "./headings";
import type { BankQuestion, ExamDefinition } from "./schema";
import {
  coverageOf,
  coverageProblems,
  examTagProblems,
  formatValidation,
  GENERIC_EXAM_LINK,
  genericLinkProblems,
  linkProblems,
  validateBank,
} from "./validate";

const root = findRoot();

describe("the real question bank", () => {
  const v = validateBank(join(root, "review"), join(root, "notebooks"));
  const list = (items: string[]) => `\n  ${items.join("\n  ")}`;

  test("every file parses and every question passes the schema, its answers are among its options, ids unique", () => {
    assert.ok(v.fileProblems.length === 0, `problems in the question files:${list(v.fileProblems)}`);
  });

  test("every link lands on a real notebook heading", () => {
    assert.ok(v.linkProblems.length === 0, `links that do not resolve:${list(v.linkProblems)}`);
  });

  test("no exam question links to the generic exam overview: each links to the section that teaches it", () => {
    assert.ok(v.genericLinkProblems.length === 0, `exam questions to relink:${list(v.genericLinkProblems)}`);
    const generic = v.questions.filter(
      (q) => q.exam && q.link.notebook === GENERIC_EXAM_LINK.notebook && q.link.heading === GENERIC_EXAM_LINK.heading,
    );
    assert.deepEqual(
      generic.map((q) => q.id),
      [],
    );
  });

  test("each exam: a full-length mock and at least `bank` questions, spread over the domains by the official weights", () => {
    for (const exam of v.exams) {
      assert.ok(exam.full && exam.bank, `${exam.name}: exams.yaml needs \`full:\` and \`bank:\``);
      const tagged = v.questions.filter((q) => q.exam?.name === exam.name);
      assert.ok(tagged.length >= exam.bank, `${exam.name}: ${tagged.length} questions, at least ${exam.bank} needed`);
      const weights = exam.domains.map((d) => d.weight);
      const share = allocate(exam.bank, weights);
      const full = allocate(exam.full.length, weights);
      exam.domains.forEach((d, i) => {
        const count = tagged.filter((q) => q.exam?.domain === d.name).length;
        assert.ok(
          count >= Math.max(share[i], full[i]),
          `${exam.name} · ${d.name} (${d.weight}%): ${count} questions, its share of ${exam.bank} is ${share[i]}`,
        );
      });
    }
  });

  test("every exam tag names an exam of exams.yaml and one of its domains", () => {
    assert.ok(v.examTagProblems.length === 0, `bad exam tags:${list(v.examTagProblems)}`);
  });

  test("coverage: 3+ questions per topic, enough per exam domain for one practice exam, the 12 interview questions", () => {
    assert.ok(
      v.coverageProblems.length === 0,
      `the bank does not cover the course yet (${v.coverageProblems.length} gaps):${list(v.coverageProblems)}`,
    );
  });

  test("exams.yaml holds both AWS exams with the official domains, weights adding up to 100", () => {
    const byName = new Map(v.exams.map((e) => [e.name, e]));
    assert.deepEqual(
      byName.get("aws-cloud-practitioner")?.domains.map((d) => [d.name, d.weight]),
      [
        ["Cloud Concepts", 24],
        ["Security and Compliance", 30],
        ["Cloud Technology and Services", 34],
        ["Billing, Pricing, and Support", 12],
      ],
    );
    assert.deepEqual(
      byName.get("aws-ai-practitioner")?.domains.map((d) => [d.name, d.weight]),
      [
        ["Fundamentals of AI and ML", 20],
        ["Fundamentals of Generative AI", 24],
        ["Applications of Foundation Models", 28],
        ["Guidelines for Responsible AI", 14],
        ["Security, Compliance, and Governance for AI Solutions", 14],
      ],
    );
    assert.match(formatValidation(v), /Questions per topic:/);
  });
});

const LINK = 'link: { notebook: nb.ipynb, heading: "Intro" }';
const parse = (yaml: string) => parseQuestionFile(`questions:\n${yaml}`, "questions/test.yaml");

describe("the schema and each question's own checks, on bad fixtures", () => {
  test("a well-formed question of each type loads", () => {
    const r = parse(`
  - { id: a-1, topics: [w1.roc], type: single, prompt: p, options: [x, y], answer: x, explanation: e, ${LINK} }
  - { id: a-2, topics: [w1.roc], type: multiple, prompt: p, options: [x, y, z], answer: [x, z], explanation: e, ${LINK} }
  - { id: a-3, topics: [w1.roc], type: numeric, prompt: p, answer: 0.5, tolerance: 0.01, explanation: e, ${LINK} }
  - { id: a-4, topics: [w1.roc], type: free, prompt: p, answer: m, rubric: [r1, r2], explanation: e, ${LINK} }
  - { id: a-5, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK}, facts: [{ fact: f, source: "https://aws.amazon.com/pricing/", date: "2025-01-31" }] }`);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.items.map((q) => q.type),
      ["single", "multiple", "numeric", "free", "numeric"],
    );
  });

  const cases: [string, string, RegExp][] = [
    ["not YAML", "  - { id: x, [", /not valid YAML/],
    [
      "an unknown type",
      `  - { id: b, topics: [w1.roc], type: essay, prompt: p, explanation: e, ${LINK} }`,
      /type must be one of/,
    ],
    [
      "a bad id",
      `  - { id: B_1, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK} }`,
      /\/id/,
    ],
    [
      "a misspelt field",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explaination: e, ${LINK} }`,
      /\/explanation: Expected required property|explaination/,
    ],
    [
      "a single answer not among the options",
      `  - { id: b, topics: [w1.roc], type: single, prompt: p, options: [x, y], answer: z, explanation: e, ${LINK} }`,
      /"z" is not one of the options/,
    ],
    [
      "a multiple answer item not among the options",
      `  - { id: b, topics: [w1.roc], type: multiple, prompt: p, options: [x, y], answer: [x, q], explanation: e, ${LINK} }`,
      /"q" is not one of the options/,
    ],
    [
      "duplicate options",
      `  - { id: b, topics: [w1.roc], type: single, prompt: p, options: [x, x], answer: x, explanation: e, ${LINK} }`,
      /\/options/,
    ],
    [
      "one option only",
      `  - { id: b, topics: [w1.roc], type: single, prompt: p, options: [x], answer: x, explanation: e, ${LINK} }`,
      /\/options/,
    ],
    [
      "an unquoted number as an option",
      `  - { id: b, topics: [w1.roc], type: single, prompt: p, options: [0.5, "1"], answer: "1", explanation: e, ${LINK} }`,
      /YAML read 0\.5 as a number: put it in quotes/,
    ],
    [
      "an infinite numeric answer",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: .inf, explanation: e, ${LINK} }`,
      /answer/,
    ],
    [
      "options on a numeric question",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, options: [a, b], answer: 1, explanation: e, ${LINK} }`,
      /\/options: Unexpected property/,
    ],
    [
      "a free question with one rubric point",
      `  - { id: b, topics: [w1.roc], type: free, prompt: p, answer: m, rubric: [r1], explanation: e, ${LINK} }`,
      /\/rubric/,
    ],
    [
      "an unknown topic",
      `  - { id: b, topics: [w1.rock], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK} }`,
      /unknown topic id "w1\.rock"/,
    ],
    [
      "a free question tagged for an exam",
      `  - { id: b, topics: [w1.iam], type: free, prompt: p, answer: m, rubric: [r1, r2], explanation: e, ${LINK}, exam: { name: x, domain: y } }`,
      /an exam question must be "single" or "multiple"/,
    ],
    [
      "a fact without a source",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK}, facts: [{ fact: f, date: "2025-01" }] }`,
      /\/facts\/0/,
    ],
    [
      "a fact whose source is not an https address",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK}, facts: [{ fact: f, source: aws.amazon.com, date: "2025-01" }] }`,
      /\/facts\/0\/source/,
    ],
    [
      "a fact with a date that is not YYYY-MM or YYYY-MM-DD",
      `  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK}, facts: [{ fact: f, source: "https://aws.amazon.com/", date: "January 2025" }] }`,
      /\/facts\/0\/date/,
    ],
    [
      "a link to a non-notebook",
      "  - { id: b, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, link: { notebook: a.md, heading: h } }",
      /\/link\/notebook/,
    ],
  ];
  for (const [name, yaml, pattern] of cases) {
    test(`refuses ${name}`, () => {
      const r = parse(yaml);
      assert.equal(r.items.length, 0, `expected the question to be left out, got ${r.items.length}`);
      assert.ok(
        r.problems.some((p) => pattern.test(p)),
        `expected a problem matching ${pattern}, got:\n${r.problems.join("\n")}`,
      );
    });
  }

  test("an empty file or a file without `questions:` is reported", () => {
    assert.match(parseQuestionFile("", "questions/empty.yaml").problems[0], /empty\.yaml: .*the file is empty/);
    assert.match(parseQuestionFile("items: []", "questions/x.yaml").problems[0], /expected `questions:`/);
  });

  test("a duplicated id is reported with both files", () => {
    const a = parse(
      `  - { id: same, topics: [w1.roc], type: numeric, prompt: p, answer: 1, explanation: e, ${LINK} }`,
    ).items;
    const b = a.map((q) => ({ ...q, file: "questions/other.yaml" }));
    assert.deepEqual(duplicateIdProblems([...a, ...b]), [
      "questions/other.yaml: same: the id is already used in questions/test.yaml",
    ]);
  });
});

describe("links, exam tags and coverage, on bad fixtures", () => {
  const dir = mkdtempSync(join(tmpdir(), "review-nb-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const notebook = {
    cells: [
      { cell_type: "markdown", source: ["# Title\n", "## 1. Intro \n", "```bash\n", "# not a heading\n", "```\n"] },
      { cell_type: "code", source: "## not markdown" },
      { cell_type: "markdown", source: "### Deep dive\n#### Too deep" },
    ],
  };
  writeFileSync(join(dir, "nb.ipynb"), JSON.stringify(notebook));
  const q = (over: Partial<BankQuestion>): BankQuestion =>
    ({
      id: "q",
      topics: ["w1.roc"],
      type: "numeric",
      prompt: "p",
      answer: 1,
      explanation: "e",
      link: { notebook: "nb.ipynb", heading: "1. Intro" },
      file: "questions/t.yaml",
      ...over,
    }) as BankQuestion;

  test("headings: #, ## and ### in markdown cells, trimmed; not code cells, not fenced blocks, not ####", () => {
    assert.deepEqual([...headingsOf(JSON.stringify(notebook))].sort(), ["1. Intro", "Deep dive", "Title"]);
  });

  test("a link to a missing notebook or a missing heading is reported; a good one is not", () => {
    const problems = linkProblems(
      [
        q({ id: "good" }),
        q({ id: "good-too", link: { notebook: "nb.ipynb", heading: "  Deep dive " } }),
        q({ id: "no-notebook", link: { notebook: "missing.ipynb", heading: "Intro" } }),
        q({ id: "no-heading", link: { notebook: "nb.ipynb", heading: "not a heading" } }),
        q({ id: "extra", links: [{ notebook: "nb.ipynb", heading: "Too deep" }] }),
      ],
      dir,
    );
    assert.deepEqual(problems, [
      "questions/t.yaml: no-notebook: links to notebooks/missing.ipynb, which does not exist",
      'questions/t.yaml: no-heading: notebooks/nb.ipynb has no heading "not a heading"',
      'questions/t.yaml: extra: notebooks/nb.ipynb has no heading "Too deep"',
    ]);
  });

  const exams: ExamDefinition[] = [
    {
      name: "mini",
      title: "Mini",
      length: 3,
      minutes: 5,
      domains: [
        { name: "A", weight: 67 },
        { name: "B", weight: 33 },
      ],
    },
  ];

  test("an exam tag with an unknown exam or domain is reported", () => {
    const problems = examTagProblems(
      [
        q({ id: "ok", type: "single", exam: { name: "mini", domain: "A" } } as Partial<BankQuestion>),
        q({ id: "bad-exam", exam: { name: "maxi", domain: "A" } }),
        q({ id: "bad-domain", exam: { name: "mini", domain: "a" } }),
      ],
      exams,
    );
    assert.equal(problems.length, 2);
    assert.match(problems[0], /bad-exam: no exam "maxi" in exams\.yaml \(there are: mini\)/);
    assert.match(problems[1], /bad-domain: mini has no domain "a" \(its domains: "A", "B"\)/);
  });

  test("coverage lists each topic under 3, each short exam domain, each missing interview question", () => {
    const bank = [
      ...[1, 2, 3].map((i) => q({ id: `roc-${i}`, exam: { name: "mini", domain: "A" } })),
      q({ id: "linreg-1", topics: ["w1.linreg"], exam: { name: "mini", domain: "B" } }),
      q({ id: "interview-01", topics: ["w8.interviews"], type: "free" }),
    ];
    const c = coverageOf(bank, exams);
    assert.equal(c.topics.find((t) => t.topic === "w1.roc")?.count, 3);
    const problems = coverageProblems(c);
    assert.ok(!problems.some((p) => p.startsWith("topic w1.roc ")), "w1.roc has its 3 questions");
    assert.ok(problems.includes("topic w1.linreg (week 1): 1 of 3 questions"), problems.join("\n"));
    assert.ok(problems.includes("topic w8.interviews (week 8): 1 of 3 questions"));
    // 3 questions at 67/33 → 2 from A, 1 from B: A has 3 and B has 1, so both are enough.
    assert.deepEqual(
      c.domains.map((d) => [d.domain, d.needed, d.count]),
      [
        ["A", 2, 3],
        ["B", 1, 1],
      ],
    );
    assert.ok(!problems.some((p) => p.startsWith("exam")));
    const short = coverageProblems(coverageOf(bank.slice(0, 1), exams));
    assert.ok(short.includes('exam mini, domain "A": 1 of the 2 questions its 67% share needs'), short.join("\n"));
    assert.ok(short.includes('exam mini, domain "B": 0 of the 1 questions its 33% share needs'));
    assert.ok(short.includes("exam mini: 1 of the 3 questions the bank needs"), short.join("\n"));
    assert.ok(!problems.some((p) => p.startsWith("interview question interview-01")));
    assert.ok(
      problems.includes('interview question interview-12: missing (a "free" question with topic w8.interviews)'),
    );
  });

  test("a full mock and a bank minimum raise what each domain needs; exam questions on the generic heading are listed", () => {
    const bigger: ExamDefinition[] = [{ ...exams[0], full: { length: 6, minutes: 9 }, bank: 9 }];
    const bank = [1, 2, 3, 4, 5].map((i) => q({ id: `a-${i}`, exam: { name: "mini", domain: "A" } }));
    const c = coverageOf(bank, bigger);
    // 9 at 67/33 → 6.03 and 2.97 → 6 and 3; the full mock's 6 → 4 and 2; the short exam's 3 → 2 and 1.
    assert.deepEqual(
      c.domains.map((d) => [d.domain, d.needed, d.count]),
      [
        ["A", 6, 5],
        ["B", 3, 0],
      ],
    );
    assert.deepEqual(c.exams, [{ exam: "mini", count: 5, needed: 9 }]);
    const generic = genericLinkProblems([
      q({ id: "tagged", exam: { name: "mini", domain: "A" }, link: { ...GENERIC_EXAM_LINK } }),
      q({ id: "extra-link", exam: { name: "mini", domain: "A" }, links: [{ ...GENERIC_EXAM_LINK }] }),
      q({ id: "untagged", link: { ...GENERIC_EXAM_LINK } }),
    ]);
    assert.equal(generic.length, 2, generic.join("\n"));
    assert.match(generic[0], /tagged: an exam question links to the generic "AWS exam practice" overview/);
    assert.match(generic[1], /extra-link:/);
  });

  test("exams.yaml: weights must add up to 100, names and domains unique", () => {
    const bad = checkExams({
      exams: [
        { ...exams[0], domains: [{ name: "A", weight: 60 }] },
        {
          ...exams[0],
          domains: [
            { name: "A", weight: 50 },
            { name: "A", weight: 50 },
          ],
        },
      ],
    });
    assert.deepEqual(bad.problems, [
      "exams.yaml: mini: the weights add up to 60, not 100",
      'exams.yaml: the exam name "mini" is used twice',
      "exams.yaml: mini: a domain is listed twice",
    ]);
    assert.match(checkExams({ exams: [{ name: "x" }] }).problems[0], /exams\.yaml: \/exams\/0/);
    const badPass = checkExams({ exams: [{ ...exams[0], passing: { min: 100, max: 1000, score: 1200 } }] });
    assert.deepEqual(badPass.problems, ["exams.yaml: mini: passing needs min <= score <= max and min < max"]);
  });
});
