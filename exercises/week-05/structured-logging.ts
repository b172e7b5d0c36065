// Week 5 · Structured request logs: one JSON line per request, the right level, and no secrets.
// Read the "Logging best practices" section of notebooks/week-05-scaling-and-monitoring.ipynb first.
// Grade it with `npm run grade structured-logging`; stuck? `npm run hint structured-logging`.
import { todo } from "../../src/grader/todo";

export type LogLevel = "info" | "warn" | "error";

/** What the API knows about one finished request. */
export interface RequestRecord {
  /** The id that ties every log line of one request together (from an X-Request-Id header, or generated). */
  requestId: string;
  method: string;
  /** The route pattern ("/predict"), not the raw URL with ids and query strings in it. */
  route: string;
  /** HTTP status code, 100-599. */
  status: number;
  /** Time to serve the request, in milliseconds, ≥ 0. */
  latencyMs: number;
  /** Request headers, if worth logging: secrets among them must be redacted. */
  headers?: Record<string, string>;
  /** Extra fields for this line (model version, user id...): redacted too, and never overriding the fields above. */
  context?: Record<string, unknown>;
}

export interface RequestLoggerOptions {
  /** The clock, so tests can fix the time. Default: () => new Date(). */
  now?: () => Date;
}

export interface RequestLogger {
  logRequest(record: RequestRecord): void;
}

/** What a secret's value is replaced with. */
export const REDACTED = "[REDACTED]";

/** Keys whose values are secrets, compared in lower case, at any depth of headers and context. */
export const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
  "apikey",
  "api_key",
  "password",
  "token",
];

/** The level a request's line gets: "error" for 5xx, "warn" for 4xx, "info" otherwise. */
export function levelForStatus(status: number): LogLevel {
  return todo("structured-logging");
}

/**
 * A deep copy of `value` in which every object key found in SECRET_KEYS (case-insensitive) has the value REDACTED,
 * at any depth, inside arrays too. Strings, numbers, booleans and null are returned as they are. The input is never
 * modified.
 */
export function redact(value: unknown): unknown {
  return todo("structured-logging");
}

/**
 * A logger that, for each logRequest(record), calls write(line) exactly once, where line is ONE JSON object followed
 * by "\n" (and no other newline) with at least:
 *   time       the ISO 8601 time from options.now() (Date.prototype.toISOString)
 *   level      levelForStatus(status)
 *   msg        a short human-readable summary (e.g. "POST /predict 200 12ms")
 *   requestId, method, route, status (number), latencyMs (number)
 * plus `headers` (redacted) when given, and the redacted `context` fields at the top level (the fields above win
 * when a context key has the same name).
 * Throws an Error mentioning "requestId" for an empty requestId, "status" for a status outside 100-599 or not an
 * integer, and "latencyMs" for a negative or non-finite latency, and then writes nothing.
 */
export function createRequestLogger(write: (line: string) => void, options: RequestLoggerOptions = {}): RequestLogger {
  return todo("structured-logging");
}
