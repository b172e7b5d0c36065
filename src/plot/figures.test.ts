// The helpers are pure functions from numbers to plotly JSON, so they are tested by looking at the traces they make.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { barChart } from "./bar";
import { decisionBoundary } from "./boundary";
import { colorAt, withAlpha } from "./colors";
import { confusionHeatmap } from "./confusion";
import { lineChart } from "./line";
import { lossCurves } from "./loss";
import { extent, linspace } from "./math";
import { rocCurve } from "./roc";
import { scatterWithLine } from "./scatter";

describe("linspace and friends", () => {
  test("includes both ends and spaces evenly", () => {
    assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
    assert.deepEqual(linspace(3, 3, 1), [3]);
    assert.equal(linspace(0, 0.3, 4)[3], 0.3);
    assert.throws(() => linspace(0, 1, 0), /whole number/);
  });
  test("extent ignores NaN", () => {
    assert.deepEqual(extent([3, Number.NaN, -1, 2]), [-1, 3]);
    assert.throws(() => extent([]), /empty/);
  });
  test("colours", () => {
    assert.equal(colorAt(0), colorAt(8));
    assert.equal(withAlpha("#ff0080", 0.5), "rgba(255, 0, 128, 0.5)");
  });
});

describe("scatterWithLine", () => {
  const x = [3, 1, 2];
  const y = [7, 2, 6];
  test("data, then a smooth line from predict over the data's x range", () => {
    const fig = scatterWithLine(x, y, { predict: (v) => 2 * v, xLabel: "size", yLabel: "price", title: "fit" });
    assert.equal(fig.data.length, 2);
    const [dots, line] = fig.data;
    assert.equal(dots.mode, "markers");
    assert.deepEqual(dots.y, y);
    assert.equal(line.mode, "lines");
    assert.equal(line.x?.[0], 1);
    assert.equal(line.x?.at(-1), 3);
    assert.equal(line.y?.at(-1), 6);
    assert.equal(fig.layout?.xaxis?.title?.text, "size");
    assert.equal(fig.layout?.yaxis?.title?.text, "price");
    assert.equal(fig.layout?.title?.text, "fit");
  });
  test("lineY is sorted by x so the line does not zig-zag", () => {
    const fig = scatterWithLine(x, y, { lineY: [6, 2, 4] });
    const line = fig.data.find((t) => t.name === "fit");
    assert.deepEqual(line?.x, [1, 2, 3]);
    assert.deepEqual(line?.y, [2, 4, 6]);
  });
  test("one residual segment per point, in one trace, from the point to the line", () => {
    const fig = scatterWithLine(x, y, { predict: (v) => 2 * v, residuals: true });
    const res = fig.data.find((t) => t.name === "residuals");
    assert.ok(res);
    // Segments are [x, x, null] triples: count the gaps.
    assert.equal(res.x?.filter((v) => v === null).length, x.length);
    assert.deepEqual(res.x, [3, 3, null, 1, 1, null, 2, 2, null]);
    assert.deepEqual(res.y, [7, 6, null, 2, 2, null, 6, 4, null]);
  });
  test("without a model it is a plain scatter; residuals need a model; lengths must match", () => {
    const plain = scatterWithLine(x, y);
    assert.deepEqual(
      plain.data.map((t) => t.mode),
      ["markers"],
    );
    assert.throws(() => scatterWithLine(x, y, { residuals: true }), /predict|lineY/);
    assert.throws(() => scatterWithLine(x, [1], { lineY: [1, 2, 3] }), /lengths differ/);
  });
});

