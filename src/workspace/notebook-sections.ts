// "Show first, then ask": every section of an ML notebook that draws a plot once the exercises are solved must also
// draw one while they are still stubs, so a learner who opens the notebook first sees the idea working. This file
// counts plots per level-2 heading in an executed notebook and holds the one list of the sections that count.

/** The plotly MIME type that show() in src/plot emits (one output = one plot). */
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** Share of the sections with plots (solutions pass) that must also plot in the stubs pass. */
export const SHOW_FIRST_BAR = 0.8;

/**
 * The ML notebooks and which of their level-2 sections count, by file name: "all", or heading prefixes (the
 * sections that teach ML rather than infrastructure). A notebook missing here is not measured. The one place to edit.
 */
export const SHOW_FIRST_SECTIONS: Readonly<Record<string, "all" | readonly string[]>> = {
  "week-01-ml-fundamentals.ipynb": "all",
  "week-02-supervised-learning.ipynb": "all",
  "week-02-unsupervised-learning.ipynb": "all",
  "week-03-neural-networks.ipynb": "all",
  "week-03-training-networks.ipynb": "all",
  "week-04-model-serving.ipynb": "all",
  "week-06-mlops.ipynb": ["The pipeline", "Experiment tracking", "Monitoring", "Checkpoint: the whole loop"],
};

export interface SectionPlots {
  /** The level-2 heading's text without the "## "; "" for the cells before the first one. */
  heading: string;
  plots: number;
}

interface NotebookJson {
  cells: { cell_type: string; source: string | string[]; outputs?: { data?: Record<string, unknown> }[] }[];
}

/** The level-2 headings of a markdown cell, in order, ignoring lines inside fenced code blocks. */
function level2Headings(markdown: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && line.startsWith("## ")) headings.push(line.slice(3).trim());
  }
  return headings;
}

/** Plots per level-2 section of an executed notebook, in notebook order (every heading listed, even with 0 plots). */
export function plotsPerSection(nb: NotebookJson): SectionPlots[] {
  const sections: SectionPlots[] = [{ heading: "", plots: 0 }];
  for (const cell of nb.cells) {
    const source = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    if (cell.cell_type === "markdown") {
      for (const heading of level2Headings(source)) sections.push({ heading, plots: 0 });
    } else if (cell.cell_type === "code") {
      const plots = (cell.outputs ?? []).filter((o) => o.data && PLOTLY_MIME in o.data).length;
      sections[sections.length - 1].plots += plots;
    }
  }
  return sections;
}

/** The sections of `notebook` (a file name or path) that count; undefined when the notebook is not measured. */
export function countedSections(notebook: string, sections: SectionPlots[]): SectionPlots[] | undefined {
  const rule = SHOW_FIRST_SECTIONS[notebook.split("/").pop() ?? notebook];
  if (!rule) return undefined;
  const named = sections.filter((s) => s.heading !== "");
  return rule === "all" ? named : named.filter((s) => rule.some((prefix) => s.heading.startsWith(prefix)));
}

export interface ShowFirstResult {
  /** Sections that draw at least one plot in the solutions pass. */
  solutions: number;
  /** Of those, the sections that also draw one in the stubs pass. */
  stubs: number;
  /** Headings that plot with solutions but not with stubs. */
  missing: string[];
  /** Listed heading prefixes that match no section (a renamed heading, or a typo in the list). */
  unknown: string[];
  ok: boolean;
}

/** Compares the two passes of one measured notebook against SHOW_FIRST_BAR. */
export function showFirst(notebook: string, solutions: SectionPlots[], stubs: SectionPlots[]): ShowFirstResult {
  const counted = countedSections(notebook, solutions) ?? [];
  const rule = SHOW_FIRST_SECTIONS[notebook.split("/").pop() ?? notebook];
  const unknown = rule && rule !== "all" ? rule.filter((p) => !solutions.some((s) => s.heading.startsWith(p))) : [];
  const withPlots = counted.filter((s) => s.plots > 0).map((s) => s.heading);
  const stubPlots = new Set(stubs.filter((s) => s.plots > 0).map((s) => s.heading));
  const missing = withPlots.filter((h) => !stubPlots.has(h));
  const shown = withPlots.length - missing.length;
  const ok = unknown.length === 0 && (withPlots.length === 0 || shown / withPlots.length >= SHOW_FIRST_BAR);
  return { solutions: withPlots.length, stubs: shown, missing, unknown, ok };
}
