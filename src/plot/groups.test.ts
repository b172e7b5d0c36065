import assert from "node:assert/strict";
import { test } from "vitest";
import { colorAt } from "./colors";
import { scatterByGroup } from "./groups";

test("scatterByGroup: one trace per group, coloured by group", () => {
  const fig = scatterByGroup([1, 2, 3, 4], [5, 6, 7, 8], [1, 0, 1, 0], { groupNames: ["a", "b"] });
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ["a", "b"],
  );
  assert.deepEqual(fig.data[1].x, [1, 3]);
  assert.equal(fig.data[1].marker?.color, colorAt(1));
});

test("scatterByGroup: a second grouping becomes marker shapes, one trace per pair", () => {
  const fig = scatterByGroup([1, 2, 3], [1, 2, 3], [0, 0, 1], { shapes: [0, 1, 1], shapeNames: ["p", "q"] });
  assert.deepEqual(
    fig.data.map((t) => t.name),
    ["group 0 · p", "group 0 · q", "group 1 · q"],
  );
  assert.notEqual(fig.data[0].marker?.symbol, fig.data[1].marker?.symbol);
});

test("scatterByGroup: lengths must match", () => {
  assert.throws(() => scatterByGroup([1, 2], [1], [0, 0]), /same length|length/);
  assert.throws(() => scatterByGroup([1, 2], [1, 2], [0]), /same length|length/);
});
