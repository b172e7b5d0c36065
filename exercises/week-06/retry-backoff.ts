// Week 6 · Calling a model over the network: time-outs, retries with exponential backoff and jitter, a fallback.
// Read the "Monitoring: drift, latency and failures" section of notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade retry-backoff`; stuck? `npm run hint retry-backoff`.
//
// The model server will be slow or down at some point. A client that waits forever hangs its own callers; one that
// retries immediately, in a tight loop, turns a hiccup into a stampede that keeps the server down. The standard
// recipe: a time-out on every attempt, a bounded number of retries for failures that may go away (network errors,
// time-outs, 5xx, 429), waits that grow exponentially with random "jitter" (so a thousand clients do not retry in
// lock-step), no retry at all for a request the server says is wrong (4xx), and a fallback answer when the model
// stays unavailable. `sleep` and `random` are passed in, so tests run instantly and deterministically.
// (The functions returning a Promise are written without `async` only so the untouched stub fails at once; make
// yours `async function` and use await.)
import { todo } from "../../src/grader/todo";

export interface RetryOptions {
  /** Extra attempts after the first: retries 3 means at most 4 attempts. */
  retries: number;
  /** Give up on one attempt after this many milliseconds (use AbortSignal.timeout with fetch). */
  timeoutMs: number;
  /** The cap of the first wait; it doubles on every retry. */
  baseDelayMs: number;
  /** No wait is ever longer than this. */
  maxDelayMs: number;
  /** Waits ms milliseconds (tests pass a fake that only records the value). */
  sleep: (ms: number) => Promise<void>;
  /** A random number in [0, 1) (tests pass a scripted sequence). */
  random: () => number;
}

/**
 * The wait before retry number `retry` (0 for the first retry), with "full jitter":
 * Math.floor(random() × min(maxDelayMs, baseDelayMs × 2^retry)). Call random() exactly once.
 * Example: base 100, max 1000, random() = 0.5: retry 0 → 50, retry 1 → 100, retry 4 → floor(0.5 × 1000) = 500.
 */
export function backoffDelay(retry: number, o: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  return todo("retry-backoff");
}

/** Statuses worth retrying: 408 (request time-out), 429 (too many requests), 500, 502, 503 and 504. */
export function isRetryableStatus(status: number): boolean {
  return todo("retry-backoff");
}

/** Every attempt failed with something worth retrying. */
export class RetriesExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: string,
  ) {
    super(`gave up after ${attempts} attempts; last error: ${lastError}`);
    this.name = "RetriesExhaustedError";
  }
}

/** The server rejected the request itself (a 4xx other than 408/429): retrying would fail the same way. */
export class RequestRejectedError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the server rejected the request with HTTP ${status}: ${body}`);
    this.name = "RequestRejectedError";
  }
}

export interface JsonResponse {
  status: number;
  body: unknown;
  /** How many attempts it took (1 when the first one worked). */
  attempts: number;
}

/**
 * POSTs `payload` as JSON to `url`, each attempt with a time-out of timeoutMs. A 2xx answer returns its parsed
 * JSON body. A network error, a time-out or a retryable status is retried after backoffDelay(retry) (sleep),
 * up to `retries` times, then RetriesExhaustedError. Any other status throws RequestRejectedError at once.
 */
export function postJsonWithRetry(url: string, payload: unknown, o: RetryOptions): Promise<JsonResponse> {
  return todo("retry-backoff");
}

export interface Prediction {
  label: string;
  probability: number;
}

export interface PredictResult {
  predictions: Prediction[];
  /** "model" when the server answered, "fallback" when it stayed unavailable. */
  source: "model" | "fallback";
  attempts: number;
  /** Why the fallback was used (the RetriesExhaustedError's message). */
  error?: string;
}

/**
 * Asks the model server at `url` (POST {"instances": rows}, answered with {"predictions": Prediction[]}) through
 * postJsonWithRetry. When the retries are exhausted, answers with fallback(rows) instead, source "fallback" (e.g.
 * "refer to a human" with probability 0: a safe answer that says it is not the model's). A RequestRejectedError
 * is NOT a reason to fall back: the input is wrong, and hiding that would hide a bug; rethrow it.
 */
export function predictWithFallback(
  url: string,
  rows: number[][],
  o: RetryOptions & { fallback: (rows: number[][]) => Prediction[] },
): Promise<PredictResult> {
  return todo("retry-backoff");
}
