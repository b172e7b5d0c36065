/**
 * Helpers for the capstone's tests (and for exercise tests that plug code into the real service): a small model
 * trained once per process, valid instances from the real dataset, an app that is ready, and captured log lines.
 * Never imported by the server.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { loadDataset } from "../../src/data/index";
import { type BuildOptions, build, createLogger } from "./app";
import { loadServingModel, type ServingModel } from "./model";
import { trainCapstoneModel } from "./training";

let fixturePath: string | null = null;

/** A 10-tree, depth-6 forest on breast cancer, in the real artifact format, saved once per process in a temp dir. */
export function fixtureModelPath(): string {
  if (fixturePath !== null) return fixturePath;
  const dir = mkdtempSync(join(tmpdir(), "capstone-model-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "model.json");
  trainCapstoneModel({ outPath: path, nEstimators: 10, maxDepth: 6, version: "test-1" });
  fixturePath = path;
  return path;
}

export function fixtureModel(): ServingModel {
  return loadServingModel(fixtureModelPath());
}

/** Row `i` of the breast-cancer dataset as a request instance ({ feature: value }). */
let dataset: ReturnType<typeof loadDataset> | null = null;

export function datasetInstance(i = 0): Record<string, number> {
  dataset ??= loadDataset("breast-cancer");
  const data = dataset;
  return Object.fromEntries(data.featureNames.map((name, j) => [name, data.X[i][j]]));
}

export interface LogCapture {
  stream: Writable;
  /** Every JSON log line written so far, parsed. */
  lines(): Record<string, unknown>[];
}

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/**
 * build() with the fixture model and quiet defaults (no process metrics, logs captured), ready, and (unless
 * waitForModel is false) its model load finished. Options override the defaults.
 */
export async function readyApp(
  options: BuildOptions = {},
  { waitForModel = true } = {},
): Promise<{ app: FastifyInstance; logs: LogCapture }> {
  const logs = captureLogs();
  const app = build({
    defaultMetrics: false,
    logger: createLogger("info", logs.stream),
    ...options,
    config: { modelPath: fixtureModelPath(), maxEventLoopDelayMs: 0, ...options.config },
  });
  await app.ready();
  if (waitForModel) await app.serving.loaded;
  return { app, logs };
}
