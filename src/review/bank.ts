// Loading the question bank and the exam definitions. Everything a file's own content can get wrong is found here
// (schema, answers, ids, topics); what needs the rest of the workspace (notebook links, exam names, coverage) is
// checked in validate.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type TObject, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { parse } from "yaml";
import { isTopicId } from "../curriculum/topics";
import {
  type BankQuestion,
  type ExamDefinition,
  ExamsFileSchema,
  QUESTION_SCHEMAS,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
} from "./schema";

export interface Loaded<T> {
  items: T[];
  /** Every problem found, each starting with the file (and the question id when there is one). */
  problems: string[];
}

const FileSchema = Type.Object({ questions: Type.Array(Type.Unknown()) }, { additionalProperties: false });

/** TypeBox's errors for one value, as "path: message" lines, with a hint for YAML's most common trap. */
function schemaErrors(schema: TObject, value: unknown): string[] {
  return [...Value.Errors(schema, value)].map((e) => {
    const yamlTrap = e.message === "Expected string" && typeof e.value !== "string" && e.value !== undefined;
    const kind =
      e.value === null
        ? "null"
        : Array.isArray(e.value)
          ? "a list"
          : typeof e.value === "object"
            ? 'a mapping (is there a ": " in it?)'
            : `a ${typeof e.value}`;
    const hint = yamlTrap ? ` (YAML read ${JSON.stringify(e.value)} as ${kind}: put it in quotes)` : "";
    return `${e.path || "/"}: ${e.message}${hint}`;
  });
}

function parseYaml(text: string, file: string): { data?: unknown; problem?: string } {
  try {
    return { data: parse(text) };
  } catch (e) {
    return { problem: `${file}: not valid YAML: ${(e as Error).message.split("\n")[0]}` };
  }
}

/** One question's own consistency, beyond the schema: topics, answers among options, finite numbers, exam format. */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  for (const t of q.topics) {
    if (!isTopicId(t)) problems.push(`unknown topic id "${t}" (the ids are in src/curriculum/topics.ts)`);
  }
  if (new Set(q.topics).size !== q.topics.length) problems.push("a topic is listed twice");
  if (q.type === "single" && !q.options.includes(q.answer)) {
    problems.push(`the answer ${JSON.stringify(q.answer)} is not one of the options (they must match exactly)`);
  }
  if (q.type === "multiple") {
    for (const a of q.answer) {
      if (!q.options.includes(a)) problems.push(`the answer ${JSON.stringify(a)} is not one of the options`);
    }
  }
  if (q.type === "numeric") {
    if (!Number.isFinite(q.answer)) problems.push(`the answer must be a finite number, got ${q.answer}`);
    if (q.tolerance !== undefined && !Number.isFinite(q.tolerance)) problems.push("the tolerance must be finite");
  }
  if (q.exam && q.type !== "single" && q.type !== "multiple") {
    problems.push(`an exam question must be "single" or "multiple" (the exams' formats), not "${q.type}"`);
  }
  return problems;
}

/** Parses one question file's text; `file` names it in messages. Invalid questions are reported and left out. */
export function parseQuestionFile(text: string, file: string): Loaded<BankQuestion> {
  const { data, problem } = parseYaml(text, file);
  if (problem) return { items: [], problems: [problem] };
  if (!Value.Check(FileSchema, data)) {
    const why = data == null ? "the file is empty" : schemaErrors(FileSchema, data).join("; ");
    return { items: [], problems: [`${file}: expected \`questions:\` with a list of questions: ${why}`] };
  }
  const items: BankQuestion[] = [];
  const problems: string[] = [];
  data.questions.forEach((raw, index) => {
    const rec = (raw ?? {}) as Record<string, unknown>;
    const name = typeof rec.id === "string" && rec.id ? rec.id : `question #${index + 1}`;
    const type = rec.type as QuestionType;
    if (!QUESTION_TYPES.includes(type)) {
      problems.push(
        `${file}: ${name}: /type must be one of ${QUESTION_TYPES.join(", ")}, got ${JSON.stringify(rec.type)}`,
      );
      return;
    }
    const schema = QUESTION_SCHEMAS[type];
    if (!Value.Check(schema, raw)) {
      for (const e of schemaErrors(schema, raw)) problems.push(`${file}: ${name}: ${e}`);
      return;
    }
    const q = raw as Question;
    const own = questionProblems(q);
    for (const p of own) problems.push(`${file}: ${name}: ${p}`);
    if (own.length === 0) items.push({ ...q, file });
  });
  return { items, problems };
}

