// Promotion for real: `npm run capstone:train -- --from exercises` on a temporary copy of the workspace, once with the
// reference solutions laid over the stubs (the way the notebook runner's solutions pass does it) and once with most
// exercises still stubs. The first must train and save the learner's model, and the API (build() + inject(), in this
// process) must answer every one of the 569 rows exactly as the learner's own forest object does; the second must
// name what is missing, exit non-zero and leave the existing model alone.
import assert from "node:assert/strict";
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, test } from "vitest";
import { loadDataset } from "../../src/data/index";
import { temporaryWorkspace } from "../../src/workspace/copy";
import { findRoot } from "../../src/workspace/paths";
import { build, createLogger } from "../src/app";
import { captureLogs } from "../src/testing";

const root = findRoot();
const data = loadDataset("breast-cancer");
const instances = data.X.map((row) => Object.fromEntries(data.featureNames.map((f, j) => [f, row[j]])));

function trainFromExercises(dir: string, out: string): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    ["--import", "tsx", "capstone/scripts/train.ts", "--from", "exercises", "--out", out],
    { cwd: dir, encoding: "utf8", timeout: 300_000 },
  );
}

describe("capstone:train --from exercises, with the reference solutions laid over the stubs", () => {
  const dir = temporaryWorkspace(root, { withSolutions: true });
  const out = join(dir, "capstone", "model", "model.json");
  let run: SpawnSyncReturns<string>;
  let app: FastifyInstance;
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    run = trainFromExercises(dir, out);
    app = build({
      modelPath: out,
      defaultMetrics: false,
      logger: createLogger("warn", captureLogs().stream),
      config: { maxEventLoopDelayMs: 0 },
    });
    await app.ready();
    await app.serving.loaded;
  });

  test("the command grades the four exercises, trains and saves the learner's model", () => {
    assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /trained YOUR forest \(exercises\/week-02\/random-forest\.ts\)/);
    assert.match(run.stdout, /saved by YOUR saveForest/);
    assert.match(run.stdout, /source: learner/);
    const saved = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(saved.kind, "week2-forest");
    assert.equal(saved.model.format, "week2-forest", "the payload is what the learner's saveForest wrote");
  });

  test("the API answers all 569 rows exactly as the learner's own forest object, in this process", async () => {
    // The learner's code from the temporary workspace (the solutions there), loaded into this process.
    const learner = (await import(
      pathToFileURL(join(dir, "capstone", "scripts", "learner-model.ts")).href
    )) as typeof import("./learner-model");
    const theirs = (await import(
      pathToFileURL(join(dir, "exercises", "week-02", "random-forest.ts")).href
    )) as typeof import("../../exercises/week-02/random-forest");
    const forest = learner.trainLearnerForest();
    const classes = theirs.predictForest(forest, data.X);
    const shares = learner.learnerVoteShares(forest, data.X);

    const res = await app.inject({ method: "POST", url: "/predict", payload: { instances } });
    assert.equal(res.statusCode, 200, res.body);
    const predictions = res.json().predictions as { class: string; probabilities: Record<string, number> }[];
    assert.equal(predictions.length, 569);
    const names = data.classNames ?? [];
    const wrong = predictions
      .map((p, i) => ({ i, p }))
      .filter(({ i, p }) => p.class !== names[classes[i]] || names.some((c, k) => p.probabilities[c] !== shares[i][k]));
    assert.deepEqual(
      wrong.slice(0, 3).map(({ i, p }) => ({ row: i, api: p, forest: names[classes[i]], shares: shares[i] })),
      [],
      `${wrong.length} of 569 rows differ from the learner's forest`,
    );
    assert.ok(new Set(predictions.map((p) => p.class)).size === 2, "both classes are predicted");
  });

  test("GET /model and model_info say the model is the learner's", async () => {
    const card = (await app.inject("/model")).json();
    assert.equal(card.source, "learner");
    assert.equal(card.kind, "week2-forest");
    assert.match(card.trainedBy, /exercises\/week-02\/random-forest\.ts/);
    assert.ok(card.metrics.testAccuracy > 0.9, `test accuracy ${card.metrics.testAccuracy}`);
    const metrics = (await app.inject("/metrics")).body;
    assert.match(
      metrics,
      new RegExp(`model_info\\{version="${card.version}",checksum="${card.checksum}",source="learner"\\} 1`),
    );
  });
});

describe("capstone:train --from exercises, while exercises it needs are unsolved", () => {
  const dir = temporaryWorkspace(root, { withSolutions: false });
  const out = join(dir, "capstone", "model", "model.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("it names each unsolved exercise with its grade command, exits 1 and keeps the previous model", () => {
    // tree-splits solved, the three that build on it still stubs; a previous model already in place.
    copyFileSync(
      join(dir, "solutions", "week-02", "tree-splits.ts"),
      join(dir, "exercises", "week-02", "tree-splits.ts"),
    );
    mkdirSync(join(dir, "capstone", "model"), { recursive: true });
    writeFileSync(out, "the previous model\n");
    const run = trainFromExercises(dir, out);
    assert.equal(run.status, 1, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
    for (const id of ["tree-build", "random-forest", "save-forest"]) {
      assert.match(run.stderr, new RegExp(`${id}\\s+not-started\\s+npm run grade ${id}`));
    }
    assert.doesNotMatch(run.stderr, /tree-splits\s/, "a solved exercise is not named");
    assert.equal(readFileSync(out, "utf8"), "the previous model\n", "no fallback: the old file is untouched");
    assert.ok(!existsSync(`${out}.candidate`));
  });
});
