// A simple embedding you can compute offline: hashed bag of words with TF-IDF weights, L2-normalised. It is NOT a
// learned embedding model (such as Amazon Titan Text Embeddings): it knows nothing about meaning, only which words
// two texts share, so "car" and "automobile" are unrelated to it. A learned model maps texts with similar meaning
// to nearby vectors even when they share no word; the retrieval code around it (cosine, top-k) stays the same.

/** Lower-case word tokens; the words that carry no topic are dropped. */
const STOPWORDS = new Set(
  "a an and are as at be by can do does for from has have how i in is it its of on or that the this to was what when where which who why will with you your".split(
    " ",
  ),
);

export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOPWORDS.has(w));
}

/** FNV-1a, 32 bits: a fixed, fast string hash, so the same word always lands in the same dimension. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Embedder {
  dimensions: number;
  /** The vector of a text: unit length, or all zeros when it has no known word. */
  embed(text: string): Float64Array;
}

/**
 * Fits inverse document frequencies on a corpus, then embeds any text into `dimensions` hashed buckets.
 * idf(w) = ln((1 + N) / (1 + df(w))) + 1 (scikit-learn's smoothed form), so a word in every document still counts a
 * little and a word never seen counts the most.
 */
export function hashedTfIdf(corpus: readonly string[], dimensions = 1024): Embedder {
  if (!Number.isInteger(dimensions) || dimensions < 8) throw new Error("dimensions must be an integer >= 8");
  if (corpus.length === 0) throw new Error("hashedTfIdf needs at least one document to fit on");
  const df = new Map<string, number>();
  for (const doc of corpus) for (const w of new Set(words(doc))) df.set(w, (df.get(w) ?? 0) + 1);
  const n = corpus.length;
  const idf = (w: string) => Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1;
  return {
    dimensions,
    embed(text: string): Float64Array {
      const v = new Float64Array(dimensions);
      for (const w of words(text)) v[fnv1a(w) % dimensions] += idf(w);
      const norm = Math.hypot(...v);
      if (norm > 0) for (let i = 0; i < v.length; i++) v[i] /= norm;
      return v;
    },
  };
}

/** cos(a, b) = a·b / (|a| |b|); 0 when either vector is all zeros (nothing in common to measure). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`cosine: vectors of length ${a.length} and ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
