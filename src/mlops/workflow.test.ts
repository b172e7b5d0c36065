// .github/workflows/ml-pipeline.yml, shaped the way week 6 describes it (actionlint checks it in
// src/mlops/actionlint.test.ts): scheduled + on demand, the local npm scripts, the evaluation as the job summary, and an
// image job that runs only after the pipeline succeeded, pushing with the job's token rather than a stored password.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { parse } from "yaml";
import { findRoot } from "../workspace/paths";

const root = findRoot();
const file = join(root, ".github", "workflows", "ml-pipeline.yml");

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

const wf = parse(readFileSync(file, "utf8")) as {
  on: Record<string, unknown>;
  permissions: unknown;
  jobs: Record<string, Job>;
};

test("triggers: a schedule and a manual dispatch; read-only by default", () => {
  const schedule = wf.on.schedule as { cron: string }[];
  assert.ok(Array.isArray(schedule) && schedule[0].cron.split(" ").length === 5, "a cron schedule");
  assert.ok("workflow_dispatch" in wf.on);
  assert.deepEqual(wf.permissions, { contents: "read" });
});

test("the pipeline job runs what a learner runs: npm ci, npm run setup, npm run pipeline, then the summary", () => {
  const runs = wf.jobs.pipeline.steps.map((s) => s.run ?? "").join("\n");
  for (const cmd of ["npm ci", "npm run setup", "npm run pipeline"]) assert.match(runs, new RegExp(cmd), `runs ${cmd}`);
  const summary = wf.jobs.pipeline.steps.find((s) => s.run?.includes("GITHUB_STEP_SUMMARY"));
  assert.ok(summary, "a step writes $GITHUB_STEP_SUMMARY");
  assert.equal(summary.if, "always()", "the report is published even when the pipeline stops");
  assert.match(runs, /--report/);
  assert.ok(wf.jobs.pipeline.outputs?.version, "the promoted version is a job output");
});

test("the image job needs the pipeline, may push packages, logs in with the job token and pushes", () => {
  const image = wf.jobs.image;
  assert.equal(image.needs, "pipeline");
  assert.equal(image.if, undefined, "no always(): a failed pipeline must skip the image");
  assert.deepEqual(image.permissions, { contents: "read", packages: "write" });
  const login = image.steps.find((s) => s.uses?.startsWith("docker/login-action@"));
  assert.match(String(login?.with?.password), /^\$\{\{\s*secrets\.GITHUB_TOKEN\s*\}\}$/);
  const build = image.steps.find((s) => s.uses?.startsWith("docker/build-push-action@"));
  assert.equal(build?.with?.push, true);
  assert.equal(build?.with?.file, "capstone/Dockerfile");
  assert.match(String(build?.with?.tags), /github\.sha/, "an immutable tag per commit");
  const download = image.steps.find((s) => s.uses?.startsWith("actions/download-artifact@"));
  assert.equal(download?.with?.path, "capstone/model", "the promoted model goes into the build context");
});
