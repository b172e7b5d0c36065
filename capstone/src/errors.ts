/**
 * The API's ONE error envelope and ONE table of error codes. Every response that is not a 2xx, from any route or from
 * the framework itself (bad JSON, a body too large, an unknown route), has this shape:
 *
 *   { "error": { "code": "VALIDATION_FAILED", "message": "2 fields are invalid.",
 *                "details": [{ "path": "/instances/0/mean_radius", "message": "missing feature" }, ...],
 *                "requestId": "..." } }
 *
 * Clients branch on `code` (stable), people read `message`, `path` is a JSON Pointer into the request body, and
 * `requestId` is the id in the x-request-id header and in every log line of that request: quote it in a bug report.
 *
 * capstone/docs/errors.md shows this table; errors.test.ts fails when the two disagree.
 */
import type { FastifyReply } from "fastify";

export interface ErrorCodeInfo {
  status: number;
  /** When the client should come back (seconds), sent as the Retry-After header. */
  retryAfterSeconds?: number;
  /** When it happens and what the client should do: shown in the docs. */
  description: string;
}

export const ERROR_CODES = {
  INVALID_JSON: {
    status: 400,
    description: "The body is not valid JSON, or is empty although Content-Type says JSON. Fix the JSON.",
  },
  INVALID_REQUEST: {
    status: 400,
    description:
      "The body is JSON but not a prediction request: it must be an object with exactly one of `instances` (an " +
      "array of objects) or `instance` (one object). Also used for any other malformed HTTP request.",
  },
  VALIDATION_FAILED: {
    status: 400,
    description:
      "Some fields are wrong. `details` lists EVERY bad field with its path: a missing feature, a value that is not " +
      'a number (strings such as "12.5" or "NaN" are not converted), a number JSON parses as infinite (1e999), or a ' +
      "field that is not a feature of the model (extra fields are rejected, never ignored).",
  },
  EMPTY_BATCH: {
    status: 400,
    description: "`instances` is an empty array. Send at least one instance.",
  },
  BATCH_TOO_LARGE: {
    status: 400,
    description: "`instances` has more items than MAX_BATCH (see GET /model). Split the batch.",
  },
  NOT_FOUND: {
    status: 404,
    description: "No route has this path. The routes are listed at GET /openapi.json and /docs.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    description:
      "The path exists but not with this method (POST /model, GET /predict). The `Allow` header lists the methods " +
      "it takes.",
  },
  BODY_TOO_LARGE: {
    status: 413,
    description: "The body is larger than BODY_LIMIT_BYTES. Send smaller batches.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description:
      "The Content-Type is not application/json (POST /invocations also accepts text/csv). Send JSON with " +
      "`Content-Type: application/json`.",
  },
  INTERNAL_ERROR: {
    status: 500,
    description:
      "A bug on the server. The response never contains the cause or a stack trace; the log line with the same " +
      "requestId does.",
  },
  NOT_READY: {
    status: 503,
    retryAfterSeconds: 5,
    description:
      "The model is not loaded yet (starting, warming up) or failed to load (the server log says why). Retry later; " +
      "GET /readyz answers 200 once predictions can be served.",
  },
  SHUTTING_DOWN: {
    status: 503,
    retryAfterSeconds: 1,
    description:
      "GET /readyz and GET /ping while the server drains after SIGTERM: requests already sent are still answered, " +
      "new traffic should go to another replica.",
  },
  OVERLOADED: {
    status: 503,
    retryAfterSeconds: 5,
    description:
      "The server is shedding load (its event loop is lagging, see MAX_EVENT_LOOP_DELAY_MS). Retry after the " +
      "Retry-After header's seconds, with back-off.",
  },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetail {
  /** JSON Pointer into the request body, e.g. "/instances/3/mean_radius" ("" for the body itself). */
  path: string;
  message: string;
}

/** An error meant for the client: its code, message and details are sent as they are. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_CODES[code].status;
  }
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details: ErrorDetail[]; requestId: string };
}

export function envelope(error: ApiError, requestId: string): ErrorEnvelope {
  return { error: { code: error.code, message: error.message, details: error.details, requestId } };
}

/** Fastify's own error codes, translated into ours. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "BODY_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "INVALID_REQUEST",
  FST_ERR_BAD_URL: "INVALID_REQUEST",
  FST_ERR_VALIDATION: "INVALID_REQUEST",
  FST_UNDER_PRESSURE: "OVERLOADED",
};

/** What the client is told about the message of a framework error (its own texts are fine, but not for 5xx). */
const FRAMEWORK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  BODY_TOO_LARGE: "The request body is larger than this server accepts (BODY_LIMIT_BYTES).",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported Content-Type: send application/json.",
  OVERLOADED: "The server is overloaded: retry later.",
};

/**
 * Any thrown value -> the ApiError the client sees. An ApiError passes through; a framework error gets our code;
 * anything else is a bug: INTERNAL_ERROR with a fixed message (the cause goes to the log, never to the client).
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (typeof err === "object" && err !== null ? err : {}) as { code?: unknown; statusCode?: unknown };
  const mapped = typeof e.code === "string" ? FRAMEWORK_CODES[e.code] : undefined;
  if (mapped !== undefined) {
    const own = err instanceof Error ? err.message : "";
    return new ApiError(mapped, FRAMEWORK_MESSAGES[mapped] ?? (own || ERROR_CODES[mapped].description));
  }
  const status = typeof e.statusCode === "number" ? e.statusCode : 500;
  if (status === 413) return new ApiError("BODY_TOO_LARGE", FRAMEWORK_MESSAGES.BODY_TOO_LARGE!);
  if (status === 415) return new ApiError("UNSUPPORTED_MEDIA_TYPE", FRAMEWORK_MESSAGES.UNSUPPORTED_MEDIA_TYPE!);
  if (status >= 400 && status < 500) {
    const own = err instanceof Error && err.message ? err.message : "The request is malformed.";
    return new ApiError("INVALID_REQUEST", own);
  }
  return new ApiError("INTERNAL_ERROR", "Internal error: the server log has the details under this requestId.");
}

/** Sends the envelope with the code's status and, for 503s, the Retry-After header. */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  const info: ErrorCodeInfo = ERROR_CODES[error.code];
  if (info.retryAfterSeconds !== undefined) reply.header("retry-after", String(info.retryAfterSeconds));
  // Also set by the onRequest hook, but errors raised before hooks run (a malformed URL) need it too.
  reply.header("x-request-id", reply.request.id);
  return reply.code(error.status).type("application/json; charset=utf-8").send(envelope(error, reply.request.id));
}

/** The table as Markdown: what capstone/docs/errors.md must contain between its markers. */
export function errorTableMarkdown(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, info]: [string, ErrorCodeInfo]) => {
    const retry = info.retryAfterSeconds === undefined ? "" : `${info.retryAfterSeconds}`;
    return `| \`${code}\` | ${info.status} | ${retry} | ${info.description.replaceAll("|", "\\|")} |`;
  });
  return ["| code | status | Retry-After (s) | when, and what to do |", "| --- | --- | --- | --- |", ...rows].join(
    "\n",
  );
}
