// SL012 COPY instead of ADD for local files. hadolint: DL3020.
// ADD also downloads URLs and auto-extracts local tar archives; for plain files that magic only surprises.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

const REMOTE = /^(https?:\/\/|git@|git:\/\/)/;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst)$/i;

export const addVsCopy = defineRule("SL012", ({ model }) => {
  const out: Finding[] = [];
  for (const i of model.instructions) {
    if (i.keyword !== "ADD" || model.brokenJson.has(i)) continue;
    let words: string[];
    try {
      words = i.args.startsWith("[") ? (JSON.parse(i.args) as string[]) : i.args.split(/\s+/);
    } catch {
      continue;
    }
    const sources = words.slice(0, -1);
    if (sources.length === 0 || sources.some((s) => REMOTE.test(s) || ARCHIVE.test(s))) continue;
    out.push(
      finding(
        addVsCopy,
        i.line,
        `ADD ${i.args} copies local files; ADD's extra behaviour (URLs, auto-extracting archives) is not needed`,
        `Use \`COPY ${i.args}\`.`,
      ),
    );
  }
  return out;
});
