import { existsSync, readFileSync, renameSync } from "node:fs";
import { writeFileAtomic } from "../workspace/atomic-write";
import type { ExerciseResult, Verdict } from "./run-exercise";

/** What the learner has done so far, kept in the git-ignored .progress.json. */
export interface ProgressFile {
  exercises: Record<string, { verdict: Verdict; at: string; ms: number }>;
}

export function readProgress(file: string): ProgressFile {
  if (!existsSync(file)) return { exercises: {} };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as ProgressFile;
    if (data && typeof data.exercises === "object") return data;
  } catch {
    // fall through: a damaged file is set aside below, never silently overwritten.
  }
  const backup = `${file}.corrupt-${Date.now()}`;
  renameSync(file, backup);
  console.warn(`Progress file was unreadable; kept it as ${backup} and started a fresh one.`);
  return { exercises: {} };
}

/** Records learner results (never solution proofs) and writes the file atomically. */
export function recordProgress(file: string, results: ExerciseResult[]): void {
  const data = readProgress(file);
  for (const r of results) {
    if (r.target !== "exercises") continue;
    data.exercises[r.exercise.id] = { verdict: r.verdict, at: new Date().toISOString(), ms: r.ms };
  }
  // A unique temporary name per write: `npm run watch` and a notebook's grade() may record at the same moment.
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}
