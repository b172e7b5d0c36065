import assert from "node:assert/strict";
import { test } from "vitest";
import { formatDuration, formatMetric, progress, renderHtml, renderLine } from "./progress";

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 120, write: (s: string) => writes.push(s) } };
}

test("outside a kernel, with the real stderr, progress does not throw", () => {
  const p = progress({ total: 3, label: "test" });
  for (let i = 1; i <= 3; i++) p.update(i, { loss: 1 / i });
  p.done();
  p.done(); // a second done() is ignored
  p.update(4); // and so are updates after it
});

test("not a terminal: silent until done(), then exactly one summary line", () => {
  const { writes, stream } = fakeStream(false);
  const p = progress({ total: 100, label: "training", stream });
  for (let i = 1; i <= 100; i++) p.update(i, { loss: 1 / i });
  assert.equal(writes.length, 0);
  p.done({ acc: 0.9 });
  assert.equal(writes.length, 1);
  assert.match(writes[0], /^training \[#+\] 100\/100 100% done in \d+\.\ds loss=0\.01000 acc=0\.9000\n$/);
});

test("a terminal: one line redrawn with \\r, throttled to a few redraws for a fast loop", () => {
  const { writes, stream } = fakeStream(true);
  const p = progress({ total: 10_000, label: "fast", stream });
  for (let i = 1; i <= 10_000; i++) p.update(i);
  p.done();
  // A fast loop finishes in well under a second: at most a handful of redraws, not 10,000.
  assert.ok(writes.length <= 12, `expected few redraws, got ${writes.length}`);
  assert.ok(writes.every((w) => w.startsWith("\r")));
  assert.ok(writes.at(-1)?.endsWith("\n"));
  assert.ok(writes.slice(0, -1).every((w) => !w.includes("\n")));
});

test("renderers and formatting", () => {
  const s = { label: "<b>x</b>", step: 5, total: 20, metrics: { loss: 0.123456 }, elapsedMs: 2000 };
  assert.match(renderLine(s, false), /\[######\.+\] 5\/20 {2}25% 2\.0s · ETA 6\.0s loss=0\.1235/);
  const html = renderHtml(s, false);
  assert.match(html, /width: 25%/);
  assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/); // labels are escaped, not injected as HTML
  assert.equal(formatDuration(125_000), "2m 05s");
  assert.equal(formatMetric(3), "3");
});
