// Reference solution for rag-retrieval.
import type { Chunk, Embedder, ScoredChunk, SourceDocument } from "../../src/genai/index";
import { cosine, countTokens } from "../../src/genai/index";

export const INSTRUCTIONS =
  "Answer the question using only the context below. Cite the id of every chunk you use in square brackets, " +
  "like [aws-s3#0]. If the context does not contain the answer, say you don't know.";

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function chunkDocument(doc: Pick<SourceDocument, "id" | "text">, maxTokens: number): Chunk[] {
  if (!Number.isInteger(maxTokens) || maxTokens < 1) throw new Error("maxTokens must be a positive integer");
  const all = sentences(doc.text);
  const chunks: Chunk[] = [];
  let start = 0;
  while (start < all.length) {
    // Take sentences while the chunk stays within budget; always at least one.
    let end = start + 1;
    while (end < all.length && countTokens(all.slice(start, end + 1).join(" ")) <= maxTokens) end++;
    chunks.push({ id: `${doc.id}#${chunks.length}`, docId: doc.id, text: all.slice(start, end).join(" ") });
    if (end >= all.length) break;
    // Overlap: the next chunk repeats the last sentence, unless that would not move forward.
    start = end - 1 > start ? end - 1 : end;
  }
  return chunks;
}

export function retrieve(query: string, chunks: readonly Chunk[], embedder: Embedder, k: number): ScoredChunk[] {
  if (!Number.isInteger(k) || k < 1) throw new Error("k must be a positive integer");
  const q = embedder.embed(query);
  return chunks
    .map((c, i) => ({ c, i, score: cosine(q, embedder.embed(c.text)) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, k)
    .map(({ c, score }) => ({ ...c, score }));
}

export interface AssembledPrompt {
  prompt: string;
  /** Ids of the chunks placed in the prompt, in the order they appear. */
  used: string[];
}

export function assemblePrompt(question: string, ranked: readonly Chunk[], budgetTokens: number): AssembledPrompt {
  if (question.trim() === "") throw new Error("question is empty");
  const build = (cs: readonly Chunk[]) =>
    `${INSTRUCTIONS}\n\nContext:\n${cs.map((c) => `[${c.id}] ${c.text}`).join("\n")}\n\nQuestion: ${question}\nAnswer:`;
  if (countTokens(build([])) > budgetTokens) {
    throw new Error(`budget of ${budgetTokens} tokens is too small for the instructions and the question`);
  }
  const kept: Chunk[] = [];
  for (const c of ranked) {
    if (countTokens(build([...kept, c])) <= budgetTokens) kept.push(c);
  }
  return { prompt: build(kept), used: kept.map((c) => c.id) };
}
