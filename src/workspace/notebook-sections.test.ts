import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { countedSections, plotsPerSection, showFirst } from "./notebook-sections";

const plot = { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { data: [] } } };
const text = { output_type: "stream", name: "stdout", text: "✋ This cell needs exercise ..." };
const md = (source: string) => ({ cell_type: "markdown", source });
const code = (...outputs: object[]) => ({ cell_type: "code", source: "show(x);", outputs });

/** A small executed notebook: a preamble, three sections (one with a level-3 heading), a fenced "## " in a code block. */
function notebook(stubbed: boolean) {
  return {
    cells: [
      md("# Week 0\nintro"),
      code(plot),
      md("## 1. Lines\nsome text"),
      code(plot),
      code(stubbed ? text : plot),
      md("### 1a. A sub-section stays in section 1"),
      code(plot),
      md("## 2. Curves\n```bash\n## not a heading\n```"),
      code(stubbed ? text : plot),
      md("## 3. Prose only"),
      code(),
    ],
  };
}

describe("plotsPerSection", () => {
  test("counts plotly outputs under the last level-2 heading, ignoring fenced code and level-3 headings", () => {
    assert.deepEqual(plotsPerSection(notebook(false)), [
      { heading: "", plots: 1 },
      { heading: "1. Lines", plots: 3 },
      { heading: "2. Curves", plots: 1 },
      { heading: "3. Prose only", plots: 0 },
    ]);
  });

  test("accepts sources stored as a list of lines, as nbformat writes them", () => {
    const nb = { cells: [{ cell_type: "markdown", source: ["## A\n", "text"] }, code(plot, plot)] };
    assert.deepEqual(plotsPerSection(nb), [
      { heading: "", plots: 0 },
      { heading: "A", plots: 2 },
    ]);
  });
});

describe("showFirst", () => {
  test("a section that plots only once solved is missing from the stubs count, and 1 of 2 is below the bar", () => {
    const r = showFirst(
      "notebooks/week-01-ml-fundamentals.ipynb",
      plotsPerSection(notebook(false)),
      plotsPerSection(notebook(true)),
    );
    assert.deepEqual(r, { solutions: 2, stubs: 1, missing: ["2. Curves"], unknown: [], ok: false });
  });

  test("every section plotting in both passes passes the bar", () => {
    const solved = plotsPerSection(notebook(false));
    assert.equal(showFirst("week-02-supervised-learning.ipynb", solved, solved).ok, true);
  });

  test("a listed heading prefix that matches nothing is reported, and unlisted notebooks are not measured", () => {
    const r = showFirst("week-06-mlops.ipynb", plotsPerSection(notebook(false)), plotsPerSection(notebook(false)));
    assert.equal(r.ok, false);
    assert.ok(r.unknown.includes("The pipeline"));
    assert.equal(countedSections("week-05-aws-networking-and-iam.ipynb", plotsPerSection(notebook(false))), undefined);
  });
});
