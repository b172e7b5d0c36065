// Practice exams: how many questions each domain gets, which ones, and the score report at the end.
import { Random } from "../data/random";
import type { BankQuestion, ExamDefinition } from "./schema";

/**
 * Splits `length` questions over domains in proportion to `weights` by the largest-remainder method: every domain
 * gets the whole part of its share, and the questions left over go to the largest fractional parts (ties to the
 * domain listed first). The result always adds up to `length`, which plain rounding does not guarantee.
 */
export function allocate(length: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new Error("allocate needs positive weights");
  const exact = weights.map((w) => (length * w) / total);
  const counts = exact.map(Math.floor);
  let left = length - counts.reduce((s, c) => s + c, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    // Remainders that differ only by floating-point noise count as a tie, so the listed order decides.
    .sort((a, b) => (Math.abs(b.rest - a.rest) > 1e-9 ? b.rest - a.rest : a.i - b.i));
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i]++;
    left--;
  }
  return counts;
}

export interface ExamItem {
  question: BankQuestion;
  domain: string;
}

export class ExamCoverageError extends Error {}

/** The questions of one practice exam: each domain's share drawn at random (seeded), then shuffled together. */
export function sampleExam(questions: readonly BankQuestion[], exam: ExamDefinition, seed: number): ExamItem[] {
  const rng = new Random(seed);
  const counts = allocate(
    exam.length,
    exam.domains.map((d) => d.weight),
  );
  const short: string[] = [];
  const items: ExamItem[] = [];
  exam.domains.forEach((d, i) => {
    const pool = questions.filter((q) => q.exam?.name === exam.name && q.exam.domain === d.name);
    if (pool.length < counts[i]) short.push(`"${d.name}" has ${pool.length} of the ${counts[i]} it needs`);
    for (const q of rng.shuffle(pool).slice(0, counts[i])) items.push({ question: q, domain: d.name });
  });
  if (short.length) {
    throw new ExamCoverageError(
      `Not enough questions for a practice ${exam.name} exam yet: ${short.join("; ")}. Questions join an exam with \`exam: { name: ${exam.name}, domain: ... }\` (review/README.md).`,
    );
  }
  return rng.shuffle(items);
}

export interface Tally {
  name: string;
  correct: number;
  total: number;
}

/** One finished (or timed-out) practice exam, as kept in .review/exams.json. */
export interface ExamAttempt {
  exam: string;
  title: string;
  /** When it finished, ISO 8601. */
  at: string;
  seed: number;
  minutes: number;
  seconds: number;
  timedOut: boolean;
  correct: number;
  total: number;
  domains: Tally[];
  topics: Tally[];
  weakestTopics: string[];
}

/**
 * Scores an exam: `results[i]` says whether item i was answered correctly (undefined: not reached before the time
 * ran out, which counts as wrong, as on the real exam).
 */
export function scoreExam(
  exam: ExamDefinition,
  items: readonly ExamItem[],
  results: readonly (boolean | undefined)[],
  meta: { seed: number; seconds: number; timedOut: boolean; at?: Date },
): ExamAttempt {
  const domains: Tally[] = exam.domains.map((d) => ({ name: d.name, correct: 0, total: 0 }));
  const topics = new Map<string, Tally>();
  items.forEach((item, i) => {
    const ok = results[i] === true;
    const d = domains.find((x) => x.name === item.domain);
    if (d) {
      d.total++;
      if (ok) d.correct++;
    }
    for (const t of item.question.topics) {
      const tally = topics.get(t) ?? { name: t, correct: 0, total: 0 };
      tally.total++;
      if (ok) tally.correct++;
      topics.set(t, tally);
    }
  });
  const topicList = [...topics.values()];
  const correct = results.filter((r) => r === true).length;
  return {
    exam: exam.name,
    title: exam.title,
    at: (meta.at ?? new Date()).toISOString(),
    seed: meta.seed,
    minutes: exam.minutes,
    seconds: Math.round(meta.seconds),
    timedOut: meta.timedOut,
    correct,
    total: items.length,
    domains,
    topics: topicList,
    weakestTopics: weakest(topicList, 3),
  };
}

/**
 * The topics with the lowest share correct, worst first; only topics with a miss count (a topic answered perfectly
 * is not "weak"). Ties go to the topic with more misses, then to the id, so the report is stable.
 */
export function weakest(tallies: readonly Tally[], n: number): string[] {
  return tallies
    .filter((t) => t.correct < t.total)
    .sort((a, b) => {
      const byShare = a.correct / a.total - b.correct / b.total;
      if (Math.abs(byShare) > 1e-12) return byShare;
      const byMisses = b.total - b.correct - (a.total - a.correct);
      return byMisses !== 0 ? byMisses : a.name.localeCompare(b.name);
    })
    .slice(0, n)
    .map((t) => t.name);
}

const pct = (c: number, t: number) => (t ? `${Math.round((100 * c) / t)}%` : "-");

/** The score report printed at the end of an exam. */
export function formatReport(a: ExamAttempt, exam: ExamDefinition): string {
  const width = Math.max(...a.domains.map((d) => d.name.length), 6);
  const lines = [
    `${a.title}: ${a.correct}/${a.total} correct (${pct(a.correct, a.total)})${a.timedOut ? ", time ran out" : ""}, ${Math.floor(a.seconds / 60)} min ${a.seconds % 60} s`,
    "",
    `${"domain".padEnd(width)}  weight  score`,
  ];
  for (const d of a.domains) {
    const weight = exam.domains.find((x) => x.name === d.name)?.weight ?? 0;
    lines.push(
      `${d.name.padEnd(width)}  ${`${weight}%`.padStart(6)}  ${d.correct}/${d.total} (${pct(d.correct, d.total)})`,
    );
  }
  lines.push("");
  if (a.weakestTopics.length) {
    const named = a.weakestTopics.map((t) => {
      const tally = a.topics.find((x) => x.name === t);
      return `${t} (${tally?.correct}/${tally?.total})`;
    });
    lines.push(`Weakest topics: ${named.join(", ")}. Review them with: npm run quiz -- --topic ${a.weakestTopics[0]}`);
  } else {
    lines.push("No weak topics in this sample: every topic was answered correctly.");
  }
  return lines.join("\n");
}
