import type { Exercise } from "./manifest";
import type { ExerciseResult, Verdict } from "./run-exercise";

/** The three states a learner sees per exercise. */
export type Status = "solved" | "attempted" | "not started";

export function statusOf(v: Verdict): Status {
  if (v === "solved") return "solved";
  if (v === "not-started") return "not started";
  return "attempted";
}

const SYMBOL: Record<Verdict, string> = {
  solved: "✓",
  "not-started": "·",
  partial: "◐",
  failed: "✗",
  timeout: "⏱",
  crashed: "✗",
};

const WORD: Record<Verdict, string> = {
  solved: "solved",
  "not-started": "not started",
  partial: "partly done",
  failed: "failed",
  timeout: "timed out",
  crashed: "crashed",
};

/** One line per exercise, plus the reason when it is not solved or not started. */
export function formatResult(r: ExerciseResult, withDetails = true): string {
  const passed = r.tests.filter((t) => t.passed).length;
  const head = `${SYMBOL[r.verdict]} ${r.exercise.id.padEnd(28)} ${WORD[r.verdict].padEnd(12)} ${String(passed).padStart(2)}/${r.tests.length} tests  ${(r.ms / 1000).toFixed(1)}s`;
  if (r.verdict === "not-started" && withDetails) {
    return `${head}\n    start with ${r.exercise.path} in exercises/, then \`npm run grade ${r.exercise.id}\``;
  }
  return withDetails && r.message ? `${head}\n${r.message.replace(/^/gm, "    ")}` : head;
}

/** The per-week progress table that ends `npm test` and `npm run grade`. */
export function weekTable(exercises: Exercise[], verdicts: Map<string, Verdict>): string {
  const rows = new Map<number, Record<Status, number>>();
  for (const ex of exercises) {
    const row = rows.get(ex.week) ?? { solved: 0, attempted: 0, "not started": 0 };
    row[statusOf(verdicts.get(ex.id) ?? "not-started")]++;
    rows.set(ex.week, row);
  }
  const lines = ["week  solved  attempted  not started  total", "----  ------  ---------  -----------  -----"];
  const total = { solved: 0, attempted: 0, "not started": 0 };
  for (const [week, row] of [...rows].sort((a, b) => a[0] - b[0])) {
    lines.push(fmtRow(String(week), row));
    for (const k of Object.keys(total) as Status[]) total[k] += row[k];
  }
  lines.push(fmtRow("all", total));
  return lines.join("\n");
}

function fmtRow(label: string, r: Record<Status, number>): string {
  const sum = r.solved + r.attempted + r["not started"];
  return `${label.padEnd(4)}  ${String(r.solved).padStart(6)}  ${String(r.attempted).padStart(9)}  ${String(r["not started"]).padStart(11)}  ${String(sum).padStart(5)}`;
}

/** The first exercise, in manifest order, that is not solved yet. */
export function nextExercise(exercises: Exercise[], verdicts: Map<string, Verdict>): Exercise | undefined {
  return exercises.find((e) => verdicts.get(e.id) !== "solved");
}
