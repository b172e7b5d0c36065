import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { parse } from "yaml";
import { isTopicId } from "../curriculum/topics";

/** A learner-edited file: TypeScript, or the config a track grades (YAML, JSON, a Dockerfile, a .dockerignore). */
const EXERCISE_FILE = "^week-0[1-8]/(?:[a-z0-9-]+/)*(?:[a-z0-9-]+\\.(?:ts|ya?ml|json)|Dockerfile|\\.dockerignore)$";

const ExerciseSchema = Type.Object(
  {
    id: Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "kebab-case, unique" }),
    title: Type.String({ minLength: 1 }),
    week: Type.Integer({ minimum: 1, maximum: 8 }),
    path: Type.String({
      pattern: EXERCISE_FILE,
      description: "the stub under exercises/ (TypeScript or a config file)",
    }),
    /** More files the learner edits for this exercise, each with a solution twin (a Dockerfile and its .dockerignore). */
    stubs: Type.Optional(Type.Array(Type.String({ pattern: EXERCISE_FILE }))),
    /** Given files under exercises/ that belong to the exercise but are not edited (the script to containerize). */
    assets: Type.Optional(Type.Array(Type.String({ pattern: "^week-0[1-8]/[A-Za-z0-9._/-]+$" }))),
    topics: Type.Array(Type.String(), { minItems: 1 }),
    hints: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    /** @default 20000 — the whole test file must finish within this, or the exercise is reported as timed out. */
    timeoutMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 300000 })),
  },
  { additionalProperties: false },
);

const ManifestSchema = Type.Object(
  { exercises: Type.Array(ExerciseSchema, { minItems: 1 }) },
  { additionalProperties: false },
);

export type ExerciseEntry = Static<typeof ExerciseSchema>;

/** An exercise with the paths the grader needs, in manifest order (the order a learner should take). */
export interface Exercise extends ExerciseEntry {
  order: number;
  timeoutMs: number;
  stub: string;
  test: string;
  solution: string;
  /** Further learner-edited files with their solution twins. */
  extraStubs: { stub: string; solution: string }[];
  /** Given files the exercise needs (no twin). */
  assetFiles: string[];
}

export const DEFAULT_TIMEOUT_MS = 20000;
export const MANIFEST_FILE = "exercises/manifest.yaml";

export class ManifestError extends Error {
  constructor(problems: string[]) {
    super(`${MANIFEST_FILE} is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ManifestError";
  }
}

/** Validates a parsed manifest and returns the exercises with their derived paths, or throws every problem at once. */
export function checkManifest(data: unknown, root: string): Exercise[] {
  if (!Value.Check(ManifestSchema, data)) {
    const problems = [...Value.Errors(ManifestSchema, data)].map((e) => `${e.path || "/"}: ${e.message}`);
    throw new ManifestError(problems.slice(0, 20));
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const exercises = data.exercises.map((entry, order): Exercise => {
    if (seen.has(entry.id)) problems.push(`${entry.id}: the id is used twice`);
    seen.add(entry.id);
    const folderWeek = Number(entry.path.slice("week-".length, "week-NN".length));
    if (folderWeek !== entry.week) problems.push(`${entry.id}: week ${entry.week} but path ${entry.path}`);
    for (const t of entry.topics) {
      if (!isTopicId(t)) problems.push(`${entry.id}: unknown topic id "${t}" (see src/curriculum/topics.ts)`);
    }
    if ([entry.path, ...(entry.stubs ?? []), ...(entry.assets ?? [])].some((p) => p.split("/").includes(".."))) {
      problems.push(`${entry.id}: paths must stay inside exercises/`);
    }
    // linreg.ts is graded by linreg.test.ts; a config file such as deployment.yaml by deployment.yaml.test.ts.
    const testPath = entry.path.endsWith(".ts") ? entry.path.replace(/\.ts$/, ".test.ts") : `${entry.path}.test.ts`;
    return {
      ...entry,
      order,
      timeoutMs: entry.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      stub: join(root, "exercises", entry.path),
      test: join(root, "exercises", testPath),
      solution: join(root, "solutions", entry.path),
      extraStubs: (entry.stubs ?? []).map((p) => ({
        stub: join(root, "exercises", p),
        solution: join(root, "solutions", p),
      })),
      assetFiles: (entry.assets ?? []).map((p) => join(root, "exercises", p)),
    };
  });
  if (problems.length) throw new ManifestError(problems);
  return exercises;
}

/** Reads and validates exercises/manifest.yaml. */
export function loadManifest(root: string): Exercise[] {
  const file = join(root, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ManifestError([`cannot read ${file}: ${(e as Error).message}`]);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new ManifestError([`not valid YAML: ${(e as Error).message}`]);
  }
  return checkManifest(data, root);
}

/** Picks exercises by id, by week ("1", "week-1", "w1") or all of them when no selector is given. */
export function selectExercises(all: Exercise[], selector?: string): Exercise[] {
  if (!selector) return all;
  const week = /^(?:week-?|w)?0?([1-8])$/i.exec(selector);
  if (week) return all.filter((e) => e.week === Number(week[1]));
  const one = all.filter((e) => e.id === selector);
  if (one.length) return one;
  const close = all.filter((e) => e.id.includes(selector)).map((e) => e.id);
  throw new Error(
    `No exercise or week "${selector}".${close.length ? ` Did you mean: ${close.join(", ")}?` : ""} Weeks are 1-8; ids are listed in ${MANIFEST_FILE}.`,
  );
}
