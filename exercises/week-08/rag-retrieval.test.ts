// Grades exercises/week-08/rag-retrieval.ts (and proves solutions/week-08/rag-retrieval.ts with the same file).
// Retrieval is scored on the fixed questions of src/genai/corpus.ts: a question is answered when one of its top-k
// chunks contains its answer phrase. Token counts use the same tokenizer as the exercise (gpt-tokenizer o200k_base).
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { CORPUS, cosine, countTokens, hashedTfIdf, RETRIEVAL_QUESTIONS, recallAtK } from "../../src/genai";
import { assemblePrompt, chunkDocument, INSTRUCTIONS, retrieve } from "./rag-retrieval";

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");

describe("chunkDocument", () => {
  test("whole sentences, within budget, one sentence of overlap, numbered ids", () => {
    for (const doc of CORPUS) {
      const chunks = chunkDocument(doc, 40);
      const all = sentencesOf(doc.text);
      assert.ok(chunks.length >= 2, `${doc.id}: a 40-token budget should need several chunks, got ${chunks.length}`);
      chunks.forEach((c, i) => {
        assert.equal(c.id, `${doc.id}#${i}`, "chunk ids are <doc id>#<index from 0>");
        assert.equal(c.docId, doc.id);
        const inside = sentencesOf(c.text);
        assert.ok(
          inside.length === 1 || countTokens(c.text) <= 40,
          `${c.id} has ${countTokens(c.text)} tokens (budget 40) and more than one sentence`,
        );
        for (const s of inside) assert.ok(all.includes(s), `${c.id}: "${s}" is not a whole sentence of the document`);
        if (i > 0) {
          const prev = sentencesOf(chunks[i - 1].text);
          if (prev.length > 1)
            assert.equal(inside[0], prev.at(-1), `${c.id} should start with the last sentence of ${chunks[i - 1].id}`);
        }
      });
      // Nothing lost: every sentence is in some chunk, in order.
      const covered = new Set(chunks.flatMap((c) => sentencesOf(c.text)));
      assert.deepEqual([...covered], all, `${doc.id}: the chunks must cover every sentence, in order`);
    }
  });
  test("chunks are as large as the budget allows (greedy)", () => {
    const doc = CORPUS[0];
    const chunks = chunkDocument(doc, 60);
    const all = sentencesOf(doc.text);
    for (const c of chunks.slice(0, -1)) {
      const inside = sentencesOf(c.text);
      const next = all[all.indexOf(inside.at(-1) as string) + 1];
      assert.ok(countTokens(`${c.text} ${next}`) > 60, `${c.id} could still take "${next}" within 60 tokens`);
    }
  });
  test("a large budget keeps a document whole; bad budgets throw", () => {
    assert.deepEqual(
      chunkDocument(CORPUS[1], 10_000).map((c) => c.text),
      [sentencesOf(CORPUS[1].text).join(" ")],
    );
    assert.throws(() => chunkDocument(CORPUS[1], 0), /maxTokens/);
    assert.throws(() => chunkDocument(CORPUS[1], 2.5), /maxTokens/);
  });
});

/** Chunks of the whole corpus and an embedder fitted on them, built inside each test (a stub throws there). */
function indexCorpus() {
  const chunks = CORPUS.flatMap((d) => chunkDocument(d, 60));
  return { chunks, embedder: hashedTfIdf(chunks.map((c) => c.text)) };
}

