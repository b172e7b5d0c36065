// Command-line options of quiz, exam and interview: parsed with node:util's parseArgs, each value checked, and a
// message that says what was wrong and what is allowed.
import { parseArgs } from "node:util";
import { isTopicId, TOPICS } from "../curriculum/topics";

export class UsageError extends Error {}

function integer(name: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || n < min || n > max) {
    const range = max < 1e9 ? `from ${min} to ${max}` : `of at least ${min}`;
    throw new UsageError(`--${name} must be a whole number ${range}, got "${raw}".`);
  }
  return n;
}

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

function parse(
  argv: string[],
  options: OptionSpec,
  allowPositionals: boolean,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, "."));
  }
}

/** Levenshtein distance, for "did you mean" suggestions on a misspelt topic id. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

export interface QuizArgs {
  topic?: string;
  week?: number;
  limit: number;
  newCards: number;
  seed?: number;
  validate: boolean;
  help: boolean;
}

export function parseQuizArgs(argv: string[]): QuizArgs {
  const { values } = parse(
    argv,
    {
      topic: { type: "string" },
      week: { type: "string" },
      limit: { type: "string" },
      new: { type: "string" },
      seed: { type: "string" },
      validate: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  const topic = values.topic as string | undefined;
  if (topic !== undefined && !isTopicId(topic)) {
    const close = TOPICS.map((t) => t.id).filter((id) => editDistance(id, topic) <= 2 || id.includes(topic));
    throw new UsageError(
      `Unknown topic "${topic}".${close.length ? ` Did you mean: ${close.join(", ")}?` : ""} Topic ids look like w1.roc; all of them are in src/curriculum/topics.ts.`,
    );
  }
  return {
    topic,
    week: integer("week", values.week as string | undefined, 1, 8),
    limit: integer("limit", values.limit as string | undefined, 1) ?? 20,
    newCards: integer("new", values.new as string | undefined, 0) ?? 10,
    seed: integer("seed", values.seed as string | undefined, 0, 2 ** 32 - 1),
    validate: Boolean(values.validate),
    help: Boolean(values.help),
  };
}

export interface ExamArgs {
  exam?: string;
  seed?: number;
  minutes?: number;
  /** The full-length mock: the real exam's number of questions and time (exams.yaml `full:`). */
  full: boolean;
  help: boolean;
}

export function parseExamArgs(argv: string[]): ExamArgs {
  const { values, positionals } = parse(
    argv,
    {
      seed: { type: "string" },
      minutes: { type: "string" },
      full: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  if (positionals.length > 1) throw new UsageError(`One exam at a time, got: ${positionals.join(" ")}.`);
  const rawMinutes = values.minutes as string | undefined;
  let minutes: number | undefined;
  if (rawMinutes !== undefined) {
    minutes = Number(rawMinutes);
    if (!(minutes > 0) || !Number.isFinite(minutes)) {
      throw new UsageError(`--minutes must be a positive number, got "${rawMinutes}".`);
    }
  }
  return {
    exam: positionals[0],
    seed: integer("seed", values.seed as string | undefined, 0, 2 ** 32 - 1),
    minutes,
    full: Boolean(values.full),
    help: Boolean(values.help),
  };
}

export interface InterviewArgs {
  limit?: number;
  help: boolean;
}

export function parseInterviewArgs(argv: string[]): InterviewArgs {
  const { values } = parse(argv, { limit: { type: "string" }, help: { type: "boolean", short: "h" } }, false);
  return {
    limit: integer("limit", values.limit as string | undefined, 1, 12),
    help: Boolean(values.help),
  };
}