/** No id twice across the whole bank. */
export function duplicateIdProblems(questions: readonly BankQuestion[]): string[] {
  const firstFile = new Map<string, string>();
  const problems: string[] = [];
  for (const q of questions) {
    const seen = firstFile.get(q.id);
    if (seen !== undefined) problems.push(`${q.file}: ${q.id}: the id is already used in ${seen}`);
    else firstFile.set(q.id, q.file);
  }
  return problems;
}

/** Every `*.yaml` file in the folder, in name order (so week-01 comes before week-02), as one checked bank. */
export function loadBank(folder: string): Loaded<BankQuestion> {
  if (!existsSync(folder)) return { items: [], problems: [`${folder}: the question folder does not exist`] };
  const files = readdirSync(folder)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const items: BankQuestion[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const loaded = parseQuestionFile(readFileSync(join(folder, f), "utf8"), `questions/${f}`);
    items.push(...loaded.items);
    problems.push(...loaded.problems);
  }
  const dups = duplicateIdProblems(items);
  problems.push(...dups);
  // Keep only the first of a duplicated id, so the quiz never schedules two cards under one id.
  const seen = new Set<string>();
  return {
    items: items.filter((q) => {
      const fresh = !seen.has(q.id);
      seen.add(q.id);
      return fresh;
    }),
    problems,
  };
}

/** Checks a parsed exams.yaml: the schema, unique names, unique domains, weights adding up to 100. */
export function checkExams(data: unknown, file = "exams.yaml"): Loaded<ExamDefinition> {
  if (!Value.Check(ExamsFileSchema, data)) {
    return { items: [], problems: schemaErrors(ExamsFileSchema, data).map((e) => `${file}: ${e}`) };
  }
  const problems: string[] = [];
  const names = new Set<string>();
  for (const exam of data.exams) {
    if (names.has(exam.name)) problems.push(`${file}: the exam name "${exam.name}" is used twice`);
    names.add(exam.name);
    const domains = exam.domains.map((d) => d.name);
    if (new Set(domains).size !== domains.length) problems.push(`${file}: ${exam.name}: a domain is listed twice`);
    const total = exam.domains.reduce((s, d) => s + d.weight, 0);
    if (Math.abs(total - 100) > 1e-9) problems.push(`${file}: ${exam.name}: the weights add up to ${total}, not 100`);
    const p = exam.passing;
    if (p && !(p.min <= p.score && p.score <= p.max && p.min < p.max)) {
      problems.push(`${file}: ${exam.name}: passing needs min <= score <= max and min < max`);
    }
  }
  return { items: problems.length ? [] : data.exams, problems };
}

/** Reads review/exams.yaml (or a test's copy). */
export function loadExams(file: string): Loaded<ExamDefinition> {
  const name = basename(file);
  if (!existsSync(file)) return { items: [], problems: [`${file}: the exams file does not exist`] };
  const { data, problem } = parseYaml(readFileSync(file, "utf8"), name);
  if (problem) return { items: [], problems: [problem] };
  return checkExams(data, name);
}

/**
 * The bank and the exams for the commands. A broken question is left out with a warning rather than stopping a
 * learner's session; a broken exams.yaml leaves no exams (the exam command then says why).
 */
export function loadForCommands(questionsDir: string, examsFile: string) {
  const bank = loadBank(questionsDir);
  const exams = loadExams(examsFile);
  return { questions: bank.items, exams: exams.items, problems: [...bank.problems, ...exams.problems] };
}

/** One warning line for the commands, pointing at the validator for details. */
export function problemsWarning(problems: readonly string[]): string | null {
  if (problems.length === 0) return null;
  return `Note: the question bank has ${problems.length} problem(s), first: ${problems[0]}
  (those questions are skipped; \`npm run quiz -- --validate\` lists every problem)`;
}
