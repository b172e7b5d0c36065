// Generative-AI mechanics that run offline: tokens, a simple embedding, a small corpus, RAG helpers, a Bedrock stub.
// Notebooks must name this file, `import { tokenize } from "./src/genai/index"` (tslab resolves <path>.ts only).

export { guardrailProblems, knowledgeBaseProblems, TITAN_EMBED_V2_DIMENSIONS } from "./bedrock-checks";
export {
  type BedrockStub,
  type RecordedRequest,
  STUB_REPLY_PREFIX,
  startBedrockStub,
  stubClient,
} from "./bedrock-stub";
export { CORPUS, RETRIEVAL_QUESTIONS, type RetrievalQuestion, type SourceDocument } from "./corpus";
export { cosine, type Embedder, hashedTfIdf, words } from "./embed";
export { type Chunk, extractiveStandIn, recallAtK, type ScoredChunk } from "./rag";
export { countTokens, TOKENIZER_NAME, type Tokenized, tokenize } from "./tokens";
