// Grades exercises/week-08/bedrock-requests.ts (and proves solutions/week-08/bedrock-requests.ts with the same file).
// Requests go through the real @aws-sdk/client-bedrock-runtime to the workspace's LOCAL STUB of Bedrock, which records
// the HTTP request the SDK sent; the configurations are checked with the runtime rules in src/genai/bedrock-checks.ts.
import assert from "node:assert/strict";
import { type BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, test } from "vitest";
import {
  type BedrockStub,
  guardrailProblems,
  knowledgeBaseProblems,
  STUB_REPLY_PREFIX,
  startBedrockStub,
  stubClient,
} from "../../src/genai";
import {
  claudeInvokeRequest,
  converseRequest,
  readClaudeBody,
  readConverse,
  studyGuardrail,
  studyKnowledgeBase,
} from "./bedrock-requests";

let stub: BedrockStub;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  stub = await startBedrockStub();
  client = stubClient(stub);
});
afterAll(async () => {
  client?.destroy();
  await stub?.close();
});

const NOVA = "amazon.nova-lite-v1:0";
const CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";

describe("Converse", () => {
  test("the SDK sends POST /model/{id}/converse with system, one user message, inferenceConfig and guardrail", async () => {
    const input = converseRequest("What does S3 versioning do?", {
      modelId: NOVA,
      system: "You are a study assistant.",
      maxTokens: 300,
      temperature: 0.2,
      guardrail: { id: "abc123def456", version: "DRAFT" },
    });
    stub.requests.length = 0;
    const out = await client.send(new ConverseCommand(input));
    const sent = stub.requests.at(-1);
    assert.ok(sent, "no request reached the stub");
    assert.equal(sent.method, "POST");
    assert.equal(
      sent.path,
      "/model/amazon.nova-lite-v1%3A0/converse",
      "the model id goes in the path, percent-encoded",
    );
    assert.deepEqual(sent.body, {
      system: [{ text: "You are a study assistant." }],
      messages: [{ role: "user", content: [{ text: "What does S3 versioning do?" }] }],
      inferenceConfig: { maxTokens: 300, temperature: 0.2 },
      guardrailConfig: { guardrailIdentifier: "abc123def456", guardrailVersion: "DRAFT" },
    });
    const answer = readConverse(out);
    assert.ok(answer.text.startsWith(STUB_REPLY_PREFIX), `expected the stub's reply, got "${answer.text}"`);
    assert.equal(answer.stopReason, "end_turn");
    assert.equal(answer.inputTokens, out.usage?.inputTokens);
    assert.equal(answer.outputTokens, out.usage?.outputTokens);
    assert.ok(answer.inputTokens > 0 && answer.outputTokens > 0);
  });
  test("no guardrailConfig without a guardrail; readConverse joins several text blocks", async () => {
    const input = converseRequest("Hi", { modelId: NOVA, system: "Be brief.", maxTokens: 5, temperature: 0 });
    assert.equal(input.guardrailConfig, undefined);
    await client.send(new ConverseCommand(input));
    assert.deepEqual((stub.requests.at(-1)?.body as { inferenceConfig?: unknown } | undefined)?.inferenceConfig, {
      maxTokens: 5,
      temperature: 0,
    });
    const joined = readConverse({
      $metadata: {},
      output: { message: { role: "assistant", content: [{ text: "Eleven " }, { text: "nines." }] } },
      stopReason: "max_tokens",
      usage: { inputTokens: 7, outputTokens: 3, totalTokens: 10 },
      metrics: { latencyMs: 5 },
    });
    assert.deepEqual(joined, { text: "Eleven nines.", stopReason: "max_tokens", inputTokens: 7, outputTokens: 3 });
  });
  test("bad input throws a clear error", () => {
    const ok = { modelId: NOVA, system: "s", maxTokens: 10, temperature: 0.5 };
    assert.throws(() => converseRequest(" ", ok), /prompt/);
    assert.throws(() => converseRequest("q", { ...ok, maxTokens: 0 }), /maxTokens/);
    assert.throws(() => converseRequest("q", { ...ok, temperature: 1.5 }), /temperature/);
    assert.throws(() => converseRequest("q", { ...ok, guardrail: { id: "abc", version: "0" } }), /guardrail/);
    assert.throws(() => converseRequest("q", { ...ok, guardrail: { id: "Not An Id", version: "1" } }), /guardrail/);
    assert.doesNotThrow(() =>
      converseRequest("q", {
        ...ok,
        guardrail: { id: "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc1", version: "3" },
      }),
    );
  });
});

