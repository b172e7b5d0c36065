// `npm run watch [exercise]`: re-grades an exercise each time you save it, then names the next one.
// Keys: h = hints for the current exercise, q = quit.
import { parseArgs } from "node:util";
import { formatResult } from "../src/grader/report";
import { killTestsOnInterrupt } from "../src/grader/run-exercise";
import { watchExercises } from "../src/grader/watch";
import { findRoot } from "../src/workspace/paths";

// The warm test process lives in its own process group: a SIGINT or SIGTERM to the watcher ends it too.
killTestsOnInterrupt();
const root = findRoot();
const w = watchExercises(
  root,
  {
    onGrading: (ex, file) => console.log(`\n${file} saved: grading ${ex.id} ...`),
    onResult: (r, next) => {
      console.log(formatResult(r));
      if (next && next.id !== r.exercise.id) console.log(`Next: ${next.id} — open exercises/${next.path}`);
      if (!next) console.log("Every exercise is solved!");
    },
  },
  parseArgs({ options: {}, allowPositionals: true }).positionals[0],
);
await w.ready;
const cur = w.current();
console.log(
  `Watching exercises/ (current: ${cur.id}, exercises/${cur.path}). Save a file to grade it. h = hints, q = quit.`,
);
if (process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.on("data", (key: Buffer) => {
    const k = key.toString();
    if (k === "q" || k === "\u0003") void w.close().then(() => process.exit(0));
    if (k === "h") {
      const ex = w.current();
      console.log(`\nHints for ${ex.id}:\n${ex.hints.map((h, i) => `${i + 1}. ${h}`).join("\n")}`);
    }
  });
}
