/**
 * What can go wrong talking to MLflow, as types a program can branch on:
 *
 *   - MlflowNetworkError: the request never got an HTTP answer (server down, wrong port, a time-out);
 *   - MlflowApiError: MLflow answered with an error. Its body is `{ "error_code": "...", "message": "..." }`, and
 *     `errorCode` is what to branch on: RESOURCE_DOES_NOT_EXIST, RESOURCE_ALREADY_EXISTS, INVALID_PARAMETER_VALUE...
 *
 * Both name the endpoint ("POST /api/2.0/mlflow/runs/create"), so a failure in a long pipeline says which call broke.
 */

export class MlflowError extends Error {
  constructor(
    /** "METHOD /path" of the call that failed. */
    readonly endpoint: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "MlflowError";
  }
}

/** No HTTP answer at all: connection refused, DNS, a reset, or the time-out elapsed. */
export class MlflowNetworkError extends MlflowError {
  constructor(endpoint: string, baseUrl: string, reason: string, cause?: unknown) {
    super(
      endpoint,
      `${endpoint}: could not reach MLflow at ${baseUrl} (${reason}). Is the server running? Start one with ` +
        "`npm run mlflow`, or check MLFLOW_TRACKING_URI.",
      { cause },
    );
    this.name = "MlflowNetworkError";
  }
}

/** MLflow answered with a non-2xx status. */
export class MlflowApiError extends MlflowError {
  constructor(
    endpoint: string,
    readonly status: number,
    /** MLflow's error_code, or HTTP_<status> when the body was not MLflow's JSON error. */
    readonly errorCode: string,
    /** MLflow's own message (or the start of the body). */
    readonly detail: string,
  ) {
    super(endpoint, `${endpoint} failed with HTTP ${status} ${errorCode}: ${detail}`);
    this.name = "MlflowApiError";
  }
}

/** True when `err` is an MLflow error answer with this error_code. */
export function hasErrorCode(err: unknown, code: string): boolean {
  return err instanceof MlflowApiError && err.errorCode === code;
}

/** Why fetch failed, in a few words: "ECONNREFUSED", "timed out after 10000 ms", ... */
export function networkReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `timed out after ${timeoutMs} ms`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
