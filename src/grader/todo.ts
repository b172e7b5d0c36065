/**
 * How a stub says "not started". Every stub body calls `todo("<exercise id>")`, which throws a NotStartedError.
 * The grader recognises the marker in the message (it survives being wrapped by assertion errors, which keep the
 * original message as their "actual" text), and reports the exercise as not started rather than failed.
 */
export const NOT_STARTED_MARK = "[not started]";

export class NotStartedError extends Error {
  readonly exercise: string;
  constructor(exercise: string) {
    super(
      `${NOT_STARTED_MARK} exercise "${exercise}" is still a stub: replace the todo(...) call with your code, then run \`npm run grade ${exercise}\`.`,
    );
    this.name = "NotStartedError";
    this.exercise = exercise;
  }
}

/** Marks an unwritten function body. The return type `never` lets it stand in for any return value. */
export function todo(exercise: string): never {
  throw new NotStartedError(exercise);
}

/** True when an error (or anything it wraps) comes from an untouched stub. */
export function isNotStarted(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { message, actual, cause } = e as { message?: unknown; actual?: unknown; cause?: unknown };
    if (typeof message === "string" && message.includes(NOT_STARTED_MARK)) return true;
    if (typeof actual === "string" && actual.includes(NOT_STARTED_MARK)) return true;
    if (actual && typeof actual === "object" && isNotStarted(actual)) return true;
    e = cause;
  }
  return typeof error === "string" && error.includes(NOT_STARTED_MARK);
}
