// `npm run browser-check`: the learner's path, for real. Starts JupyterLab with the project's own `npm start`,
// opens the week-1 notebook in headless Chromium, runs every cell, and asserts that a plot rendered and that no
// cell printed an error. Saves a screenshot to docs/screenshot-week-01.png (the README shows it).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { listNotebooks } from "../src/workspace/notebooks";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
const notebook = listNotebooks(root).find((n) => n.includes("week-01"));
const SCREENSHOT = join(root, "docs", "screenshot-week-01.png");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(base: string, token: string, lab: ChildProcess, log: () => string) {
  for (let i = 0; i < 600; i++) {
    if (lab.exitCode !== null) throw new Error(`npm start exited with ${lab.exitCode}:\n${log().slice(-3000)}`);
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`JupyterLab did not answer within 5 minutes:\n${log().slice(-3000)}`);
}

async function main() {
  if (!notebook) throw new Error("no week-01 notebook in notebooks/");
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const lab = spawn("npm", ["start", "--", "--headless", "--port", String(port), "--LabApp.expose_app_in_browser=True"], {
    cwd: root,
    env: { ...process.env, JUPYTER_TOKEN: token },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  lab.stdout?.on("data", (d) => (output += d));
  lab.stderr?.on("data", (d) => (output += d));
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  try {
    await waitForServer(base, token, lab, () => output);
    const printedUrl = /http:\/\/127\.0\.0\.1:\d+\/lab\S*/.exec(output)?.[0];
    console.log(`npm start is serving JupyterLab (it printed ${printedUrl ? printedUrl.replace(token, "<token>") : "no URL"})`);
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/lab/tree/${notebook}?token=${token}`);
      await page.waitForFunction(() => (window as unknown as { jupyterapp?: unknown }).jupyterapp, null, {
        timeout: 120_000,
      });
      await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 120_000 });
      // Wait for the kernel, then run everything, as "Run > Run All Cells" would.
      await page.waitForSelector(".jp-Notebook-ExecutionIndicator[data-status='idle']", { timeout: 120_000 });
      await page.evaluate(() =>
        (
          window as unknown as { jupyterapp: { commands: { execute(id: string): Promise<unknown> } } }
        ).jupyterapp.commands.execute("notebook:run-all-cells"),
      );
      const cells = await page.locator(".jp-Notebook .jp-CodeCell").count();
      await page.waitForFunction(
        (n) => {
          const prompts = Array.from(document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")).map((e) => e.textContent ?? "");
          return prompts.length === n && prompts.every((p) => /\[\d+\]/.test(p));
        },
        cells,
        { timeout: 600_000, polling: 500 },
      );
      const errors = await page
        .locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        .allTextContents();
      const plots = await page.locator(".jp-Notebook .js-plotly-plot").count();
      const firstPlot = page.locator(".jp-Notebook .js-plotly-plot").first();
      if (plots > 0) await firstPlot.scrollIntoViewIfNeeded();
      mkdirSync(join(root, "docs"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      console.log(`ran ${cells} code cells; ${plots} plotly charts rendered; ${errors.length} error outputs`);
      console.log(`screenshot: ${SCREENSHOT}`);
      if (errors.length) throw new Error(`cells printed errors:\n${errors.join("\n---\n").slice(0, 3000)}`);
      if (plots === 0) throw new Error("no plot rendered");
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    if (lab.pid) process.kill(-lab.pid, "SIGTERM");
  }
}

main()
  .then(() => console.log("browser check: passed"))
  .catch((e: Error) => {
    console.error(`browser check: FAILED: ${e.message}`);
    process.exitCode = 1;
  });
