// Grades exercises/week-07/capstone-dockerfile/Dockerfile (and proves the solution twin with this same file).
// No Docker engine in the grader, so the checks are static: the workspace's Dockerfile linter (src/infra/dockerfile)
// with the repository's own .dockerignore, then the paths the build really depends on, followed instruction by
// instruction (WORKDIR, COPY destinations), the way `docker build` would resolve them. An image that lints clean
// but puts capstone/src where its "../../src" imports cannot see src, or runs a bundle that cannot find its
// node_modules, fails here rather than at 2 a.m. in a crash loop.
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, posix } from "node:path";
import { test } from "vitest";
import { exerciseFile, readExerciseFile } from "../../../src/grader/exercise-file";
import { formatFindings, isIgnored, lintDockerfile, parseDockerfile } from "../../../src/infra/dockerfile";
import type { DockerfileModel, Instr, Stage } from "../../../src/infra/dockerfile/types";
import { findRoot } from "../../../src/workspace/paths";

const ID = "capstone-dockerfile";
const FILE = "week-07/capstone-dockerfile/Dockerfile";
const ROOT = process.env.GRADE_ROOT ?? findRoot();
const BASE = "node:20-bookworm-slim";
const PORT = 8080;

function learner(): { text: string; model: DockerfileModel } {
  const text = readExerciseFile(FILE, ID);
  const parsed = parseDockerfile(text);
  assert.ok(parsed.model, `${exerciseFile(FILE)} is not a Dockerfile: ${formatFindings(parsed.findings).join("\n")}`);
  return { text, model: parsed.model };
}

/** Words of an instruction (exec or shell form), without flags. */
function words(i: Instr): string[] {
  return i.args.startsWith("[") ? (JSON.parse(i.args) as string[]) : i.args.split(/\s+/).filter(Boolean);
}

/** One COPY, resolved: where each source lands in the image (a directory source lands AS the target directory). */
interface Copy {
  instr: Instr;
  from: string | undefined;
  src: string;
  target: string;
  workdir: string;
}

interface Walk {
  copies: Copy[];
  /** The WORKDIR in force when each instruction runs. */
  workdirAt: Map<Instr, string>;
  /** The WORKDIR at the end of the stage (what CMD and a later `FROM <this stage>` start in). */
  finalWorkdir: string;
}

