// Measures `npm run watch`'s save-to-verdict time, in a temporary copy of the workspace (your files are untouched).
// Baseline, in the same run: grading the same exercise directly (no watcher), so the ratio shows what watching adds.
// Usage: npm run bench [-- runs]   (default 15 runs of each)
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadManifest } from "../src/grader/manifest";
import { runExercise } from "../src/grader/run-exercise";
import { watchExercises } from "../src/grader/watch";
import { temporaryWorkspace } from "../src/workspace/copy";
import { findRoot } from "../src/workspace/paths";

const runs = Number(parseArgs({ options: {}, allowPositionals: true }).positionals[0] ?? 15);
if (!(Number.isInteger(runs) && runs > 0))
  throw new Error("usage: npm run bench -- [runs, a whole number, default 15]");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

const dir = temporaryWorkspace(findRoot(), { withSolutions: false });
try {
  const ex = loadManifest(dir)[0];
  const direct: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await runExercise(ex, "exercises", dir);
    direct.push(performance.now() - t);
  }

  const saved: number[] = [];
  let savedAt = 0;
  let resolveVerdict: () => void = () => {};
  const w = watchExercises(dir, {
    onResult: () => {
      saved.push(performance.now() - savedAt);
      resolveVerdict();
    },
  });
  await w.ready;
  for (let i = 0; i < runs; i++) {
    const verdict = new Promise<void>((r) => {
      resolveVerdict = r;
    });
    savedAt = performance.now();
    appendFileSync(join(dir, "exercises", ex.path), `\n// save ${i}\n`);
    await verdict;
  }
  await w.close();

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`exercise: ${ex.id}, ${runs} runs each`);
  console.log(`direct grading (baseline): median ${ms(median(direct))}, p90 ${ms(p90(direct))}`);
  console.log(`watch, save to verdict:    median ${ms(median(saved))}, p90 ${ms(p90(saved))}`);
  console.log(`ratio watch/direct (median): ${(median(saved) / median(direct)).toFixed(2)}`);
  console.log(`median save-to-verdict is ${median(saved) < 1000 ? "under" : "OVER"} the 1 s target`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
