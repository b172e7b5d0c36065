import { relative, sep } from "node:path";
import { watch } from "chokidar";
import { workspacePaths } from "../workspace/paths";
import { type Exercise, loadManifest } from "./manifest";
import { readProgress, recordProgress } from "./progress";
import { nextExercise } from "./report";
import type { ExerciseResult, Verdict } from "./run-exercise";
import { WarmGrader } from "./warm";

export interface WatchEvents {
  /** A save was noticed and grading started. */
  onGrading?: (ex: Exercise, file: string) => void;
  onResult: (r: ExerciseResult, next: Exercise | undefined) => void;
}

/** Events closer together than this are one save (editors often write a file in several steps). */
const SETTLE_MS = 40;

/**
 * Re-grades an exercise whenever one of its files (stub or test) is saved, then names the next unsolved exercise.
 * A save of any other file under exercises/ re-grades the current exercise. Grades never overlap: a save during a
 * run queues one more run after it. Saves are graded by one warm vitest process (see warm.ts), with the exercise's
 * time-out and its own process group, like a full grading run.
 */
export function watchExercises(root: string, events: WatchEvents, startWith?: string) {
  const exercises = loadManifest(root);
  const progressFile = workspacePaths(root).progress;
  const verdicts = new Map<string, Verdict>(
    Object.entries(readProgress(progressFile).exercises).map(([id, v]) => [id, v.verdict]),
  );
  let current = exercises.find((e) => e.id === startWith) ?? nextExercise(exercises, verdicts) ?? exercises[0];
  const byFile = new Map<string, Exercise>();
  for (const ex of exercises) {
    byFile.set(ex.stub, ex);
    byFile.set(ex.test, ex);
  }
  let timer: NodeJS.Timeout | undefined;
  let pending: { ex: Exercise; file: string } | undefined;
  let running = false;
  const changed = new Set<string>();
  const grader = new WarmGrader(root);

  async function gradeNow() {
    if (running || !pending) return;
    running = true;
    const { ex, file } = pending;
    pending = undefined;
    events.onGrading?.(ex, file);
    const files = [...changed];
    changed.clear();
    const result = await grader.grade(ex, files);
    recordProgress(progressFile, [result]);
    verdicts.set(ex.id, result.verdict);
    if (result.verdict === "solved" && ex.id === current.id) current = nextExercise(exercises, verdicts) ?? current;
    events.onResult(result, nextExercise(exercises, verdicts));
    running = false;
    if (pending) void gradeNow();
  }

  const watcher = watch(workspacePaths(root).exercises, { ignoreInitial: true });
  watcher.on("all", (_event, file) => {
    changed.add(file);
    if (!file.endsWith(".ts")) return;
    pending = { ex: byFile.get(file) ?? current, file: relative(root, file).split(sep).join("/") };
    clearTimeout(timer);
    timer = setTimeout(() => void gradeNow(), SETTLE_MS);
  });
  const ready = Promise.all([
    new Promise<void>((resolve) => watcher.on("ready", () => resolve())),
    grader.start(),
  ]).then(() => {});
  return {
    ready,
    current: () => current,
    close: () => {
      clearTimeout(timer);
      grader.stop();
      return watcher.close();
    },
  };
}
