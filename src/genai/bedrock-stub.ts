// A LOCAL STUB of the Amazon Bedrock runtime API, on a loopback port, speaking HTTP/2 like the real endpoint (the
// runtime client's default handler is HTTP/2 only). It is not Bedrock and runs no model: it checks
// that requests have the documented path and body, records them so you can read what the SDK really sent, and answers
// in the documented response shape with a fixed, deterministic text. Bedrock cannot run here (and moto does not
// emulate it), so this is the one place the workspace stands in for AWS with code of its own.
//
// Shapes follow the Amazon Bedrock API Reference (docs.aws.amazon.com/bedrock/latest/APIReference/), 2026-12:
//   InvokeModel  POST /model/{modelId}/invoke    body: the model's own JSON; response: the model's own JSON
//   Converse     POST /model/{modelId}/converse  body: { messages, system?, inferenceConfig?, guardrailConfig? }
//                response: { output: { message }, stopReason, usage: { inputTokens, outputTokens, totalTokens },
//                            metrics: { latencyMs } }
import { createServer, type Http2ServerRequest, type Http2ServerResponse, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { hashedTfIdf } from "./embed";
import { countTokens } from "./tokens";

// The SDK warns on Node < 22 about releases after January 2027; the pinned version supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export interface RecordedRequest {
  method: string;
  /** The path as sent, model id percent-encoded by the SDK (":" becomes %3A). */
  path: string;
  operation: "InvokeModel" | "Converse" | "unknown";
  modelId: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface BedrockStub {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The fixed text every stub reply starts with, so nobody mistakes it for a model's answer. */
export const STUB_REPLY_PREFIX = "[stub reply, no model ran]";

class ValidationError extends Error {}

function fail(res: Http2ServerResponse, status: number, type: string, message: string): void {
  // The SDK reads the error name from this header (or __type in the body) and throws an exception of that name.
  res.writeHead(status, {
    "content-type": "application/json",
    "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
  res.end(JSON.stringify({ message }));
}

function need(ok: unknown, message: string): asserts ok {
  if (!ok) throw new ValidationError(message);
}

type Message = { role: string; content: { text?: string }[] };

function converse(body: Record<string, unknown>): object {
  const messages = body.messages as Message[] | undefined;
  need(Array.isArray(messages) && messages.length > 0, "messages must be a non-empty array");
  for (const m of messages) {
    need(m.role === "user" || m.role === "assistant", `role must be "user" or "assistant", got "${m.role}"`);
    need(Array.isArray(m.content) && m.content.length > 0, "each message needs a content array of blocks");
  }
  need(messages[0].role === "user", "the conversation must start with a user message");
  const cfg = (body.inferenceConfig ?? {}) as { maxTokens?: number; temperature?: number; topP?: number };
  if (cfg.maxTokens !== undefined)
    need(Number.isInteger(cfg.maxTokens) && cfg.maxTokens >= 1, "inferenceConfig.maxTokens must be an integer >= 1");
  if (cfg.temperature !== undefined)
    need(cfg.temperature >= 0 && cfg.temperature <= 1, "inferenceConfig.temperature must be in [0, 1]");
  if (cfg.topP !== undefined) need(cfg.topP >= 0 && cfg.topP <= 1, "inferenceConfig.topP must be in [0, 1]");
  const system = (body.system ?? []) as { text?: string }[];
  const inputText = [
    ...system.map((s) => s.text ?? ""),
    ...messages.flatMap((m) => m.content.map((c) => c.text ?? "")),
  ].join("\n");
  const last = messages[messages.length - 1].content.map((c) => c.text ?? "").join(" ");
  let text = `${STUB_REPLY_PREFIX} You asked: ${last.slice(0, 200)}`;
  let stopReason = "end_turn";
  if (cfg.maxTokens !== undefined && countTokens(text) > cfg.maxTokens) {
    text = text.split(" ").slice(0, cfg.maxTokens).join(" ");
    stopReason = "max_tokens";
  }
  const inputTokens = countTokens(inputText);
  const outputTokens = countTokens(text);
  return {
    output: { message: { role: "assistant", content: [{ text }] } },
    stopReason,
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 1 },
  };
}

/** InvokeModel bodies differ per model family; the stub knows two documented ones. */
function invoke(modelId: string, body: Record<string, unknown>): object {
  if (modelId.startsWith("anthropic.")) {
    // Anthropic Claude Messages API on Bedrock.
    need(body.anthropic_version === "bedrock-2023-05-31", 'anthropic_version must be "bedrock-2023-05-31"');
    need(Number.isInteger(body.max_tokens) && (body.max_tokens as number) >= 1, "max_tokens must be an integer >= 1");
    const messages = body.messages as Message[] | undefined;
    need(Array.isArray(messages) && messages.length > 0, "messages must be a non-empty array");
    const input = messages
      .map((m) => (typeof m.content === "string" ? m.content : m.content.map((c) => c.text ?? "").join(" ")))
      .join("\n");
    const text = `${STUB_REPLY_PREFIX} ${input.slice(0, 200)}`;
    return {
      id: "msg_stub_0001",
      type: "message",
      role: "assistant",
      model: modelId,
      content: [{ type: "text", text }],
      stop_reason: "end_turn",
      usage: { input_tokens: countTokens(input), output_tokens: countTokens(text) },
    };
  }
  if (modelId.startsWith("amazon.titan-embed-text-v2")) {
    // Titan Text Embeddings V2: { inputText, dimensions?, normalize? } -> { embedding, inputTextTokenCount }.
    need(typeof body.inputText === "string" && body.inputText.length > 0, "inputText must be a non-empty string");
    const dimensions = (body.dimensions as number | undefined) ?? 1024;
    need([256, 512, 1024].includes(dimensions), "dimensions must be 256, 512 or 1024");
    // A hashed bag of words stands in for the learned embedding: same length and unit norm, none of the meaning.
    const embedding = Array.from(hashedTfIdf([body.inputText], dimensions).embed(body.inputText));
    return { embedding, inputTextTokenCount: countTokens(body.inputText) };
  }
  throw new ValidationError(
    `the stub knows anthropic.* and amazon.titan-embed-text-v2* request bodies, not ${modelId}`,
  );
}

function readBody(req: Http2ServerRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (b: Buffer) => parts.push(b));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts the stub on 127.0.0.1 (a free port unless one is given). Close it when done. */
export async function startBedrockStub(port = 0): Promise<BedrockStub> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const path = req.url ?? "";
    const match = /^\/model\/([^/]+)\/(invoke|converse)$/.exec(path.split("?")[0]);
    const modelId = match ? decodeURIComponent(match[1]) : "";
    const operation = match ? (match[2] === "invoke" ? "InvokeModel" : "Converse") : "unknown";
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      /* recorded as text; rejected below */
    }
    requests.push({ method: req.method ?? "", path, operation, modelId, headers: req.headers, body });
    if (req.method !== "POST" || !match)
      return fail(res, 404, "UnknownOperationException", `no Bedrock runtime operation at ${req.method} ${path}`);
    if (typeof body !== "object" || body === null)
      return fail(res, 400, "ValidationException", "the body must be a JSON object");
    try {
      const out =
        operation === "Converse"
          ? converse(body as Record<string, unknown>)
          : invoke(modelId, body as Record<string, unknown>);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(out));
    } catch (e) {
      if (e instanceof ValidationError) return fail(res, 400, "ValidationException", e.message);
      return fail(res, 500, "InternalServerException", String(e));
    }
  });
  // HTTP/2 clients keep their session open; close() ends them so the server can stop at once.
  const sessions = new Set<ServerHttp2Session>();
  server.on("session", (s) => {
    sessions.add(s);
    s.on("close", () => sessions.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.close();
        server.close(() => resolve());
      }),
  };
}

/**
 * A real Bedrock runtime client pointed at the stub: fake credentials (nothing is signed for AWS), one attempt (a
 * stub's refusal should show at once rather than after retries).
 */
export function stubClient(stub: BedrockStub): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: stub.url,
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
  });
}
