// A real render through headless Chromium, not a mock: the installed browser where there is one, else the one packaged
// in node_modules (@sparticuz/chromium). It proves plotly.js loads from node_modules with no network and that the
// PNG comes out whole.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { describeChromium, findChromium, installedBrowserCandidates, packagedChromium } from "./chromium";
import { lossCurves } from "./loss";
import { savePng } from "./png";

const dir = mkdtempSync(join(tmpdir(), "plot-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function lossFigure() {
  return lossCurves(
    Array.from({ length: 20 }, (_, i) => ({
      epoch: i + 1,
      loss: 1 / (i + 1),
      valLoss: 1.2 / (i + 1) + 0.05,
      accuracy: 1 - 0.5 / (i + 1),
    })),
    { title: "test render" },
  );
}

/** A PNG with the right signature and size, and enough in it to be a chart rather than a blank page. */
function assertChartPng(file: string) {
  const png = readFileSync(file);
  assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
  // The IHDR chunk right after the signature holds width and height as big-endian 32-bit numbers.
  assert.equal(png.readUInt32BE(16), 640);
  assert.equal(png.readUInt32BE(20), 400);
  // A blank image compresses to almost nothing; a chart with lines, text and a legend does not.
  assert.ok(png.length > 10_000, `PNG suspiciously small: ${png.length} bytes`);
  assert.ok(png.length < 2_000_000, `PNG suspiciously large: ${png.length} bytes`);
}

test("savePng writes a real PNG of the requested size", { timeout: 120_000 }, async () => {
  assertChartPng(await savePng(lossFigure(), join(dir, "sub", "loss.png"), { width: 640, height: 400 }));
});

// The browser a learner gets when their machine has none: it must render charts with their labels by itself.
test("the Chromium packaged in node_modules renders the same chart", { timeout: 180_000 }, async () => {
  if (process.platform !== "linux" || process.arch !== "x64") {
    await assert.rejects(packagedChromium(), /Linux x64/);
    return;
  }
  const browser = await packagedChromium();
  assert.equal(browser.source, "packaged");
  assert.ok(browser.env.FONTCONFIG_FILE, "the packaged browser brings its own fonts");
  assertChartPng(await savePng(lossFigure(), join(dir, "packaged.png"), { width: 640, height: 400, browser }));
});

test("the browser search order: CHROMIUM_PATH, then an installed browser, then the packaged one", () => {
  assert.equal(describeChromium({ CHROMIUM_PATH: "/opt/my-chrome" }), "CHROMIUM_PATH=/opt/my-chrome");
  assert.ok(installedBrowserCandidates("darwin", {})[0].startsWith("/Applications/Google Chrome.app"));
  assert.deepEqual(installedBrowserCandidates("win32", { PROGRAMFILES: "C:\\Program Files" }).length, 1);
  assert.ok(installedBrowserCandidates("linux", {}).includes("/usr/bin/chromium"));
  assert.match(describeChromium({}), /^(installed browser |packaged Chromium from @sparticuz\/chromium )/);
});

test("a CHROMIUM_PATH that points nowhere gives an error that names it", async () => {
  await assert.rejects(findChromium({ CHROMIUM_PATH: join(dir, "no-such-browser") }), /CHROMIUM_PATH/);
});