describe("InvokeModel", () => {
  test("the SDK sends the model's own JSON body to POST /model/{id}/invoke, and the reply body is parsed", async () => {
    const input = claudeInvokeRequest(CLAUDE, "Name one S3 storage class.", 200);
    const out = await client.send(new InvokeModelCommand(input));
    const sent = stub.requests.at(-1);
    assert.equal(sent?.path, "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke");
    assert.equal(sent?.headers["content-type"], "application/json");
    assert.equal(sent?.headers.accept, "application/json");
    assert.deepEqual(sent?.body, {
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 200,
      messages: [{ role: "user", content: [{ type: "text", text: "Name one S3 storage class." }] }],
    });
    const answer = readClaudeBody(out.body);
    assert.ok(answer.text.startsWith(STUB_REPLY_PREFIX));
    assert.equal(answer.stopReason, "end_turn");
    assert.ok(answer.inputTokens > 0 && answer.outputTokens > 0);
  });
  test("bad input throws a clear error", () => {
    assert.throws(() => claudeInvokeRequest(NOVA, "q", 10), /Anthropic/);
    assert.throws(() => claudeInvokeRequest(CLAUDE, "q", 2.5), /maxTokens/);
  });
});

describe("studyGuardrail", () => {
  test("passes the API's runtime rules", () => {
    const g = studyGuardrail();
    assert.deepEqual(guardrailProblems(g), []);
  });
  test("denies exam dumps", () => {
    const g = studyGuardrail();
    const topics = g.topicPolicyConfig?.topicsConfig ?? [];
    const dump = topics.find((t) => /dump|leak/i.test(`${t.name} ${t.definition}`));
    assert.ok(dump, "a DENY topic whose name or definition is about exam dumps or leaked questions");
    assert.ok((dump.examples ?? []).length >= 1, "give the topic at least one example prompt");
  });
  test("content filters: prompt attacks on input, harmful categories both ways", () => {
    const g = studyGuardrail();
    const filters = g.contentPolicyConfig?.filtersConfig ?? [];
    const f = (type: string) => filters.find((x) => x.type === type);
    assert.equal(f("PROMPT_ATTACK")?.inputStrength, "HIGH", "PROMPT_ATTACK input strength HIGH");
    assert.equal(f("PROMPT_ATTACK")?.outputStrength, "NONE", "PROMPT_ATTACK applies to prompts: output NONE");
    for (const type of ["HATE", "VIOLENCE", "MISCONDUCT"]) {
      const x = f(type);
      assert.ok(x, `a ${type} filter`);
      assert.ok(["MEDIUM", "HIGH"].includes(x.inputStrength ?? ""), `${type} input at MEDIUM or HIGH`);
      assert.ok(["MEDIUM", "HIGH"].includes(x.outputStrength ?? ""), `${type} output at MEDIUM or HIGH`);
    }
  });
  test("personal data anonymised, AWS keys blocked", () => {
    const g = studyGuardrail();
    const pii = g.sensitiveInformationPolicyConfig?.piiEntitiesConfig ?? [];
    const action = (type: string) => pii.find((p) => p.type === type)?.action;
    assert.equal(action("EMAIL"), "ANONYMIZE");
    assert.equal(action("PHONE"), "ANONYMIZE");
    assert.equal(action("AWS_ACCESS_KEY"), "BLOCK");
    assert.equal(action("AWS_SECRET_KEY"), "BLOCK");
  });
  test("contextual grounding: GROUNDING at 0.5 or more, and RELEVANCE", () => {
    const g = studyGuardrail();
    const filters = g.contextualGroundingPolicyConfig?.filtersConfig ?? [];
    const grounding = filters.find((x) => x.type === "GROUNDING");
    assert.ok(grounding && (grounding.threshold ?? 0) >= 0.5, "a GROUNDING filter with threshold >= 0.5");
    assert.ok(
      filters.some((x) => x.type === "RELEVANCE"),
      "a RELEVANCE filter",
    );
  });
});

describe("studyKnowledgeBase", () => {
  test("passes the API's runtime rules, with 512-dimension Titan V2 embeddings in the same Region", () => {
    for (const [account, region] of [
      ["123456789012", "us-east-1"],
      ["210987654321", "eu-west-3"],
    ]) {
      const kb = studyKnowledgeBase(account, region);
      assert.deepEqual(knowledgeBaseProblems(kb, 512), [], `${account} ${region}`);
      const model = kb.knowledgeBaseConfiguration?.vectorKnowledgeBaseConfiguration?.embeddingModelArn ?? "";
      assert.equal(model, `arn:aws:bedrock:${region}::foundation-model/amazon.titan-embed-text-v2:0`);
      assert.ok(kb.roleArn?.startsWith(`arn:aws:iam::${account}:role/`), "a role of the same account");
      assert.ok(
        kb.storageConfiguration?.opensearchServerlessConfiguration?.collectionArn?.startsWith(
          `arn:aws:aoss:${region}:${account}:collection/`,
        ),
        "a collection of the same account and Region",
      );
    }
  });
  test("bad account or Region throws", () => {
    assert.throws(() => studyKnowledgeBase("1234", "us-east-1"), /account/);
    assert.throws(() => studyKnowledgeBase("123456789012", "Paris"), /region/i);
  });
});
