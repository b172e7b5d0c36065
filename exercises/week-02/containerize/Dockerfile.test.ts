// Grades exercises/week-02/containerize/Dockerfile and .dockerignore (and proves the solution twins with this same
// file). There is no Docker engine in the grader, so the checks are static: the workspace's linter
// (src/infra/dockerfile) plus structural checks that catch images which lint clean but would not work.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { loadDataset } from "../../../src/data";
import { exerciseFile, readExerciseFile } from "../../../src/grader/exercise-file";
import {
  countBySeverity,
  formatFindings,
  isIgnored,
  lintDockerfile,
  parseDockerfile,
} from "../../../src/infra/dockerfile";
import type { DockerfileModel, Instr, Stage } from "../../../src/infra/dockerfile/types";
import { forestToArtifact, RandomForest, saveArtifact } from "../../../src/ml";
import { findRoot } from "../../../src/workspace/paths";

const ID = "containerize-inference";
const DIR = "week-02/containerize";
/** The server's port when PORT is not set (server.mjs: DEFAULT_PORT). */
const SERVER_DEFAULT_PORT = 8080;

/** The given files (server.mjs, package.json) live only under exercises/: they have no solution twin. */
const contextDir = join(process.env.GRADE_ROOT ?? findRoot(), "exercises", DIR);

function learnerFiles(): { dockerfile: string; dockerignore: string; model: DockerfileModel } {
  const dockerfile = readExerciseFile(`${DIR}/Dockerfile`, ID);
  const dockerignore = readExerciseFile(`${DIR}/.dockerignore`, ID);
  const parsed = parseDockerfile(dockerfile);
  assert.ok(
    parsed.model,
    `${exerciseFile(`${DIR}/Dockerfile`)} is not a Dockerfile: ${formatFindings(parsed.findings)}`,
  );
  return { dockerfile, dockerignore, model: parsed.model };
}

function finalStage(model: DockerfileModel): Stage {
  return model.stages[model.stages.length - 1];
}

/** The final stage and the stages it is built FROM: ENV, USER, EXPOSE... are inherited along this chain. */
function finalChain(model: DockerfileModel): Stage[] {
  const chain = [finalStage(model)];
  while (chain[0].parent !== null) chain.unshift(model.stages[chain[0].parent]);
  return chain;
}

function chainInstructions(model: DockerfileModel, keyword: string): Instr[] {
  return finalChain(model).flatMap((s) => s.instructions.filter((i) => i.keyword === keyword));
}

/** The stage a `COPY --from=<x>` names: an alias or an index; null for an external image (--from=nginx:1.27). */
function stageNamed(model: DockerfileModel, ref: string): Stage | null {
  if (/^\d+$/.test(ref)) return model.stages[Number(ref)] ?? null;
  return model.stages.find((s) => s.alias === ref.toLowerCase()) ?? null;
}

/** Words of a COPY/ADD (exec or shell form), without flags. */
function words(i: Instr): string[] {
  return i.args.startsWith("[") ? (JSON.parse(i.args) as string[]) : i.args.split(/\s+/).filter(Boolean);
}

/** The number EXPOSE declares for the final image (EXPOSE 8080 or 8080/tcp). */
function exposedPort(model: DockerfileModel): number {
  const exposes = chainInstructions(model, "EXPOSE");
  assert.ok(exposes.length > 0, "the final stage has no EXPOSE: document the port the server listens on");
  const ports = exposes.flatMap((e) => e.args.split(/\s+/)).map((p) => Number(p.replace(/\/tcp$/i, "")));
  assert.equal(ports.length, 1, `expose exactly one port (the server listens on one), got EXPOSE ${ports.join(" ")}`);
  assert.ok(Number.isInteger(ports[0]), `EXPOSE needs a literal port number, got "${exposes[0].args}"`);
  return ports[0];
}

/** The value the final image's ENV gives `name`, or undefined. */
function envValue(model: DockerfileModel, name: string): string | undefined {
  const props = chainInstructions(model, "ENV").flatMap((e) => e.props);
  return props.filter((p) => p.name === name).pop()?.value ?? undefined;
}

