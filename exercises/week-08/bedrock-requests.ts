// Week 8 · Amazon Bedrock requests: Converse and InvokeModel built with the AWS SDK's own types, and a guardrail and
// a knowledge base configured for a study assistant.
// Read "Amazon Bedrock: InvokeModel and Converse" and "Guardrails and knowledge bases" in
// notebooks/week-08-ai-practitioner.ipynb first.
// Grade it with `npm run grade bedrock-requests`; stuck? `npm run hint bedrock-requests`.
//
// The test sends your requests with @aws-sdk/client-bedrock-runtime to a LOCAL STUB of Bedrock (src/genai/bedrock-stub.ts:
// no model runs, no AWS account is touched) and reads what the SDK really put on the wire. The return types come from
// the SDK, so `npx tsc --noEmit -p .` checks the shapes; the test checks what types cannot (lengths, patterns, ranges),
// with guardrailProblems and knowledgeBaseProblems from src/genai.
// Validate the input first: each function throws an Error whose message names the problem, as listed.
import type { CreateGuardrailCommandInput } from "@aws-sdk/client-bedrock";
import type { CreateKnowledgeBaseCommandInput } from "@aws-sdk/client-bedrock-agent";
import type {
  ConverseCommandInput,
  ConverseCommandOutput,
  InvokeModelCommandInput,
} from "@aws-sdk/client-bedrock-runtime";
import { todo } from "../../src/grader/todo";

export interface AskOptions {
  modelId: string;
  /** The system prompt: who the assistant is and the rules it follows. */
  system: string;
  maxTokens: number;
  temperature: number;
  /** Apply this guardrail to the call (id or ARN, and "DRAFT" or a version number from 1). */
  guardrail?: { id: string; version: string };
}

/**
 * A Converse request: the system prompt as one system block, the prompt as the one user message (one text block),
 * maxTokens and temperature in inferenceConfig, and the guardrail (when given) in guardrailConfig.
 * Throws "prompt" when it is empty, "maxTokens" unless an integer >= 1, "temperature" outside [0, 1], and "guardrail"
 * for an id that is neither lowercase letters and digits nor a guardrail ARN, or a version other than DRAFT or 1, 2, ...
 */
export function converseRequest(prompt: string, opts: AskOptions): ConverseCommandInput {
  return todo("bedrock-requests");
}

export interface Answer {
  text: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
}

/** The answer in a Converse response: the text of its content blocks joined, the stop reason and the token usage. */
export function readConverse(output: ConverseCommandOutput): Answer {
  return todo("bedrock-requests");
}

/**
 * An InvokeModel request for an Anthropic Claude model in the Messages format Bedrock documents: a JSON body with
 * anthropic_version "bedrock-2023-05-31", max_tokens, and one user message whose content is one text block; JSON
 * content type and accept. Throws "Anthropic" for a model id not starting with "anthropic.", "maxTokens" as above.
 */
export function claudeInvokeRequest(modelId: string, prompt: string, maxTokens: number): InvokeModelCommandInput {
  return todo("bedrock-requests");
}

/** The answer in an Anthropic Messages response body (InvokeModel returns the model's own JSON as bytes). */
export function readClaudeBody(body: Uint8Array): Answer {
  return todo("bedrock-requests");
}

/**
 * The study assistant's guardrail. Requirements:
 * - a valid name and both blocked messages;
 * - a denied topic for exam dumps (leaked real exam questions), with a definition and at least one example;
 * - content filters: PROMPT_ATTACK on input at HIGH (output NONE), and HATE, VIOLENCE and MISCONDUCT at MEDIUM or
 *   HIGH on both input and output;
 * - EMAIL and PHONE anonymised, AWS_ACCESS_KEY and AWS_SECRET_KEY blocked;
 * - contextual grounding: a GROUNDING filter with a threshold of at least 0.5, and a RELEVANCE filter.
 */
export function studyGuardrail(): CreateGuardrailCommandInput {
  return todo("bedrock-requests");
}

/**
 * The study assistant's knowledge base: a VECTOR knowledge base embedding with Titan Text Embeddings V2
 * (amazon.titan-embed-text-v2:0, in `region`) at 512 dimensions, to match a 512-dimension vector index in an
 * OpenSearch Serverless collection of the same account and Region, with a service role of that account.
 * Throws "account" unless accountId is 12 digits and "region" unless region looks like a Region code (eu-west-3).
 */
export function studyKnowledgeBase(accountId: string, region: string): CreateKnowledgeBaseCommandInput {
  return todo("bedrock-requests");
}
