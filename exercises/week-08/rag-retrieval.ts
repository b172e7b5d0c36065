// Week 8 · Retrieval-augmented generation: chunk documents, retrieve by cosine similarity, assemble a prompt that
// fits a token budget and asks for cited answers.
// Read "Tokens and tokenization", "Embeddings and vector similarity" and "Retrieval-augmented generation" in
// notebooks/week-08-ai-practitioner.ipynb first.
// Grade it with `npm run grade rag-retrieval`; stuck? `npm run hint rag-retrieval`.
//
// Count tokens with countTokens from src/genai (gpt-tokenizer's o200k_base encoding). Validate the input first:
// each function throws an Error whose message names the problem, as listed.
import type { Chunk, Embedder, ScoredChunk, SourceDocument } from "../../src/genai/index";
import { todo } from "../../src/grader/todo";

/**
 * The instructions that open every prompt. They must tell the model to answer only from the context, to cite chunk
 * ids in square brackets, and to say it does not know when the context has no answer. Write your own wording.
 */
export const INSTRUCTIONS = "TODO";

/**
 * Splits a document into chunks of whole sentences (a sentence ends with . ! or ? followed by white space).
 * - Each chunk holds as many consecutive sentences as fit in `maxTokens` (sentences joined by one space), and at least
 *   one: a single sentence longer than the budget becomes a chunk of its own.
 * - Consecutive chunks overlap by one sentence: the next chunk starts with the last sentence of the previous one
 *   (unless the previous chunk is a single sentence, which would never move forward).
 * - Ids are `<doc id>#0`, `<doc id>#1`, ... and docId is the document's id.
 * Throws "maxTokens" unless maxTokens is a positive integer.
 */
export function chunkDocument(doc: Pick<SourceDocument, "id" | "text">, maxTokens: number): Chunk[] {
  return todo("rag-retrieval");
}

/**
 * The k chunks most similar to the query: cosine similarity of embedder.embed(query) and embedder.embed(chunk.text),
 * highest first, ties kept in the chunks' original order, each returned with its score.
 * Throws "k" unless k is a positive integer.
 */
export function retrieve(query: string, chunks: readonly Chunk[], embedder: Embedder, k: number): ScoredChunk[] {
  return todo("rag-retrieval");
}

export interface AssembledPrompt {
  prompt: string;
  /** Ids of the chunks placed in the prompt, in the order they appear. */
  used: string[];
}

/**
 * The prompt: INSTRUCTIONS, then the context as one line per chunk `[<chunk id>] <chunk text>`, then the question.
 * Walk `ranked` best first and keep every chunk that still fits: countTokens(prompt) must never exceed budgetTokens.
 * Throws "question" for an empty question and "budget" when even the prompt without any chunk does not fit.
 */
export function assemblePrompt(question: string, ranked: readonly Chunk[], budgetTokens: number): AssembledPrompt {
  return todo("rag-retrieval");
}
