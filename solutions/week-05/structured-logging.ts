// Reference solution for exercises/week-05/structured-logging.ts.

export type LogLevel = "info" | "warn" | "error";

export interface RequestRecord {
  requestId: string;
  method: string;
  route: string;
  status: number;
  latencyMs: number;
  headers?: Record<string, string>;
  context?: Record<string, unknown>;
}

export interface RequestLoggerOptions {
  now?: () => Date;
}

export interface RequestLogger {
  logRequest(record: RequestRecord): void;
}

export const REDACTED = "[REDACTED]";
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

export function levelForStatus(status: number): LogLevel {
  if (status >= 500) return "error";
  if (status >= 400) return "warn";
  return "info";
}

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.includes(k.toLowerCase()) ? REDACTED : redact(v);
    return out;
  }
  return value;
}

function validate(r: RequestRecord): void {
  if (typeof r.requestId !== "string" || r.requestId === "") throw new Error("requestId must be a non-empty string");
  if (!Number.isInteger(r.status) || r.status < 100 || r.status > 599)
    throw new Error(`status must be 100-599, got ${r.status}`);
  if (!Number.isFinite(r.latencyMs) || r.latencyMs < 0) throw new Error(`latencyMs must be >= 0, got ${r.latencyMs}`);
}

export function createRequestLogger(write: (line: string) => void, options: RequestLoggerOptions = {}): RequestLogger {
  const now = options.now ?? (() => new Date());
  return {
    logRequest(record) {
      validate(record);
      const { requestId, method, route, status, latencyMs, headers, context } = record;
      const line: Record<string, unknown> = {
        ...(redact(context ?? {}) as Record<string, unknown>),
        time: now().toISOString(),
        level: levelForStatus(status),
        msg: `${method} ${route} ${status} ${latencyMs}ms`,
        requestId,
        method,
        route,
        status,
        latencyMs,
      };
      if (headers) line.headers = redact(headers);
      write(`${JSON.stringify(line)}\n`);
    },
  };
}
