// A real render through headless Chromium (this workspace's machines have it), not a mock: it proves plotly.js
// loads from node_modules with no network and that the PNG comes out whole.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { findChromium } from "./chromium";
import { lossCurves } from "./loss";
import { savePng } from "./png";

const dir = mkdtempSync(join(tmpdir(), "plot-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test("savePng writes a real PNG of the requested size", { timeout: 60_000 }, async () => {
  const fig = lossCurves(
    Array.from({ length: 20 }, (_, i) => ({
      epoch: i + 1,
      loss: 1 / (i + 1),
      valLoss: 1.2 / (i + 1) + 0.05,
      accuracy: 1 - 0.5 / (i + 1),
    })),
    { title: "test render" },
  );
  const out = await savePng(fig, join(dir, "sub", "loss.png"), { width: 640, height: 400 });
  const png = readFileSync(out);
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
  // The IHDR chunk right after the signature holds width and height as big-endian 32-bit numbers.
  assert.equal(png.readUInt32BE(16), 640);
  assert.equal(png.readUInt32BE(20), 400);
  // A blank image compresses to almost nothing; a chart with lines, text and a legend does not.
  assert.ok(png.length > 10_000, `PNG suspiciously small: ${png.length} bytes`);
  assert.ok(png.length < 2_000_000, `PNG suspiciously large: ${png.length} bytes`);
});

test("a missing Chromium gives an error that says how to install one", () => {
  assert.throws(() => findChromium({ CHROMIUM_PATH: join(dir, "no-such-browser") }), /CHROMIUM_PATH/);
});
