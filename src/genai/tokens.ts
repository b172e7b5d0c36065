// Tokens: what a language model reads and what it is billed by. This uses gpt-tokenizer's o200k_base encoding, a real
// byte-pair encoding (BPE) that ships inside the package (no download). It is OpenAI's tokenizer, NOT the tokenizer of
// any model on Amazon Bedrock: every model family has its own vocabulary, so the same text gives a different count
// there. Use these counts to learn the mechanics and to budget prompts roughly, never to predict a Bedrock bill.
import { createRequire } from "node:module";
import { join } from "node:path";
import { findRoot } from "../workspace/paths";

// Loaded through createRequire, not `import`: the package's type declarations need TypeScript 5.6+ (string export
// names), while tslab compiles with 5.0 and would fail to parse them. These are the two functions used, typed here.
interface GptTokenizer {
  encode(text: string): number[];
  decode(tokens: number[]): string;
}
const { encode, decode } = createRequire(join(findRoot(), "package.json"))("gpt-tokenizer") as GptTokenizer;

/** Which tokenizer these helpers use, said wherever a count is shown. */
export const TOKENIZER_NAME = "gpt-tokenizer 4.0.0, o200k_base BPE (OpenAI's encoding, not a Bedrock model's)";

export interface Tokenized {
  ids: number[];
  /** The text of each token, so you can see where the BPE cut the words. */
  pieces: string[];
}

export function tokenize(text: string): Tokenized {
  if (typeof text !== "string") throw new Error("tokenize needs a string");
  const ids = encode(text);
  return { ids, pieces: ids.map((id) => decode([id])) };
}

export function countTokens(text: string): number {
  if (typeof text !== "string") throw new Error("countTokens needs a string");
  return encode(text).length;
}
