/**
 * The service's configuration, read from environment variables (twelve-factor: the same image runs everywhere, only
 * the environment changes) and validated with TypeBox BEFORE anything starts. A bad value stops the process with one
 * line per problem that names the variable, what it got and what is allowed; a typo must not become a default.
 *
 *   const config = loadConfig(process.env);   // throws ConfigError listing every bad variable
 */
import { join, resolve } from "node:path";
import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { findRoot } from "../../src/workspace/paths";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const int = (min: number, max: number, fallback: number, description: string) =>
  Type.Integer({ minimum: min, maximum: max, default: fallback, description });

/** One entry per environment variable: its type, range, default and the help shown when it is wrong. */
export const EnvSchema = Type.Object({
  PORT: int(1, 65535, 8080, "TCP port to listen on, an integer from 1 to 65535"),
  HOST: Type.String({ minLength: 1, default: "0.0.0.0", description: "interface to bind, e.g. 0.0.0.0 or 127.0.0.1" }),
  MODEL_PATH: Type.String({
    minLength: 1,
    description: "path of the model artifact (model.json); relative paths start from the working directory",
  }),
  MAX_BATCH: int(1, 100_000, 1000, "most instances one request may carry, an integer from 1 to 100000"),
  BODY_LIMIT_BYTES: int(
    1024,
    1024 * 1024 * 1024,
    4 * 1024 * 1024,
    "largest accepted request body in bytes, an integer from 1024 to 1073741824",
  ),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((l) => Type.Literal(l)),
    { default: "info", description: `one of ${LOG_LEVELS.join(", ")}` },
  ),
  SHUTDOWN_GRACE_MS: int(
    0,
    600_000,
    25_000,
    "after SIGTERM, the longest wait for in-flight requests before exiting anyway, in ms (0 to 600000)",
  ),
  SHUTDOWN_DELAY_MS: int(
    0,
    600_000,
    0,
    "after SIGTERM, how long /readyz fails while requests are still served, before the listener closes, in ms",
  ),
  MAX_EVENT_LOOP_DELAY_MS: int(
    0,
    600_000,
    1000,
    "shed load (503 OVERLOADED) when the event loop lags more than this many ms; 0 turns shedding off",
  ),
});

export type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the model artifact. */
  modelPath: string;
  maxBatch: number;
  bodyLimitBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
  shutdownGraceMs: number;
  shutdownDelayMs: number;
  maxEventLoopDelayMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * capstone/model/model.json under the workspace root (found from `cwd` upwards), or under `cwd` itself outside the
 * workspace (in a container, where MODEL_PATH is normally set anyway).
 */
export function defaultModelPath(cwd: string = process.cwd()): string {
  let base = cwd;
  try {
    base = findRoot(cwd);
  } catch {
    // Not inside the workspace checkout: keep cwd.
  }
  return join(base, "capstone", "model", "model.json");
}

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Reads the variables this service knows from `env`, ignoring the rest; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(EnvSchema.properties) as [keyof Env, TSchema][]) {
    const text = env[name];
    if (text === undefined || text === "") continue; // unset (or set empty): the default applies
    if (schema.type === "integer") {
      // Number("") is 0 and Number(" 8 ") is 8: only plain decimal numbers are numbers here.
      raw[name] = NUMBER_TEXT.test(text.trim()) ? Number(text.trim()) : text;
    } else raw[name] = text;
  }
  const withDefaults = Value.Default(EnvSchema, { MODEL_PATH: defaultModelPath(cwd), ...raw }) as Env;
  const seen = new Set<string>();
  for (const error of Value.Errors(EnvSchema, withDefaults)) {
    const name = error.path.replace(/^\//, "");
    if (seen.has(name)) continue; // one line per variable, however many rules it breaks
    seen.add(name);
    const schema = EnvSchema.properties[name as keyof Env] as TSchema | undefined;
    problems.push(`${name}=${JSON.stringify(env[name])} is invalid: expected ${schema?.description ?? error.message}.`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: withDefaults.PORT,
    host: withDefaults.HOST,
    modelPath: resolve(cwd, withDefaults.MODEL_PATH),
    maxBatch: withDefaults.MAX_BATCH,
    bodyLimitBytes: withDefaults.BODY_LIMIT_BYTES,
    logLevel: withDefaults.LOG_LEVEL,
    shutdownGraceMs: withDefaults.SHUTDOWN_GRACE_MS,
    shutdownDelayMs: withDefaults.SHUTDOWN_DELAY_MS,
    maxEventLoopDelayMs: withDefaults.MAX_EVENT_LOOP_DELAY_MS,
  };
}

/** The configuration with every default: what build() uses for the fields a caller leaves out. */
export function defaultConfig(cwd = process.cwd()): Config {
  return loadConfig({}, cwd);
}
