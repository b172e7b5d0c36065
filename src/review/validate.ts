// The question bank's validator: `npm test` runs it (validate.test.ts), `npm run quiz -- --validate` prints it.
// It checks what a single file cannot know by itself: that links land on real notebook headings, that exam tags
// name real exams and domains, and that the bank covers the curriculum, both exams and the 12 interview questions.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { TOPICS } from "../curriculum/topics";
import { loadBank, loadExams } from "./bank";
import { allocate } from "./exam";
import { notebookHeadings } from "./headings";
import { INTERVIEW_QUESTIONS, INTERVIEW_TOPIC } from "./interview";
import type { BankQuestion, ExamDefinition } from "./schema";

/** Questions each curriculum topic needs at least. */
export const MIN_PER_TOPIC = 3;

/** Every link (and extra link) names a notebook in `notebooksDir` and one of its headings. */
export function linkProblems(questions: readonly BankQuestion[], notebooksDir: string): string[] {
  const cache = new Map<string, Set<string> | null>();
  const headings = (notebook: string) => {
    if (!cache.has(notebook)) {
      const file = join(notebooksDir, notebook);
      cache.set(notebook, existsSync(file) ? notebookHeadings(file) : null);
    }
    return cache.get(notebook) ?? null;
  };
  const problems: string[] = [];
  for (const q of questions) {
    for (const link of [q.link, ...(q.links ?? [])]) {
      const found = headings(link.notebook);
      if (found === null)
        problems.push(`${q.file}: ${q.id}: links to notebooks/${link.notebook}, which does not exist`);
      else if (!found.has(link.heading.trim())) {
        problems.push(`${q.file}: ${q.id}: notebooks/${link.notebook} has no heading "${link.heading}"`);
      }
    }
  }
  return problems;
}

/**
 * The review notebook's overview of the two exams: it explains the exams' format, not their content, so an exam
 * question linked there sends a learner who missed it nowhere useful.
 */
export const GENERIC_EXAM_LINK = { notebook: "week-08-review.ipynb", heading: "AWS exam practice" } as const;

/** Exam questions that link (by `link` or `links`) to the generic exam overview instead of a teaching section. */
export function genericLinkProblems(questions: readonly BankQuestion[]): string[] {
  return questions
    .filter(
      (q) =>
        q.exam &&
        [q.link, ...(q.links ?? [])].some(
          (l) => l.notebook === GENERIC_EXAM_LINK.notebook && l.heading.trim() === GENERIC_EXAM_LINK.heading,
        ),
    )
    .map(
      (q) =>
        `${q.file}: ${q.id}: an exam question links to the generic "${GENERIC_EXAM_LINK.heading}" overview; link the section that teaches it`,
    );
}

/** Every `exam:` tag names an exam of exams.yaml and one of its domains, spelt exactly. */
export function examTagProblems(questions: readonly BankQuestion[], exams: readonly ExamDefinition[]): string[] {
  const problems: string[] = [];
  for (const q of questions) {
    if (!q.exam) continue;
    const exam = exams.find((e) => e.name === q.exam?.name);
    if (!exam) {
      problems.push(
        `${q.file}: ${q.id}: no exam "${q.exam.name}" in exams.yaml (there are: ${exams.map((e) => e.name).join(", ")})`,
      );
    } else if (!exam.domains.some((d) => d.name === q.exam?.domain)) {
      problems.push(
        `${q.file}: ${q.id}: ${exam.name} has no domain "${q.exam.domain}" (its domains: ${exam.domains.map((d) => `"${d.name}"`).join(", ")})`,
      );
    }
  }
  return problems;
}

export interface Coverage {
  topics: { topic: string; week: number; count: number }[];
  exams: { exam: string; count: number; needed: number }[];
  /** `needed`: the most of one short practice exam's draw, one full mock's draw and the bank minimum's share. */
  domains: { exam: string; domain: string; weight: number; needed: number; count: number }[];
  interview: { id: string; present: boolean }[];
}

/** How many questions each topic, each exam domain and each interview slot has. */
export function coverageOf(questions: readonly BankQuestion[], exams: readonly ExamDefinition[]): Coverage {
  const topics = TOPICS.map((t) => ({
    topic: t.id as string,
    week: t.week as number,
    count: questions.filter((q) => q.topics.includes(t.id)).length,
  }));
  const domains = exams.flatMap((exam) => {
    const weights = exam.domains.map((d) => d.weight);
    const sizes = [exam.length, exam.full?.length ?? 0, exam.bank ?? 0].filter((n) => n > 0);
    const needed = weights.map((_, i) => Math.max(...sizes.map((n) => allocate(n, weights)[i])));
    return exam.domains.map((d, i) => ({
      exam: exam.name,
      domain: d.name,
      weight: d.weight,
      needed: needed[i],
      count: questions.filter((q) => q.exam?.name === exam.name && q.exam.domain === d.name).length,
    }));
  });
  const interview = INTERVIEW_QUESTIONS.map((iq) => ({
    id: iq.id as string,
    present: questions.some((q) => q.id === iq.id && q.type === "free" && q.topics.includes(INTERVIEW_TOPIC)),
  }));
  const examTotals = exams.map((exam) => ({
    exam: exam.name,
    count: questions.filter((q) => q.exam?.name === exam.name).length,
    needed: Math.max(exam.length, exam.full?.length ?? 0, exam.bank ?? 0),
  }));
  return { topics, exams: examTotals, domains, interview };
}

