// Pieces of retrieval-augmented generation that the notebook uses around the learner's rag-retrieval exercise: the
// shapes, recall@k, and the generation step, which here is a DETERMINISTIC STAND-IN, not a language model.
import { words } from "./embed";

export interface Chunk {
  /** `<document id>#<index from 0>`, e.g. "aws-s3#1": what an answer cites. */
  id: string;
  docId: string;
  text: string;
}

export interface ScoredChunk extends Chunk {
  score: number;
}

/** Share of questions whose answer phrase is in at least one of their top-k chunks (the "hit rate" form of recall). */
export function recallAtK(results: readonly (readonly Chunk[])[], answerPhrases: readonly string[], k: number): number {
  if (results.length !== answerPhrases.length) throw new Error("recallAtK: one result list per question");
  if (results.length === 0) throw new Error("recallAtK: no questions");
  const hits = results.filter((top, i) =>
    top.slice(0, k).some((c) => c.text.toLowerCase().includes(answerPhrases[i].toLowerCase())),
  ).length;
  return hits / results.length;
}

/**
 * STAND-IN FOR A FOUNDATION MODEL. It picks the context sentence sharing the most words with the question and
 * returns it verbatim with its chunk id, or says it does not know. A real model would write a fluent answer that
 * combines several chunks, could still ignore the instructions or hallucinate, and would cost input and output tokens.
 */
export function extractiveStandIn(question: string, context: readonly Chunk[]): string {
  const q = new Set(words(question));
  let best = { overlap: 0, sentence: "", id: "" };
  for (const c of context) {
    for (const sentence of c.text.split(/(?<=[.!?])\s+/)) {
      const overlap = new Set(words(sentence).filter((w) => q.has(w))).size;
      if (overlap > best.overlap) best = { overlap, sentence, id: c.id };
    }
  }
  return best.overlap === 0 ? "I don't know: the context does not say." : `${best.sentence} [${best.id}]`;
}
