// Small terminal helpers for the review commands: colour only on a real terminal, and word-wrapped paragraphs.
import type { Link } from "./schema";

const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

export const style = {
  bold: paint("1"),
  dim: paint("2"),
  green: paint("32"),
  red: paint("31"),
  yellow: paint("33"),
  cyan: paint("36"),
};

/** Wraps text to the terminal's width (at most 100 columns), keeping the given indent on every line. */
export function wrap(text: string, indent = "", width = Math.min(process.stdout.columns || 100, 100)): string {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n\s*\n/)) {
    let line = indent;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line.trim() && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent;
      }
      line += line.trim() ? ` ${word}` : word;
    }
    out.push(line);
    out.push("");
  }
  out.pop();
  return out.join("\n");
}

/** "notebooks/week-05-….ipynb → "Heading"": where a question is taught. */
export function linkText(link: Link): string {
  return `notebooks/${link.notebook} → "${link.heading}"`;
}

export function say(text = ""): void {
  process.stdout.write(`${text}\n`);
}

/** The clock the commands use: STUDY_REVIEW_NOW (an ISO date) lets a test jump ahead in time. */
export function clock(): Date {
  const fixed = process.env.STUDY_REVIEW_NOW;
  if (fixed) {
    const t = new Date(fixed);
    if (!Number.isNaN(t.getTime())) return t;
  }
  return new Date();
}
