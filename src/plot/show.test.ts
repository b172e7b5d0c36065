import assert from "node:assert/strict";
import { test } from "vitest";
import { scatterWithLine } from "./scatter";
import { show } from "./show";

test("show() outside a kernel does not throw and leaves the figure as it was", () => {
  const fig = scatterWithLine([1, 2], [1, 2], { lineY: [1, 2] });
  const before = JSON.stringify(fig);
  assert.doesNotThrow(() => show(fig));
  assert.equal(JSON.stringify(fig), before);
  // Again (the note is printed only once), and with a figure that has no layout: still harmless.
  assert.doesNotThrow(() => show({ data: [] }));
});
