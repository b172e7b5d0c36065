// The offline generative-AI helpers: the tokenizer really loads and round-trips, the embedding is deterministic and
// unit length, and the Bedrock stub rejects what the real API would reject.
import assert from "node:assert/strict";
import { type BedrockRuntimeClient, ConverseCommand, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterAll, beforeAll, describe, test } from "vitest";
import { type BedrockStub, startBedrockStub, stubClient } from "./bedrock-stub";
import { CORPUS, RETRIEVAL_QUESTIONS } from "./corpus";
import { cosine, hashedTfIdf, words } from "./embed";
import { extractiveStandIn, recallAtK } from "./rag";
import { countTokens, tokenize } from "./tokens";

describe("tokens", () => {
  test("the BPE tokenizer ships with the package and round-trips text", () => {
    const text = "Amazon Bedrock, tokens & embeddings: 42!";
    const t = tokenize(text);
    assert.ok(t.ids.length > 5 && t.ids.length < text.length, `${t.ids.length} tokens`);
    assert.equal(t.pieces.join(""), text);
    assert.equal(countTokens(text), t.ids.length);
    assert.equal(countTokens(""), 0);
  });
});

describe("embedding", () => {
  const e = hashedTfIdf(
    CORPUS.map((d) => d.text),
    256,
  );
  test("unit length, deterministic, zero for unknown words", () => {
    const v = e.embed("S3 durability");
    assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-12);
    assert.deepEqual(e.embed("S3 durability"), v);
    assert.equal(cosine(e.embed("zzqx"), v), 0);
    assert.deepEqual(words("The S3 bucket is in a Region"), ["s3", "bucket", "region"]);
  });
  test("every answer phrase is in exactly one document, and whole-document retrieval finds it", () => {
    for (const q of RETRIEVAL_QUESTIONS) {
      const docs = CORPUS.filter((d) => d.text.toLowerCase().includes(q.answerPhrase.toLowerCase()));
      assert.equal(docs.length, 1, `"${q.answerPhrase}" in ${docs.length} documents`);
    }
    const ranked = RETRIEVAL_QUESTIONS.map((q) => {
      const qv = e.embed(q.question);
      return CORPUS.map((d) => ({ id: d.id, docId: d.id, text: d.text, s: cosine(qv, e.embed(d.text)) })).sort(
        (a, b) => b.s - a.s,
      );
    });
    assert.ok(
      recallAtK(
        ranked,
        RETRIEVAL_QUESTIONS.map((q) => q.answerPhrase),
        3,
      ) >= 0.9,
    );
  });
  test("the stand-in answers with a cited sentence, or says it does not know", () => {
    const chunk = { id: "aws-s3#0", docId: "aws-s3", text: CORPUS.find((d) => d.id === "aws-s3")?.text ?? "" };
    assert.match(extractiveStandIn("What durability is S3 designed for?", [chunk]), /durability.*\[aws-s3#0\]$/);
    assert.match(extractiveStandIn("zzqx", [chunk]), /don't know/);
  });
});

describe("Bedrock stub", () => {
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
  test("rejects a conversation that starts with the assistant, as a ValidationException", async () => {
    await assert.rejects(
      client.send(
        new ConverseCommand({
          modelId: "amazon.nova-lite-v1:0",
          messages: [{ role: "assistant", content: [{ text: "hi" }] }],
        }),
      ),
      (e: Error) => e.name === "ValidationException" && /start with a user message/.test(e.message),
    );
  });
  test("stops at maxTokens with stopReason max_tokens", async () => {
    const out = await client.send(
      new ConverseCommand({
        modelId: "m",
        messages: [{ role: "user", content: [{ text: "a long question about many things" }] }],
        inferenceConfig: { maxTokens: 3 },
      }),
    );
    assert.equal(out.stopReason, "max_tokens");
  });
  test("Titan V2 embeddings: the requested size, unit length; a wrong size is refused", async () => {
    const out = await client.send(
      new InvokeModelCommand({
        modelId: "amazon.titan-embed-text-v2:0",
        contentType: "application/json",
        body: JSON.stringify({ inputText: "hello world", dimensions: 256 }),
      }),
    );
    const body = JSON.parse(new TextDecoder().decode(out.body));
    assert.equal(body.embedding.length, 256);
    assert.ok(Math.abs(Math.hypot(...body.embedding) - 1) < 1e-9);
    await assert.rejects(
      client.send(
        new InvokeModelCommand({
          modelId: "amazon.titan-embed-text-v2:0",
          contentType: "application/json",
          body: JSON.stringify({ inputText: "x", dimensions: 300 }),
        }),
      ),
      /256, 512 or 1024/,
    );
  });
});