/** What the coverage lacks, one line per topic, domain or interview question, so the gaps read as a to-do list. */
export function coverageProblems(c: Coverage): string[] {
  const problems: string[] = [];
  for (const t of c.topics) {
    if (t.count < MIN_PER_TOPIC)
      problems.push(`topic ${t.topic} (week ${t.week}): ${t.count} of ${MIN_PER_TOPIC} questions`);
  }
  for (const e of c.exams) {
    if (e.count < e.needed) problems.push(`exam ${e.exam}: ${e.count} of the ${e.needed} questions the bank needs`);
  }
  for (const d of c.domains) {
    if (d.count < d.needed) {
      problems.push(
        `exam ${d.exam}, domain "${d.domain}": ${d.count} of the ${d.needed} questions its ${d.weight}% share needs`,
      );
    }
  }
  for (const i of c.interview) {
    if (!i.present)
      problems.push(`interview question ${i.id}: missing (a "free" question with topic ${INTERVIEW_TOPIC})`);
  }
  return problems;
}

export interface Validation {
  questions: BankQuestion[];
  exams: ExamDefinition[];
  /** Schema, answers, ids, topics, exams.yaml itself. */
  fileProblems: string[];
  linkProblems: string[];
  /** Exam questions linked to the generic exam overview (GENERIC_EXAM_LINK). */
  genericLinkProblems: string[];
  examTagProblems: string[];
  coverage: Coverage;
  coverageProblems: string[];
}

/** The whole validation of a bank folder (`questions/` and `exams.yaml`) against a notebooks folder. */
export function validateBank(bankDir: string, notebooksDir: string): Validation {
  const bank = loadBank(join(bankDir, "questions"));
  const exams = loadExams(join(bankDir, "exams.yaml"));
  const coverage = coverageOf(bank.items, exams.items);
  return {
    questions: bank.items,
    exams: exams.items,
    fileProblems: [...bank.problems, ...exams.problems],
    linkProblems: linkProblems(bank.items, notebooksDir),
    genericLinkProblems: genericLinkProblems(bank.items),
    examTagProblems: examTagProblems(bank.items, exams.items),
    coverage,
    coverageProblems: coverageProblems(coverage),
  };
}

const pct = (n: number, total: number) => (total ? `${((100 * n) / total).toFixed(1)}%` : "-");

/** The validation as text: problems by kind, then the counts per topic and per exam domain. */
export function formatValidation(v: Validation): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    lines.push(`${items.length ? "✗" : "✓"} ${title}: ${items.length ? `${items.length} problem(s)` : "ok"}`);
    for (const p of items) lines.push(`    ${p}`);
  };
  lines.push(`${v.questions.length} valid questions, ${v.exams.length} exams`);
  section("files (schema, answers, ids, topics)", v.fileProblems);
  section("links to notebook headings", v.linkProblems);
  section(`exam questions linked to the generic "${GENERIC_EXAM_LINK.heading}" heading`, v.genericLinkProblems);
  section("exam tags", v.examTagProblems);
  section("coverage", v.coverageProblems);
  lines.push("", "Questions per topic:");
  for (const week of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const row = v.coverage.topics.filter((t) => t.week === week).map((t) => `${t.topic} ${t.count}`);
    lines.push(`  week ${week}: ${row.join(", ")}`);
  }
  lines.push("", "Questions per exam (have / needed) and per domain (have, share of the exam's questions / needed):");
  for (const e of v.coverage.exams) {
    const generic = v.genericLinkProblems.filter((p) =>
      v.questions.some((q) => q.exam?.name === e.exam && p.includes(`: ${q.id}: `)),
    ).length;
    lines.push(`  ${e.exam}: ${e.count} / ${e.needed}, links to "${GENERIC_EXAM_LINK.heading}": ${generic}`);
    for (const d of v.coverage.domains.filter((x) => x.exam === e.exam)) {
      lines.push(`    ${d.domain} (${d.weight}%): ${d.count}, ${pct(d.count, e.count)} / ${d.needed}`);
    }
  }
  const present = v.coverage.interview.filter((i) => i.present).length;
  lines.push("", `Interview questions: ${present} of ${v.coverage.interview.length}`);
  return lines.join("\n");
}
