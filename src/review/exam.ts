// Practice exams: how many questions each domain gets, which ones, and the score report at the end.
import { Random } from "../data/random";
import type { BankQuestion, ExamDefinition, Link } from "./schema";
import { wrap } from "./terminal";

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

/** How long an exam sitting is: the short practice exam, or the full-length mock (the real exam's length and time). */
export interface ExamForm {
  length: number;
  minutes: number;
  full: boolean;
}

/** The short form (the exam's own `length` and `minutes`) or, with `full`, its `full:` form from exams.yaml. */
export function examForm(exam: ExamDefinition, full: boolean): ExamForm {
  if (!full) return { length: exam.length, minutes: exam.minutes, full: false };
  if (!exam.full) throw new ExamCoverageError(`${exam.name} has no full-length form (\`full:\` in exams.yaml).`);
  return { length: exam.full.length, minutes: exam.full.minutes, full: true };
}

/**
 * The questions of one practice exam: each domain's share of `length` drawn at random (seeded), then shuffled
 * together.
 */
export function sampleExam(
  questions: readonly BankQuestion[],
  exam: ExamDefinition,
  seed: number,
  length: number = exam.length,
): ExamItem[] {
  const rng = new Random(seed);
  const counts = allocate(
    length,
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

/** A notebook section to reread, with how many missed questions it teaches. */
export interface Reread {
  link: Link;
  missed: number;
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
  /** The full-length mock rather than the short practice exam (absent in attempts saved before it existed). */
  full?: boolean;
  /** The raw score mapped onto the exam's scaled range (scaledScore), when exams.yaml gives a pass mark. */
  scaled?: number;
  passed?: boolean;
  /** The sections that teach the missed questions, most missed first. */
  reread?: Reread[];
}

/**
 * Maps a raw score onto the exam's scaled range with a straight line: `min` for none right, `max` for all right.
 * For 100 to 1000 that is 100 + 900 × share correct, so a pass mark of 700 needs two thirds right. This is the
 * workspace's stand-in: AWS converts raw scores to scaled scores with a model it does not publish (it equates exam
 * forms of different difficulty), so the real mapping may differ.
 */
export function scaledScore(correct: number, total: number, passing: { min: number; max: number }): number {
  if (total <= 0) return passing.min;
  return Math.round(passing.min + ((passing.max - passing.min) * correct) / total);
}

/** The sections that teach the missed items (a question's main link), most missed first, then in name order. */
export function rereadSections(items: readonly ExamItem[], results: readonly (boolean | undefined)[]): Reread[] {
  const byKey = new Map<string, Reread>();
  items.forEach((item, i) => {
    if (results[i] === true) return;
    const link = item.question.link;
    const key = `${link.notebook}\u0000${link.heading}`;
    const entry = byKey.get(key) ?? { link: { notebook: link.notebook, heading: link.heading }, missed: 0 };
    entry.missed++;
    byKey.set(key, entry);
  });
  return [...byKey.values()].sort(
    (a, b) =>
      b.missed - a.missed ||
      a.link.notebook.localeCompare(b.link.notebook) ||
      a.link.heading.localeCompare(b.link.heading),
  );
}

/**
 * Scores an exam: `results[i]` says whether item i was answered correctly (undefined: not reached before the time
 * ran out, which counts as wrong, as on the real exam).
 */
export function scoreExam(
  exam: ExamDefinition,
  items: readonly ExamItem[],
  results: readonly (boolean | undefined)[],
  meta: { seed: number; seconds: number; timedOut: boolean; at?: Date; full?: boolean; minutes?: number },
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
  const scaled = exam.passing ? scaledScore(correct, items.length, exam.passing) : undefined;
  return {
    exam: exam.name,
    title: exam.title,
    at: (meta.at ?? new Date()).toISOString(),
    seed: meta.seed,
    // The time limit the learner had: the full mock's, or --minutes, else the short exam's.
    minutes: meta.minutes ?? exam.minutes,
    seconds: Math.round(meta.seconds),
    timedOut: meta.timedOut,
    correct,
    total: items.length,
    domains,
    topics: topicList,
    weakestTopics: weakest(topicList, 3),
    full: meta.full ?? false,
    ...(exam.passing && scaled !== undefined ? { scaled, passed: scaled >= exam.passing.score } : {}),
    reread: rereadSections(items, results),
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

/** How many sections the report lists to reread. */
export const REREAD_LIMIT = 6;

/** The score report printed at the end of an exam. */
export function formatReport(a: ExamAttempt, exam: ExamDefinition): string {
  const width = Math.max(...a.domains.map((d) => d.name.length), 6);
  const passing = exam.passing;
  const lines = [
    `${a.title}${a.full ? ", full mock" : ""}: ${a.correct}/${a.total} correct (${pct(a.correct, a.total)})${a.timedOut ? ", time ran out" : ""}, ${Math.floor(a.seconds / 60)} min ${a.seconds % 60} s`,
  ];
  if (passing && a.scaled !== undefined) {
    lines.push(
      `Scaled score ${a.scaled} of ${passing.max} (pass mark ${passing.score}): ${a.scaled >= passing.score ? "PASS" : "NOT YET"}`,
    );
  }
  const head = `${"domain".padEnd(width)}  weight  score`;
  lines.push("", passing ? `${head.padEnd(width + 24)}scaled  vs ${passing.score}` : head);
  for (const d of a.domains) {
    const weight = exam.domains.find((x) => x.name === d.name)?.weight ?? 0;
    const row = `${d.name.padEnd(width)}  ${`${weight}%`.padStart(6)}  ${d.correct}/${d.total} (${pct(d.correct, d.total)})`;
    if (!passing || d.total === 0) {
      lines.push(row);
      continue;
    }
    const s = scaledScore(d.correct, d.total, passing);
    lines.push(`${row.padEnd(width + 24)}${String(s).padStart(6)}  ${s >= passing.score ? "above" : "below"}`);
  }
  if (passing) {
    lines.push(
      "",
      wrap(
        `How the scaled score is computed here: ${passing.min} + ${passing.max - passing.min} × the share answered right, ` +
          `rounded (${passing.min} for none right, ${passing.max} for all), so the pass mark of ${passing.score} needs ` +
          `${pct(passing.score - passing.min, passing.max - passing.min)} right. AWS does not publish how it maps raw ` +
          "scores to its scaled scores (the scaling evens out exam forms of different difficulty), so treat this as a " +
          "guide. On the real exam only the overall score decides, not each domain, and some questions are unscored.",
        "",
        100,
      ),
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
  const reread = a.reread ?? [];
  if (reread.length) {
    lines.push("", "Notebook sections to reread (missed questions they teach):");
    for (const r of reread.slice(0, REREAD_LIMIT)) {
      lines.push(`  ${r.missed} × notebooks/${r.link.notebook} → "${r.link.heading}"`);
    }
    if (reread.length > REREAD_LIMIT)
      lines.push(`  … and ${reread.length - REREAD_LIMIT} more, listed with each missed question below`);
  }
  return lines.join("\n");
}
