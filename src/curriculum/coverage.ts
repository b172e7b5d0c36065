import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadBank } from "../review/bank";
import { TOPICS, type TopicId } from "./topics";

export interface TopicCoverage {
  id: TopicId;
  /** Notebooks whose metadata (or a cell's) lists the topic: where it is taught. */
  notebooks: string[];
  /** Exercise ids whose manifest entry lists the topic: where it is graded. */
  exercises: string[];
  /** Question-bank ids (review/questions) that ask about the topic. */
  questions: string[];
  /** Graded by an exercise, or (for the review topics below) by at least 3 auto-checked bank questions. */
  graded: boolean;
}

/**
 * Week 8's review topics are, by the plan's own words, practice questions and mock interviews: the question bank is
 * their exercise, its answer key their reference solution (the bank's validator proves every answer is among the
 * options), and `npm run quiz` / `exam` / `interview` grade the learner's answers. Every other topic needs an exercise.
 */
export const GRADED_BY_QUESTION_BANK: ReadonlySet<string> = new Set(["w8.review-ml", "w8.aws-exams", "w8.interviews"]);
const MIN_BANK_QUESTIONS = 3;

interface NotebookJson {
  metadata?: { topics?: string[] };
  cells: { metadata?: { topics?: string[] } }[];
}

/** Topics taught per notebook, read from notebook and cell metadata. */
export function notebookTopics(root: string): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const file of readdirSync(join(root, "notebooks")).filter((f) => f.endsWith(".ipynb"))) {
    const nb = JSON.parse(readFileSync(join(root, "notebooks", file), "utf8")) as NotebookJson;
    const topics = new Set(nb.metadata?.topics ?? []);
    for (const cell of nb.cells) for (const t of cell.metadata?.topics ?? []) topics.add(t);
    map.set(file, topics);
  }
  return map;
}

/** For every curriculum topic: the notebooks that teach it, and the exercises and bank questions that grade it. */
export function coverage(root: string, exercises: { id: string; topics: string[] }[]): TopicCoverage[] {
  const taught = notebookTopics(root);
  const bank = loadBank(join(root, "review", "questions")).items;
  return TOPICS.map((t) => {
    const graders = exercises.filter((e) => e.topics.includes(t.id)).map((e) => e.id);
    const questions = bank.filter((q) => q.topics.includes(t.id)).map((q) => q.id);
    return {
      id: t.id,
      notebooks: [...taught].filter(([, topics]) => topics.has(t.id)).map(([file]) => file),
      exercises: graders,
      questions,
      graded: graders.length > 0 || (GRADED_BY_QUESTION_BANK.has(t.id) && questions.length >= MIN_BANK_QUESTIONS),
    };
  });
}