describe("lossCurves", () => {
  test("loss only: one trace, no second axis", () => {
    const fig = lossCurves([
      { epoch: 1, loss: 1 },
      { epoch: 2, loss: 0.5 },
    ]);
    assert.equal(fig.data.length, 1);
    assert.deepEqual(fig.data[0].x, [1, 2]);
    assert.equal(fig.layout?.yaxis2, undefined);
  });
  test("validation is dashed, accuracy is on a right-hand second axis", () => {
    const fig = lossCurves([
      { epoch: 1, loss: 1, valLoss: 1.1, accuracy: 0.6, valAccuracy: 0.55 },
      { epoch: 2, loss: 0.5, valLoss: 0.7, accuracy: 0.8, valAccuracy: 0.7 },
    ]);
    assert.deepEqual(
      fig.data.map((t) => t.name),
      ["train loss", "val loss", "train accuracy", "val accuracy"],
    );
    assert.equal(fig.data[1].line?.dash, "dash");
    assert.deepEqual(
      fig.data.map((t) => t.yaxis),
      ["y", "y", "y2", "y2"],
    );
    assert.equal(fig.layout?.yaxis2?.overlaying, "y");
    assert.equal(fig.layout?.yaxis2?.side, "right");
  });
  test("a metric missing in some epochs leaves gaps", () => {
    const fig = lossCurves([
      { epoch: 1, loss: 1, valLoss: 1.2 },
      { epoch: 2, loss: 0.8 },
    ]);
    assert.deepEqual(fig.data[1].y, [1.2, null]);
  });
});

describe("confusionHeatmap", () => {
  const m = [
    [50, 2, 0],
    [5, 40, 3],
    [0, 1, 30],
  ];
  const labels = ["cat", "dog", "fox"];
  test("one annotation per cell with the count, predicted on x and actual on y", () => {
    const fig = confusionHeatmap(m, labels);
    const ann = fig.layout?.annotations ?? [];
    assert.equal(ann.length, 9);
    const cell = ann.find((a) => a.y === "dog" && a.x === "fox");
    assert.equal(cell?.text, "3");
    assert.equal(fig.layout?.xaxis?.title?.text, "predicted");
    assert.equal(fig.layout?.yaxis?.title?.text, "actual");
    assert.equal(fig.layout?.yaxis?.autorange, "reversed");
    const heat = fig.data[0];
    assert.equal(heat.type, "heatmap");
    assert.deepEqual(heat.z, m);
  });
  test("dark cells get white text", () => {
    const ann = confusionHeatmap(m, labels).layout?.annotations ?? [];
    assert.equal(ann.find((a) => a.text === "50")?.font?.color, "white");
    assert.notEqual(ann.find((a) => a.text === "2")?.font?.color, "white");
  });
  test("normalize colours by row share but keeps counts as text", () => {
    const fig = confusionHeatmap(m, labels, { normalize: true });
    assert.equal(fig.data[0].z?.[0][0], 50 / 52);
    assert.equal(fig.layout?.annotations?.[0].text, "50");
  });
  test("matrix must match labels", () => {
    assert.throws(() => confusionHeatmap([[1, 2]], labels), /3x3/);
  });
});

describe("rocCurve", () => {
  test("one line per model with its AUC in the legend, plus the chance diagonal", () => {
    const fig = rocCurve([
      { fpr: [0, 0.1, 1], tpr: [0, 0.8, 1], auc: 0.85, name: "logreg" },
      { fpr: [0, 0.3, 1], tpr: [0, 0.6, 1], auc: 0.6512 },
    ]);
    assert.equal(fig.data.length, 3);
    assert.equal(fig.data[0].name, "logreg (AUC = 0.850)");
    assert.equal(fig.data[1].name, "model 2 (AUC = 0.651)");
    const diagonal = fig.data[2];
    assert.deepEqual(diagonal.x, [0, 1]);
    assert.deepEqual(diagonal.y, [0, 1]);
    assert.equal(diagonal.line?.dash, "dash");
    assert.deepEqual(fig.layout?.yaxis?.range, [-0.01, 1.01]);
  });
});

