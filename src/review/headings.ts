import { readFileSync } from "node:fs";

/**
 * The `#`, `##` and `###` headings of a notebook's markdown cells, as trimmed text without the #s. Lines inside
 * fenced code blocks are skipped: a shell comment such as "# Option A: build here" in a ```bash block is not a
 * heading, though it starts with "#".
 */
export function headingsOf(notebookJson: string): Set<string> {
  const nb = JSON.parse(notebookJson) as { cells?: { cell_type: string; source: string | string[] }[] };
  const headings = new Set<string>();
  for (const cell of nb.cells ?? []) {
    if (cell.cell_type !== "markdown") continue;
    const text = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    let fenced = false;
    for (const line of text.split("\n")) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced) {
        const m = /^#{1,3}\s+(.*)$/.exec(line);
        if (m) headings.add(m[1].replace(/\s+#+\s*$/, "").trim());
      }
    }
  }
  return headings;
}

/** Reads a notebook file and returns its headings. */
export function notebookHeadings(file: string): Set<string> {
  return headingsOf(readFileSync(file, "utf8"));
}
