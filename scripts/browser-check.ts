// `npm run browser-check`: the learner's path, for real. Starts JupyterLab with the project's own `npm start`,
// opens the week-1 notebook in headless Chromium, runs every cell, and asserts that a plot rendered and that no
// cell printed an error. Saves a screenshot to docs/screenshot-week-01.png (the README shows it).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { chromiumLaunch } from "../src/plot/chromium";
import { freePort } from "../src/workspace/local-service";
import { listNotebooks } from "../src/workspace/notebooks";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
const notebook = listNotebooks(root).find((n) => n.includes("week-01-ml-fundamentals"));
const SCREENSHOT = join(root, "docs", "screenshot-week-01.png");

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

// The few JupyterLab objects this check touches (exposed by --LabApp.expose_app_in_browser).
interface CellModel {
  type: string;
  executionCount: number | null;
  outputs: { length: number; get(i: number): { type: string; toJSON(): Record<string, unknown> } };
}
interface Lab {
  jupyterapp: {
    commands: { execute(id: string): Promise<unknown> };
    shell: {
      currentWidget: {
        context: { ready: Promise<void> };
        sessionContext: { ready: Promise<void> };
        content: {
          activeCellIndex: number;
          scrollToItem(i: number, align: string): Promise<void>;
          model: { cells: { length: number; get(i: number): CellModel } };
        };
      };
    };
  };
}

interface RunState {
  code: number;
  executed: number;
  errors: string[];
  plotOutputs: number;
  firstPlotCell: number;
}

/** Reads the notebook's model: how many code cells ran, which outputs are errors, where the charts are. */
function readState(): RunState {
  const cells = (window as unknown as Lab).jupyterapp.shell.currentWidget.content.model.cells;
  const state: RunState = { code: 0, executed: 0, errors: [], plotOutputs: 0, firstPlotCell: -1 };
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== "code") continue;
    state.code++;
    if (cell.executionCount !== null) state.executed++;
    for (let j = 0; j < cell.outputs.length; j++) {
      const out = cell.outputs.get(j).toJSON();
      if (out.output_type === "error") state.errors.push(`cell ${i}: ${out.ename}: ${out.evalue}`);
      if (out.output_type === "stream" && out.name === "stderr") state.errors.push(`cell ${i}: ${out.text}`);
      const data = out.data as Record<string, unknown> | undefined;
      if (data?.["application/vnd.plotly.v1+json"]) {
        state.plotOutputs++;
        if (state.firstPlotCell < 0) state.firstPlotCell = i;
      }
    }
  }
  return state;
}

/** Waits until every code cell has run (or one failed), reporting progress; screenshots the page if it stalls. */
async function waitForAllCells(page: Page): Promise<RunState> {
  const started = Date.now();
  let reported = 0;
  for (;;) {
    const state = await page.evaluate(readState);
    if (state.executed === state.code || state.errors.length) return state;
    if (Date.now() - started > 300_000) {
      await page.screenshot({ path: join(tmpdir(), "browser-check-stalled.png") });
      throw new Error(`only ${state.executed}/${state.code} cells ran within 5 minutes (screenshot in ${tmpdir()})`);
    }
    if (state.executed !== reported) {
      reported = state.executed;
      console.log(`  ${reported}/${state.code} cells have run ...`);
    }
    await page.waitForTimeout(500);
  }
}

async function main() {
  if (!notebook) throw new Error("no week-01 notebook in notebooks/");
  // JupyterLab autosaves open notebooks; the committed file must come out of this check exactly as it went in.
  const original = readFileSync(join(root, notebook), "utf8");
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const lab = spawn(
    "npm",
    ["start", "--", "--headless", "--port", String(port), "--LabApp.expose_app_in_browser=True"],
    {
      cwd: root,
      env: { ...process.env, JUPYTER_TOKEN: token },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  lab.stdout?.on("data", (d) => (output += d));
  lab.stderr?.on("data", (d) => (output += d));
  try {
    await waitForServer(base, token, lab, () => output);
    const printedUrl = /http:\/\/127\.0\.0\.1:\d+\/lab\S*/.exec(output)?.[0];
    console.log(
      `npm start is serving JupyterLab (it printed ${printedUrl ? printedUrl.replace(token, "<token>") : "no URL"})`,
    );
    // playwright's launch() gives every run a fresh, temporary profile of its own.
    const { choice, options } = await chromiumLaunch();
    console.log(`browser: ${choice.source} ${choice.executablePath}`);
    const browser = await chromium.launch(options);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(`${base}/lab/tree/${notebook}?token=${token}`);
      await page.waitForFunction(
        () => (window as unknown as Lab).jupyterapp?.shell.currentWidget?.sessionContext,
        null,
        {
          timeout: 120_000,
        },
      );
      // Run everything, as Run > Run All Cells does, once the notebook and its kernel are ready.
      await page.evaluate(async () => {
        const app = (window as unknown as Lab).jupyterapp;
        const panel = app.shell.currentWidget;
        await panel.context.ready;
        await panel.sessionContext.ready;
        await app.commands.execute("notebook:run-all-cells");
      });
      const state = await waitForAllCells(page);
      // Bring the first chart into view: JupyterLab only renders what is on screen.
      await page.evaluate(async (index) => {
        const notebook = (window as unknown as Lab).jupyterapp.shell.currentWidget.content;
        notebook.activeCellIndex = index;
        await notebook.scrollToItem(index, "start");
      }, state.firstPlotCell);
      const plots = await page
        .waitForSelector(".jp-Notebook .js-plotly-plot .main-svg", { timeout: 30_000 })
        .then(() => page.locator(".jp-Notebook .js-plotly-plot").count())
        .catch(() => 0);
      await page.waitForTimeout(500);
      mkdirSync(join(root, "docs"), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      console.log(
        `ran ${state.code} code cells; ${state.plotOutputs} chart outputs, ${plots} drawn on screen; ${state.errors.length} error outputs`,
      );
      console.log(`screenshot: ${SCREENSHOT}`);
      if (state.errors.length) throw new Error(`cells printed errors:\n${state.errors.join("\n---\n").slice(0, 3000)}`);
      if (plots === 0) throw new Error("no plot rendered in the page");
    } finally {
      await browser.close();
    }
  } finally {
    if (lab.pid) process.kill(-lab.pid, "SIGTERM");
    if (readFileSync(join(root, notebook), "utf8") !== original) writeFileSync(join(root, notebook), original);
  }
}

main()
  .then(() => console.log("browser check: passed"))
  .catch((e: Error) => {
    console.error(`browser check: FAILED: ${e.message}`);
    process.exitCode = 1;
  });
