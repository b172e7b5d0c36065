// The warm vitest instance behind `npm run watch`, run as a child process (see warm.ts). It creates vitest once (the
// config, vite's transform pipeline and its module graph stay in memory) and then runs one exercise's test file per
// message, so a save costs a test run rather than a vitest start-up. Messages in: { file, changed[] }; out:
// { ready } once, then { tests, exitCode, stderr } per run.
import { createVitest } from "vitest/node";
import type { TestLine } from "./run-exercise";
import { describeError, moduleLines } from "./vitest-results";

interface RunRequest {
  file: string;
  changed: string[];
}

async function main() {
  const root = process.env.GRADE_ROOT ?? process.cwd();
  const vitest = await createVitest(
    "test",
    {
      root,
      config: `${root}/vitest.config.ts`,
      project: ["exercises"],
      watch: false,
      // No reporter output: the results travel back over IPC as the grader's test lines.
      reporters: [{}],
      // Worker threads start faster than forked processes; this whole process is the isolation (the watcher kills its
      // process group on a time-out and starts a fresh one).
      pool: "threads",
      maxWorkers: 1,
    },
    // Vitest would otherwise watch the files itself; the parent already does and says what changed.
    { server: { watch: null } },
  );
  const project = vitest.getProjectByName("exercises");

  process.on("message", async (msg: RunRequest) => {
    for (const f of msg.changed) vitest.invalidateFile(f);
    const run = await vitest.runTestSpecifications([project.createSpecification(msg.file)]);
    const tests: TestLine[] = run.testModules.flatMap(moduleLines);
    const errors = [...run.testModules.flatMap((m) => m.errors()), ...run.unhandledErrors];
    const failed = errors.length > 0 || tests.some((t) => !t.passed);
    process.send?.({
      tests,
      exitCode: failed ? 1 : 0,
      stderr: errors.map((e) => (e as { stack?: string }).stack || describeError(e as { message?: string })).join("\n"),
    });
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.({ ready: true });
}

void main();
