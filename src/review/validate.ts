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
    const needed = allocate(
      exam.length,
      exam.domains.map((d) => d.weight),
    );
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
  return { topics, domains, interview };
}

/** What the coverage lacks, one line per topic, domain or interview question, so the gaps read as a to-do list. */
export function coverageProblems(c: Coverage): string[] {
  const problems: string[] = [];
  for (const t of c.topics) {
    if (t.count < MIN_PER_TOPIC)
      problems.push(`topic ${t.topic} (week ${t.week}): ${t.count} of ${MIN_PER_TOPIC} questions`);
  }
  for (const d of c.domains) {
    if (d.count < d.needed) {
      problems.push(
        `exam ${d.exam}, domain "${d.domain}": ${d.count} of the ${d.needed} questions one practice exam draws`,
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
    examTagProblems: examTagProblems(bank.items, exams.items),
    coverage,
    coverageProblems: coverageProblems(coverage),
  };
}

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
  section("exam tags", v.examTagProblems);
  section("coverage", v.coverageProblems);
  lines.push("", "Questions per topic:");
  for (const week of [1, 2, 3, 4, 5, 6, 7, 8]) {
    const row = v.coverage.topics.filter((t) => t.week === week).map((t) => `${t.topic} ${t.count}`);
    lines.push(`  week ${week}: ${row.join(", ")}`);
  }
  lines.push("", "Questions per exam domain (have / one practice exam draws):");
  for (const d of v.coverage.domains) lines.push(`  ${d.exam} · ${d.domain} (${d.weight}%): ${d.count} / ${d.needed}`);
  const present = v.coverage.interview.filter((i) => i.present).length;
  lines.push("", `Interview questions: ${present} of ${v.coverage.interview.length}`);
  return lines.join("\n");
}
