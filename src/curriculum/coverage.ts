import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TOPICS, type TopicId } from "./topics";

export interface TopicCoverage {
  id: TopicId;
  /** Notebooks whose metadata (or a cell's) lists the topic: where it is taught. */
  notebooks: string[];
  /** Exercise ids whose manifest entry lists the topic: where it is graded. */
  exercises: string[];
}

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

/** For every curriculum topic: the notebooks that teach it and the exercises that grade it. */
export function coverage(root: string, exercises: { id: string; topics: string[] }[]): TopicCoverage[] {
  const taught = notebookTopics(root);
  return TOPICS.map((t) => ({
    id: t.id,
    notebooks: [...taught].filter(([, topics]) => topics.has(t.id)).map(([file]) => file),
    exercises: exercises.filter((e) => e.topics.includes(t.id)).map((e) => e.id),
  }));
}