function simpleGlob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, ".")}$`,
  );
}

test("the Dockerfile and .dockerignore pass the linter with no errors and no warnings", () => {
  const { dockerfile, dockerignore } = learnerFiles();
  const pkg = JSON.parse(readFileSync(join(contextDir, "package.json"), "utf8")) as { devDependencies?: object };
  const hasDevDependencies = Object.keys(pkg.devDependencies ?? {}).length > 0;
  const findings = lintDockerfile(dockerfile, { dockerignore, hasDevDependencies });
  const counts = countBySeverity(findings);
  const serious = findings.filter((f) => f.severity !== "info");
  assert.equal(
    serious.length,
    0,
    `expected 0 errors and 0 warnings, got ${counts.error} errors and ${counts.warning} warnings:\n${formatFindings(serious).join("\n")}`,
  );
});

test("the image is multi-stage, the final stage needs every other stage, and it runs Node 20 or newer", () => {
  const { model } = learnerFiles();
  assert.ok(
    model.stages.length >= 2,
    `expected a build stage and a runtime stage, got ${model.stages.length} stage(s)`,
  );
  // BuildKit builds only the stages the final one uses (FROM <stage> or COPY --from=<stage>): an unused stage,
  // say a type check, is silently skipped and gates nothing.
  const used = new Set<number>();
  const visit = (s: Stage): void => {
    if (used.has(s.index)) return;
    used.add(s.index);
    if (s.parent !== null) visit(model.stages[s.parent]);
    for (const i of s.instructions) {
      const from = i.flags.get("from");
      const target = from === undefined ? null : stageNamed(model, from);
      if (target) visit(target);
    }
  };
  visit(finalStage(model));
  const unused = model.stages.filter((s) => !used.has(s.index)).map((s) => s.alias ?? `#${s.index}`);
  assert.deepEqual(unused, [], `stages the final image never uses (BuildKit skips them): ${unused.join(", ")}`);
  const base = finalChain(model)[0].image;
  assert.ok(base && /(^|\/)node$/.test(base.name), `the final image should start FROM a node image, got ${base?.raw}`);
  const major = Number(/^(\d+)/.exec(base.tag ?? "")?.[1]);
  assert.ok(major >= 20, `package.json needs Node >= 20 (global fetch, node --test); got FROM ${base.raw}`);
});