describe("retrieve", () => {
  test("the k best chunks by cosine similarity, best first, with their scores", () => {
    const { chunks, embedder } = indexCorpus();
    for (const { question } of RETRIEVAL_QUESTIONS) {
      const got = retrieve(question, chunks, embedder, 3);
      const q = embedder.embed(question);
      const scores = chunks.map((c) => cosine(q, embedder.embed(c.text)));
      const best = [...scores].sort((a, b) => b - a).slice(0, 3);
      assert.equal(got.length, 3);
      got.forEach((c, i) => {
        assert.ok(
          Math.abs(c.score - best[i]) < 1e-12,
          `"${question}": rank ${i + 1} should score ${best[i]}, got ${c.score}`,
        );
        assert.ok(
          Math.abs(scores[chunks.findIndex((x) => x.id === c.id)] - c.score) < 1e-12,
          `${c.id}'s score is not its cosine`,
        );
      });
    }
  });
  test("recall@3 on the fixed questions is at least 0.9 (and recall@1 at least 0.75)", () => {
    const { chunks, embedder } = indexCorpus();
    const top = RETRIEVAL_QUESTIONS.map((q) => retrieve(q.question, chunks, embedder, 3));
    const phrases = RETRIEVAL_QUESTIONS.map((q) => q.answerPhrase);
    const r3 = recallAtK(top, phrases, 3);
    const r1 = recallAtK(top, phrases, 1);
    assert.ok(r3 >= 0.9, `recall@3 = ${r3.toFixed(2)}`);
    assert.ok(r1 >= 0.75, `recall@1 = ${r1.toFixed(2)}`);
  });
  test("bad k throws", () => {
    const { chunks, embedder } = indexCorpus();
    assert.throws(() => retrieve("s3", chunks, embedder, 0), /k/);
  });
});

describe("assemblePrompt", () => {
  const question = "How durable is an object stored in Amazon S3?";
  const rankedChunks = () => {
    const { chunks, embedder } = indexCorpus();
    return retrieve(question, chunks, embedder, 6);
  };

  test("INSTRUCTIONS ask for context-only, cited answers and an honest 'don't know'", () => {
    assert.ok(
      assemblePrompt(question, rankedChunks(), 400).prompt.startsWith(INSTRUCTIONS),
      "the prompt opens with them",
    );
    assert.match(INSTRUCTIONS, /only/i, "say to use only the context");
    assert.match(INSTRUCTIONS, /context/i);
    assert.match(INSTRUCTIONS, /cite/i, "ask for citations");
    assert.match(INSTRUCTIONS, /\[/, "show the bracket form of a citation");
    assert.match(INSTRUCTIONS, /(don't|do not|does not) know|not (in|contain)/i, "say what to do without an answer");
  });
  for (const budget of [120, 200, 400]) {
    test(`within a ${budget}-token budget: instructions, cited chunks in rank order, the question`, () => {
      const ranked = rankedChunks();
      const { prompt, used } = assemblePrompt(question, ranked, budget);
      assert.ok(countTokens(prompt) <= budget, `prompt has ${countTokens(prompt)} tokens, budget ${budget}`);
      assert.ok(prompt.startsWith(INSTRUCTIONS), "the prompt opens with INSTRUCTIONS");
      assert.ok(prompt.includes(question), "the prompt holds the question");
      assert.ok(prompt.indexOf(question) > prompt.lastIndexOf("]"), "the question comes after the context");
      assert.ok(used.length >= 1, "at least the best chunk fits");
      let at = -1;
      for (const id of used) {
        const c = ranked.find((r) => r.id === id);
        assert.ok(c, `${id} is not one of the ranked chunks`);
        const line = `[${id}] ${c.text}`;
        assert.ok(prompt.indexOf(line) > at, `the line "${line.slice(0, 40)}..." is missing or out of rank order`);
        at = prompt.indexOf(line);
      }
      // Greedy: every chunk left out would have overflowed the budget.
      for (const c of ranked.filter((r) => !used.includes(r.id))) {
        assert.ok(
          countTokens(`${prompt}\n[${c.id}] ${c.text}`) > budget,
          `${c.id} was left out but still fits in ${budget} tokens`,
        );
      }
    });
  }
  test("a budget too small for instructions and question throws; an empty question throws", () => {
    const ranked = rankedChunks();
    assert.throws(() => assemblePrompt(question, ranked, 10), /budget/);
    assert.throws(() => assemblePrompt("  ", ranked, 400), /question/);
  });
});
