// Reference solution for exercises/week-06/retry-backoff.ts.
export interface RetryOptions {
  retries: number;
  timeoutMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export function backoffDelay(retry: number, o: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">): number {
  const cap = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** retry);
  return Math.floor(o.random() * cap);
}

export function isRetryableStatus(status: number): boolean {
  return [408, 429, 500, 502, 503, 504].includes(status);
}

export class RetriesExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: string,
  ) {
    super(`gave up after ${attempts} attempts; last error: ${lastError}`);
    this.name = "RetriesExhaustedError";
  }
}

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
  attempts: number;
}

export interface Prediction {
  label: string;
  probability: number;
}

export interface PredictResult {
  predictions: Prediction[];
  source: "model" | "fallback";
  attempts: number;
  error?: string;
}

export async function postJsonWithRetry(url: string, payload: unknown, o: RetryOptions): Promise<JsonResponse> {
  let lastError = "";
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    if (attempt > 0) await o.sleep(backoffDelay(attempt - 1, o));
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (err) {
      const e = err as Error;
      lastError = e.name === "TimeoutError" ? `timed out after ${o.timeoutMs} ms` : `network error: ${e.message}`;
      continue;
    }
    const text = await response.text();
    if (response.ok) return { status: response.status, body: text ? JSON.parse(text) : null, attempts: attempt + 1 };
    if (!isRetryableStatus(response.status)) throw new RequestRejectedError(response.status, text);
    lastError = `HTTP ${response.status}`;
  }
  throw new RetriesExhaustedError(o.retries + 1, lastError);
}

export async function predictWithFallback(
  url: string,
  rows: number[][],
  o: RetryOptions & { fallback: (rows: number[][]) => Prediction[] },
): Promise<PredictResult> {
  try {
    const r = await postJsonWithRetry(url, { instances: rows }, o);
    const body = r.body as { predictions: Prediction[] };
    return { predictions: body.predictions, source: "model", attempts: r.attempts };
  } catch (err) {
    if (!(err instanceof RetriesExhaustedError)) throw err;
    return { predictions: o.fallback(rows), source: "fallback", attempts: err.attempts, error: err.message };
  }
}