/** Walks a stage like docker build does: WORKDIR changes (relative to the previous one), COPY targets. */
function walk(stage: Stage, model: DockerfileModel): Walk {
  let workdir = stage.parent === null ? "/" : walk(model.stages[stage.parent], model).finalWorkdir;
  const copies: Copy[] = [];
  const workdirAt = new Map<Instr, string>();
  for (const i of stage.instructions) {
    workdirAt.set(i, workdir);
    if (i.keyword === "WORKDIR") workdir = posix.resolve(workdir, i.args.trim());
    if (i.keyword !== "COPY" && i.keyword !== "ADD") continue;
    const w = words(i);
    const dest = w[w.length - 1];
    const sources = w.slice(0, -1);
    const destDir = dest.endsWith("/") || sources.length > 1;
    const resolvedDest = posix.resolve(workdir, dest);
    for (const src of sources) {
      const from = i.flags.get("from");
      const isDir = from === undefined && existsSync(join(ROOT, src)) && statSync(join(ROOT, src)).isDirectory();
      const target = isDir || !destDir ? resolvedDest : posix.join(resolvedDest, basename(src));
      copies.push({ instr: i, from, src: src.replace(/^\.\//, "").replace(/\/$/, ""), target, workdir });
    }
  }
  return { copies, workdirAt, finalWorkdir: workdir };
}

function finalStage(model: DockerfileModel): Stage {
  return model.stages[model.stages.length - 1];
}

/** The final stage and the stages it is built FROM: ENV, USER, EXPOSE... are inherited along this chain. */
function chain(model: DockerfileModel): Stage[] {
  const out = [finalStage(model)];
  while (out[0].parent !== null) out.unshift(model.stages[out[0].parent]);
  return out;
}

function chainInstructions(model: DockerfileModel, keyword: string): Instr[] {
  return chain(model).flatMap((s) => s.instructions.filter((i) => i.keyword === keyword));
}

function envValue(model: DockerfileModel, name: string): string | undefined {
  const props = chainInstructions(model, "ENV").flatMap((e) => e.props);
  return props.filter((p) => p.name === name).pop()?.value ?? undefined;
}

/** The stage a `COPY --from=<x>` names (alias or index). */
function stageNamed(model: DockerfileModel, ref: string): Stage | undefined {
  if (/^\d+$/.test(ref)) return model.stages[Number(ref)];
  return model.stages.find((s) => s.alias === ref.toLowerCase());
}

/** The build stage the final stage copies from, with the layout its bundle step depends on. */
function buildLayout(model: DockerfileModel) {
  const runtime = walk(finalStage(model), model);
  const fromBuild = runtime.copies.filter((c) => c.from !== undefined);
  assert.ok(fromBuild.length > 0, "the runtime stage copies nothing from a build stage (COPY --from=build ...)");
  const stage = stageNamed(model, fromBuild[0].from ?? "");
  assert.ok(stage && stage !== finalStage(model), `COPY --from=${fromBuild[0].from} names no earlier stage`);
  const built = walk(stage, model);
  const find = (src: string) => built.copies.find((c) => c.src === src && c.from === undefined);
  const script = find("capstone/scripts/bundle.ts");
  assert.ok(script, `the build stage (${stage.alias ?? stage.index}) never copies capstone/scripts/bundle.ts`);
  const capDir = posix.dirname(posix.dirname(script.target));
  return { stage, built, runtime, find, capDir, dist: `${capDir}/dist` };
}

test("the workspace's Dockerfile linter finds nothing, with the repository's .dockerignore", () => {
  const { text } = learner();
  const pkg = JSON.parse(readFileSync(join(ROOT, "capstone", "package.json"), "utf8")) as { devDependencies?: object };
  const findings = lintDockerfile(text, {
    dockerignore: readFileSync(join(ROOT, ".dockerignore"), "utf8"),
    hasDevDependencies: Object.keys(pkg.devDependencies ?? {}).length > 0,
    fileName: FILE,
  });
  assert.deepEqual(formatFindings(findings, FILE), [], "expected no findings (errors, warnings or infos)");
});

test(`a build stage and a runtime stage, both FROM ${BASE}; the runtime copies from the build stage`, () => {
  const { model } = learner();
  assert.ok(model.stages.length >= 2, `expected at least 2 stages, got ${model.stages.length}`);
  for (const s of model.stages) {
    if (s.image)
      assert.equal(s.image.resolved, BASE, `stage ${s.alias ?? s.index}: FROM ${s.image.raw}, expected ${BASE}`);
  }
  assert.equal(chain(model)[0].image?.resolved, BASE, `the runtime image starts FROM ${BASE}`);
  buildLayout(model);
});

// Made before every image build by `npm run capstone:image` (it trains when the model is missing), and git-ignored,
// so a fresh clone does not have it yet.
const BUILD_OUTPUTS = new Set(["capstone/model/model.json"]);

test("every file copied from the context exists and is not excluded by the root .dockerignore", () => {
  const { model } = learner();
  const ignore = readFileSync(join(ROOT, ".dockerignore"), "utf8");
  for (const s of model.stages) {
    for (const c of walk(s, model).copies) {
      if (c.from !== undefined) continue;
      assert.ok(
        existsSync(join(ROOT, c.src)) || BUILD_OUTPUTS.has(c.src),
        `line ${c.instr.line}: ${c.src} is not in the repository, docker build fails`,
      );
      assert.ok(
        !isIgnored(ignore, c.src),
        `line ${c.instr.line}: ${c.src} is excluded by .dockerignore, so it is not in the context`,
      );
    }
  }
});

test("the build stage's layout: src where capstone/src's ../../src points, the script beside its entry and package.json", () => {
  const { model } = learner();
  const { find, capDir, built, stage } = buildLayout(model);
  const where = (src: string) => find(src)?.target ?? "(never copied)";
  assert.equal(
    where("capstone/src"),
    `${capDir}/src`,
    "bundle.ts looks for the entry at <its folder>/../src/server.ts",
  );
  assert.equal(
    where("src"),
    posix.resolve(capDir, "..", "src"),
    'capstone/src imports "../../src/...": src must sit beside the capstone folder',
  );
  assert.equal(
    where("capstone/package.json"),
    `${capDir}/package.json`,
    "bundle.ts reads <its folder>/../package.json",
  );
  assert.equal(
    where("capstone/package-lock.json"),
    `${capDir}/package-lock.json`,
    "npm ci needs the lock file beside package.json",
  );
  const runs = stage.instructions.filter((i) => i.keyword === "RUN");
  const install = runs.find((i) => /\bnpm ci\b/.test(i.args));
  assert.ok(install, "the build stage never runs npm ci (esbuild is a devDependency)");
  assert.doesNotMatch(
    install.args,
    /--omit[= ]dev|--production|--only[= ]prod/,
    "the build stage needs esbuild: all dependencies",
  );
  assert.equal(built.workdirAt.get(install), capDir, `npm ci must run in ${capDir}, where package.json is`);
  const bundle = runs.find((i) => /bundle/.test(i.args));
  assert.ok(bundle, "no RUN builds the bundle (scripts/bundle.ts)");
  const lastCopy = Math.max(
    ...["capstone/src", "src", "capstone/scripts/bundle.ts"].map((s) => find(s)?.instr.line ?? 0),
  );
  assert.ok(
    bundle.line > lastCopy && bundle.line > install.line,
    "the bundle step runs after the sources are copied and npm ci ran",
  );
});

test("the runtime stage: the bundle from the build stage, run by node in exec form, its packages installed beside it", () => {
  const { model } = learner();
  const { runtime, dist } = buildLayout(model);
  const final = finalStage(model);
  const bundleCopy = runtime.copies.find(
    (c) => c.from !== undefined && (c.src === dist || c.src === `${dist}/server.mjs`),
  );
  assert.ok(bundleCopy, `the runtime stage should copy ${dist} (where the bundler writes) from the build stage`);
  const serverPath = bundleCopy.src === dist ? `${bundleCopy.target}/server.mjs` : bundleCopy.target;
  const cmd = chainInstructions(model, "CMD").pop();
  const entry = chainInstructions(model, "ENTRYPOINT").pop();
  assert.ok(cmd, "the runtime image has no CMD");
  for (const i of [entry, cmd])
    if (i) assert.ok(i.args.startsWith("["), `${i.keyword} ${i.args} is shell form: use ["node", ...]`);
  const argv = [...(entry ? (JSON.parse(entry.args) as string[]) : []), ...(JSON.parse(cmd.args) as string[])];
  assert.ok(
    /(^|\/)node$/.test(argv[0] ?? ""),
    `PID 1 should be node itself (npm and sh do not forward SIGTERM), got ${JSON.stringify(argv)}`,
  );
  const cwd = runtime.workdirAt.get(cmd) ?? "/";
  assert.ok(
    argv.slice(1).some((a) => posix.resolve(cwd, a) === serverPath),
    `the command should run ${serverPath} (the bundle, from WORKDIR ${cwd}), got ${JSON.stringify(argv)}`,
  );
  const install = final.instructions.find((i) => i.keyword === "RUN" && /\bnpm ci\b/.test(i.args));
  assert.ok(install, "the runtime stage never runs npm ci: the bundle imports fastify, pino... from node_modules");
  assert.match(
    install.args,
    /--omit[= ]dev|--production|--only[= ]prod/,
    "production dependencies only (npm ci --omit=dev)",
  );
  const dir = runtime.workdirAt.get(install) ?? "/";
  const manifest = runtime.copies.find((c) => c.src === "capstone/package-lock.json" && c.from === undefined);
  assert.equal(
    manifest?.target,
    `${dir}/package-lock.json`,
    `copy capstone/package-lock.json into ${dir} before npm ci runs there`,
  );
  assert.ok(manifest && manifest.instr.line < install.line, "the lock file is copied before npm ci");
  assert.ok(
    serverPath.startsWith(`${dir}/`),
    `${serverPath} cannot import from ${dir}/node_modules: node looks in node_modules folders up from the file`,
  );
});

test("no sources in the runtime image: only the manifests and the model come from the context", () => {
  const { model } = learner();
  const allowed = new Set(["capstone/package.json", "capstone/package-lock.json", "capstone/model/model.json"]);
  for (const c of walk(finalStage(model), model).copies) {
    if (c.from !== undefined) continue;
    assert.ok(
      allowed.has(c.src),
      `line ${c.instr.line} copies ${c.src} into the runtime image; it only needs ${[...allowed].join(", ")}`,
    );
  }
});

test("NODE_ENV=production, MODEL_PATH is the model you copied, EXPOSE 8080, a non-root USER", () => {
  const { model } = learner();
  assert.equal(envValue(model, "NODE_ENV"), "production", "ENV NODE_ENV=production (fastify, pino and npm read it)");
  const port = envValue(model, "PORT");
  assert.ok(port === undefined || Number(port) === PORT, `ENV PORT=${port}: the probes and EXPOSE say ${PORT}`);
  const runtime = walk(finalStage(model), model);
  const copied = runtime.copies.find((c) => c.src === "capstone/model/model.json");
  assert.ok(copied, "the runtime stage never copies capstone/model/model.json: the image would serve no model");
  const modelPath = envValue(model, "MODEL_PATH");
  assert.ok(modelPath, "set ENV MODEL_PATH to where the model is (the API has no idea otherwise)");
  assert.equal(
    posix.resolve(runtime.finalWorkdir, modelPath),
    copied.target,
    `MODEL_PATH=${modelPath} but the model is at ${copied.target}`,
  );
  const exposed = chainInstructions(model, "EXPOSE").flatMap((e) => e.args.split(/\s+/));
  assert.deepEqual(
    exposed.map((p) => p.replace(/\/tcp$/i, "")),
    [String(PORT)],
    `EXPOSE ${PORT}, and only it`,
  );
  const user = chainInstructions(model, "USER").pop()?.args.trim() ?? "";
  assert.ok(user !== "" && !/^(root|0)(:|$)/.test(user), `USER ${user || "(none)"}: run as the unprivileged node user`);
});

test("a HEALTHCHECK that asks GET /healthz without curl", () => {
  const { model } = learner();
  const check = chainInstructions(model, "HEALTHCHECK").pop();
  assert.ok(
    check && check.args.toUpperCase() !== "NONE",
    "add a HEALTHCHECK: `docker ps` and compose's depends_on use it",
  );
  assert.match(check.args, /\/healthz/, `the health check should ask /healthz (liveness), got: ${check.args}`);
  assert.doesNotMatch(check.args, /\bcurl\b|\bwget\b/, "slim images have neither curl nor wget: let node fetch it");
});