test("the final stage copies server.mjs, and every file copied from the build context exists and is not ignored", () => {
  const { model, dockerignore } = learnerFiles();
  const copies = finalStage(model).instructions.filter((i) => i.keyword === "COPY" || i.keyword === "ADD");
  const shipsServer = copies.some((i) =>
    words(i)
      .slice(0, -1)
      .some((s) => /(^|\/)server\.mjs$|^\.\/?$/.test(s)),
  );
  assert.ok(shipsServer, "the final stage never COPYs server.mjs (from the context or from the build stage)");
  const files = readdirSync(contextDir);
  for (const i of model.stages.flatMap((s) => s.instructions)) {
    if ((i.keyword !== "COPY" && i.keyword !== "ADD") || i.flags.has("from")) continue;
    for (const src of words(i).slice(0, -1)) {
      if (src === "." || src === "./") continue;
      const matches = files.filter((f) => simpleGlob(src.replace(/^\.\//, "")).test(f));
      assert.ok(matches.length > 0, `line ${i.line}: ${src} is not in ${contextDir}, so docker build fails`);
      for (const f of matches) {
        assert.ok(!isIgnored(dockerignore, f), `line ${i.line} copies ${f}, but .dockerignore excludes it`);
      }
    }
  }
  for (const needed of ["server.mjs", "package.json"]) {
    assert.ok(!isIgnored(dockerignore, needed), `.dockerignore excludes ${needed}, which the image needs`);
  }
});

test("MODEL_PATH is set or documented, and EXPOSE names the port the server listens on", () => {
  const { model } = learnerFiles();
  const documented = model.comments.some((c) => c.text.includes("MODEL_PATH"));
  assert.ok(
    envValue(model, "MODEL_PATH") !== undefined || documented,
    "the server exits without MODEL_PATH: set a default with ENV MODEL_PATH=... or document it in a # comment",
  );
  const port = exposedPort(model);
  const envPort = envValue(model, "PORT");
  const listens = envPort === undefined ? SERVER_DEFAULT_PORT : Number(envPort);
  assert.equal(
    port,
    listens,
    `the server listens on ${listens} (ENV PORT or its default 8080), but EXPOSE says ${port}`,
  );
});

test("CMD starts node server.mjs directly, in exec form", () => {
  const { model } = learnerFiles();
  const last = (kw: string) => chainInstructions(model, kw).pop();
  const [entry, cmd] = [last("ENTRYPOINT"), last("CMD")];
  assert.ok(cmd || entry, "the final image has no CMD: what should `docker run` start?");
  for (const i of [entry, cmd]) {
    if (i) assert.ok(i.args.startsWith("["), `${i.keyword} ${i.args} is shell form: use ["node", "server.mjs"]`);
  }
  const argv = [
    ...(entry ? (JSON.parse(entry.args) as string[]) : []),
    ...(cmd ? (JSON.parse(cmd.args) as string[]) : []),
  ];
  assert.ok(
    /(^|\/)node$/.test(argv[0] ?? ""),
    `PID 1 should be node itself (npm does not forward SIGTERM), got ${JSON.stringify(argv)}`,
  );
  assert.ok(
    argv.slice(1).some((a) => /(^|\/)server\.mjs$/.test(a)),
    `the command should run server.mjs, got ${JSON.stringify(argv)}`,
  );
});

test("a HEALTHCHECK (or a # probe: comment) hits /healthz", () => {
  const { model } = learnerFiles();
  const check = chainInstructions(model, "HEALTHCHECK").pop();
  const probe = model.comments.find((c) => /^probe\s*:/i.test(c.text));
  const text = check && check.args.toUpperCase() !== "NONE" ? check.args : (probe?.text ?? "");
  assert.ok(text, "add a HEALTHCHECK (or a `# probe: GET /healthz on 8080` comment for an orchestrator)");
  assert.ok(text.includes("/healthz"), `the health check should ask GET /healthz, got: ${text}`);
});

// This one guards the given server (that it really serves a week-2 forest artifact); it reads your Dockerfile's
// EXPOSE first, so it counts as not started while the Dockerfile is still a stub.
const tmp = mkdtempSync(join(tmpdir(), "containerize-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("the server in the image answers /healthz and predicts exactly like src/ml's forest", async () => {
  const { model } = learnerFiles();
  assert.equal(exposedPort(model), SERVER_DEFAULT_PORT, "EXPOSE should be the server's port");
  const iris = loadDataset("iris");
  const rf = new RandomForest({ nEstimators: 7, maxDepth: 4, seed: 3 }).fit(iris.X, iris.y);
  const modelPath = join(tmp, "model.json");
  saveArtifact(modelPath, forestToArtifact(rf, { featureNames: iris.featureNames, classNames: iris.classNames }));
  const server = join(contextDir, "server.mjs");
  assert.ok(existsSync(server), `${server} is missing: it is given with the exercise`);
  const child = spawn(process.execPath, [server], {
    env: { ...process.env, MODEL_PATH: modelPath, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`server did not start within 5 s: ${out}`)), 5000);
      child.stdout.on("data", (d: Buffer) => {
        out += d;
        const m = /on port (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200, `GET /healthz: expected 200, got ${health.status}`);
    const rows = iris.X.filter((_, i) => i % 10 === 0);
    const res = await fetch(`${base}/predict`, { method: "POST", body: JSON.stringify({ rows }) });
    assert.equal(res.status, 200, `POST /predict: expected 200, got ${res.status}`);
    const body = (await res.json()) as { predictions: { prediction: number; label: string }[] };
    assert.deepEqual(
      body.predictions.map((p) => p.prediction),
      rf.predict(rows),
      "the server's classes should equal RandomForest.predict",
    );
    assert.equal(body.predictions[0].label, iris.classNames?.[rf.predict([rows[0]])[0]]);
    const bad = await fetch(`${base}/predict`, { method: "POST", body: JSON.stringify({ rows: [[1, 2]] }) });
    assert.equal(bad.status, 422, "a row with the wrong number of features is a 422, not a guess");
  } finally {
    child.kill("SIGTERM");
  }
});