describe("decisionBoundary", () => {
  const points = [
    { x1: 0, x2: 0, label: 0 },
    { x1: 1, x2: 1, label: 1 },
    { x1: 0.9, x2: 0.2, label: 1 },
  ];
  test("a resolution x resolution grid, rows along x2, plus one point trace per class", () => {
    let calls = 0;
    const fig = decisionBoundary({
      predict: (a, b) => {
        calls++;
        return a + b > 1 ? 1 : 0;
      },
      x1Range: [0, 1],
      x2Range: [-1, 2],
      points,
      resolution: 30,
      labels: ["no", "yes"],
    });
    assert.equal(calls, 900);
    const grid = fig.data[0];
    assert.equal(grid.type, "heatmap");
    assert.equal(grid.x?.length, 30);
    assert.equal(grid.y?.length, 30);
    assert.equal(grid.z?.length, 30);
    assert.equal(grid.z?.[0].length, 30);
    assert.equal(grid.y?.[0], -1);
    // z[row][col] is predict(x[col], y[row]): top-right corner (1, 2) is class 1, bottom-left (0, -1) class 0.
    assert.equal(grid.z?.[29][29], 1);
    assert.equal(grid.z?.[0][0], 0);
    const scatters = fig.data.filter((t) => t.type === "scatter");
    assert.deepEqual(
      scatters.map((t) => [t.name, t.x?.length]),
      [
        ["no", 1],
        ["yes", 2],
      ],
    );
    assert.equal(scatters[1].marker?.color, colorAt(1));
  });
  test("default resolution is 80; probabilities give a contour with the 0.5 line", () => {
    const fig = decisionBoundary({ predict: (a) => 1 / (1 + Math.exp(-a)), points });
    const [shade, line] = fig.data;
    assert.equal(shade.type, "contour");
    assert.equal(shade.z?.length, 80);
    assert.equal(shade.z?.[0].length, 80);
    assert.equal(line.type, "contour");
    assert.equal(line.contours?.start, 0.5);
  });
  test("needs a range or points", () => {
    assert.throws(() => decisionBoundary({ predict: () => 0 }), /x1Range/);
  });
});

describe("lineChart", () => {
  test("a line per series, and a closed ± std band drawn under it", () => {
    const fig = lineChart(
      [
        { name: "train", x: [1, 10, 100], y: [0.9, 0.95, 0.99], std: [0.01, 0.02, 0.01] },
        { name: "validation", x: [1, 10, 100], y: [0.85, 0.9, 0.8] },
      ],
      { logX: true, xLabel: "C", yLabel: "accuracy" },
    );
    assert.deepEqual(
      fig.data.map((t) => t.name),
      ["train ± std", "train", "validation"],
    );
    const band = fig.data[0];
    assert.equal(band.fill, "toself");
    assert.deepEqual(band.x, [1, 10, 100, 100, 10, 1]);
    assert.ok(Math.abs((band.y?.[0] as number) - 0.91) < 1e-12);
    assert.ok(Math.abs((band.y?.[5] as number) - 0.89) < 1e-12);
    assert.equal(band.showlegend, false);
    assert.equal(fig.layout?.xaxis?.type, "log");
  });
});

describe("barChart", () => {
  test("sorted largest first, the top bar at the top", () => {
    const fig = barChart(["a", "b", "c"], [0.2, 0.5, 0.3]);
    const bar = fig.data[0];
    assert.equal(bar.orientation, "h");
    assert.deepEqual(bar.y, ["b", "c", "a"]);
    assert.deepEqual(bar.x, [0.5, 0.3, 0.2]);
    assert.equal(fig.layout?.yaxis?.autorange, "reversed");
  });
  test("abs sorting and top-k for signed coefficients; negative bars in another colour", () => {
    const fig = barChart(["a", "b", "c", "d"], [0.1, -2, 1, 0.5], { sort: "abs", top: 2, horizontal: false });
    const bar = fig.data[0];
    assert.deepEqual(bar.x, ["b", "c"]);
    assert.deepEqual(bar.marker?.color, [colorAt(1), colorAt(0)]);
  });
});
