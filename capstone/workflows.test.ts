// The capstone's GitHub Actions workflows: CI tests every push and builds the real image, and the release reaches AWS
// only through OIDC: no access keys anywhere. actionlint checks them in src/mlops/actionlint.test.ts.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "..");
const FILES = [".github/workflows/capstone-ci.yml", ".github/workflows/capstone-release.yml"];
const text = (f: string) => readFileSync(join(ROOT, f), "utf8");
type Obj = Record<string, unknown>;
const [ci, release] = FILES.map((f) => parse(text(f)) as Obj);
const jobs = (w: Obj) => w.jobs as Record<string, Obj>;
const steps = (job: Obj) => job.steps as Obj[];
const runs = (job: Obj) => steps(job).map((s) => String(s.run ?? ""));

test("CI tests every push that touches the capstone, then builds and probes the image", () => {
  const on = ci.on as Obj;
  assert.ok(on.push && on.pull_request && "workflow_call" in on, "push, pull_request, and callable by the release");
  const paths = at(on, "push", "paths") as string[];
  for (const p of ["capstone/**", "src/**"]) assert.ok(paths.includes(p), `push paths include ${p}`);
  assert.deepEqual(ci.permissions, { contents: "read" });
  const { test: t, image } = jobs(ci);
  assert.ok(runs(t).includes("npm test"), "runs the workspace's tests");
  assert.ok(
    runs(t).some((r) => r.includes("npm run actionlint")),
    "lints the workflows",
  );
  assert.ok(
    runs(t).some((r) => r.includes("capstone:deploy -- --dry-run")),
    "checks the EKS files",
  );
  assert.deepEqual(image.needs, "test");
  assert.ok(
    runs(image).some((r) => r.includes("npm run capstone:image")),
    "builds, runs and probes the image",
  );
});

test("the release runs on capstone-v* tags, after CI, through OIDC with one role and no stored keys", () => {
  assert.deepEqual((release.on as Obj).push, { tags: ["capstone-v*"] });
  assert.deepEqual(release.permissions, { contents: "read" }, "read-only by default");
  const { ci: gate, release: job } = jobs(release);
  assert.equal(gate.uses, "./.github/workflows/capstone-ci.yml");
  assert.equal(job.needs, "ci");
  assert.deepEqual(job.permissions, { contents: "read", "id-token": "write" }, "id-token only where it is used");
  const creds = steps(job).find((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"));
  assert.ok(creds, "uses aws-actions/configure-aws-credentials");
  assert.match(String(at(creds, "with", "role-to-assume")), /^\$\{\{ vars\.AWS_RELEASE_ROLE_ARN \}\}$/);
  const credIndex = steps(job).indexOf(creds);
  const probe = runs(job).findIndex((r) => r.includes("npm run capstone:image"));
  const push = runs(job).findIndex((r) => r.includes("buildah push"));
  assert.ok(probe >= 0 && probe < credIndex && credIndex < push, "probe the image, then get credentials, then push");
  for (const f of FILES)
    assert.doesNotMatch(
      text(f),
      /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID|secrets\.AWS/i,
      `${f} must not use long-lived AWS keys`,
    );
});

function at(o: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((cur, k) => (cur === null || typeof cur !== "object" ? undefined : (cur as Obj)[k]), o);
}
