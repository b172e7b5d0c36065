import { findRoot, workspacePaths } from "../workspace/paths";
import { type Exercise, loadManifest, selectExercises } from "./manifest";
import { readProgress, recordProgress } from "./progress";
import { formatResult, nextExercise, weekTable } from "./report";
import { type ExerciseResult, runExercises, type Target, type Verdict } from "./run-exercise";

export interface GradeRun {
  exercises: Exercise[];
  selected: Exercise[];
  results: ExerciseResult[];
}

/**
 * Grades a selection (an id, a week, or everything) against `target`, printing each verdict as it arrives.
 * Learner results are saved to .progress.json.
 */
export async function gradeSelection(
  selector: string | undefined,
  target: Target,
  print: (line: string) => void = console.log,
): Promise<GradeRun> {
  const root = findRoot();
  const exercises = loadManifest(root);
  const selected = selectExercises(exercises, selector);
  const results = await runExercises(selected, target, root, (r) => print(formatResult(r, target === "exercises")));
  if (target === "exercises") recordProgress(workspacePaths(root).progress, results);
  return { exercises, selected, results };
}

/** Verdicts for every exercise: this run's, then what .progress.json remembers, else "not started". */
export function knownVerdicts(run: GradeRun): Map<string, Verdict> {
  const saved = readProgress(workspacePaths().progress).exercises;
  const map = new Map<string, Verdict>();
  for (const ex of run.exercises) map.set(ex.id, saved[ex.id]?.verdict ?? "not-started");
  for (const r of run.results) map.set(r.exercise.id, r.verdict);
  return map;
}

/** The closing block: the week table and what to do next. */
export function closingLines(run: GradeRun, verdicts = knownVerdicts(run)): string {
  const next = nextExercise(run.exercises, verdicts);
  const pointer = next
    ? `Next: ${next.id} (week ${next.week}, exercises/${next.path}) — \`npm run grade ${next.id}\`, stuck? \`npm run hint ${next.id}\``
    : "Every exercise is solved. On to the capstone!";
  return `${weekTable(run.exercises, verdicts)}\n\n${pointer}`;
}
