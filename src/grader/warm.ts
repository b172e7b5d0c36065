import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { Exercise } from "./manifest";
import {
  type ExerciseResult,
  exerciseResult,
  gradeEnv,
  killGroup,
  liveGroups,
  runExercise,
  type TestLine,
} from "./run-exercise";

interface WarmReply {
  ready?: boolean;
  tests?: TestLine[];
  exitCode?: number;
  stderr?: string;
}

/**
 * `npm run watch`'s grader: one warm vitest process (warm-child.ts) that re-runs the current exercise's tests on each
 * save, well under a second, where a fresh vitest process per save would spend most of its time starting up. The
 * guarantees stay: the warm process is its own process group, a run that outlives the exercise's time-out kills the
 * group (an infinite loop is reported as a time-out) and a fresh warm process is started for the next save. Until the
 * warm process is ready, a save is graded the cold way (runExercise). Learner runs only: solutions are never watched.
 */
export class WarmGrader {
  private child?: ChildProcess;
  private ready?: Promise<void>;
  private pending?: (reply: WarmReply) => void;

  constructor(private readonly root: string) {}

  /** Starts the warm process (if it is not running) and resolves once it can take a run. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = spawn(process.execPath, ["--import", "tsx", join(this.root, "src", "grader", "warm-child.ts")], {
      cwd: this.root,
      env: gradeEnv(this.root, "exercises"),
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      detached: true,
    });
    child.stderr?.resume();
    liveGroups.add(child);
    this.child = child;
    this.ready = new Promise<void>((resolve) => {
      child.on("message", (reply: WarmReply) => {
        if (reply.ready) resolve();
        else this.pending?.(reply);
      });
      child.on("exit", () => {
        liveGroups.delete(child);
        if (this.child === child) {
          this.child = undefined;
          this.ready = undefined;
        }
        this.pending?.({ tests: [], exitCode: 1, stderr: "the warm test process exited" });
        resolve();
      });
    });
    return this.ready;
  }

  /** Grades one exercise; `changed` are the files saved since the last run (their cached transforms are dropped). */
  async grade(ex: Exercise, changed: string[]): Promise<ExerciseResult> {
    const child = this.child;
    if (!child?.connected || !this.ready) {
      void this.start();
      return runExercise(ex, "exercises", this.root);
    }
    await this.ready;
    const started = performance.now();
    let timedOut = false;
    const reply = await new Promise<WarmReply>((resolve) => {
      const timer = setTimeout(() => {
        timedOut = true;
        this.stop();
        resolve({ tests: [], exitCode: null as unknown as number, stderr: "" });
      }, ex.timeoutMs);
      this.pending = (r) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(r);
      };
      child.send({ file: ex.test, changed });
    });
    // After a time-out, the next save gets a fresh warm process (started now, so it is warm by then).
    if (timedOut) void this.start();
    return exerciseResult(
      ex,
      "exercises",
      reply.tests ?? [],
      reply.exitCode ?? 1,
      timedOut,
      reply.stderr ?? "",
      started,
    );
  }

  /** Kills the warm process group (the worker and anything a test started). */
  stop(): void {
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    this.pending = undefined;
    if (child) {
      killGroup(child);
      liveGroups.delete(child);
    }
  }
}
