// The capstone's packaging, checked with the project's own tools: the Dockerfile with the Dockerfile linter, the
// image's dependencies against the versions the tests ran with, and the Kubernetes layouts with the manifest checks
// and the offline kustomize. (The image itself is built and probed by `npm run capstone:image`, not here: it takes
// a minute and needs root.)
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { test } from "vitest";
import { isIgnored, lintDockerfile, parseDockerfile } from "../src/infra/dockerfile";
import { checkKustomization, formatFindings, loadKustomization, type ManifestObject } from "../src/infra/k8s";

const ROOT = join(import.meta.dirname, "..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");
const json = <T = Record<string, unknown>>(p: string) => JSON.parse(read(p)) as T;

interface Pkg {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

test("capstone/Dockerfile passes the Dockerfile linter with zero findings (every severity)", () => {
  const pkg = json<Pkg>("capstone/package.json");
  const findings = lintDockerfile(read("capstone/Dockerfile"), {
    dockerignore: read(".dockerignore"),
    hasDevDependencies: Object.keys(pkg.devDependencies ?? {}).length > 0,
    fileName: "capstone/Dockerfile",
  });
  assert.deepEqual(
    findings.map((f) => `${f.line} ${f.rule} ${f.message}`),
    [],
    "expected no findings from the linter",
  );
});

test("the Dockerfile is multi-stage, non-root, exec-form, with a HEALTHCHECK, on the pinned slim base", () => {
  const { model } = parseDockerfile(read("capstone/Dockerfile"));
  assert.ok(model, "the Dockerfile parses");
  assert.equal(model.stages.length, 2, `expected build + runtime stages, got ${model.stages.length}`);
  for (const s of model.stages) assert.equal(s.image?.resolved, "node:20-bookworm-slim", "both stages on the pin");
  const final = model.stages[1].instructions;
  const last = (k: string) => final.filter((i) => i.keyword === k).at(-1);
  assert.equal(last("USER")?.args, "node", "the runtime stage runs as the unprivileged node user");
  assert.match(last("CMD")?.args ?? "", /^\[/, "CMD in exec form (JSON array)");
  assert.ok(last("HEALTHCHECK"), "a HEALTHCHECK");
  const installs = final.filter((i) => i.keyword === "RUN" && i.args.includes("npm ci"));
  assert.ok(
    installs.length === 1 && installs[0].args.includes("--omit=dev"),
    "the runtime installs production dependencies only",
  );
});

test(".dockerignore keeps the context to what the Dockerfile copies (and excludes node_modules, .git, .venv)", () => {
  const ignore = read(".dockerignore");
  const { model } = parseDockerfile(read("capstone/Dockerfile"));
  assert.ok(model);
  const sources = model.instructions
    .filter((i) => i.keyword === "COPY" && !i.flags.has("from"))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
  assert.ok(sources.length >= 5, `expected the COPY sources, got ${sources}`);
  for (const s of sources) assert.ok(!isIgnored(ignore, s), `${s} is copied by the Dockerfile but ignored`);
  for (const p of [
    "node_modules",
    ".git",
    ".venv",
    "notebooks",
    "datasets",
    "exercises",
    "solutions",
    "src/ml/forest.test.ts",
    "capstone/src/app.test.ts",
    "capstone/node_modules",
  ])
    assert.ok(isIgnored(ignore, p), `${p} should be outside the build context`);
});

test("the image's dependencies are the versions the workspace tests with", () => {
  const root = json<Pkg>("package.json");
  const cap = json<Pkg>("capstone/package.json");
  const runtime = [
    "fastify",
    "@fastify/under-pressure",
    "@fastify/swagger",
    "@fastify/swagger-ui",
    "prom-client",
    "pino",
    "@sinclair/typebox",
    "csv-parse",
  ];
  assert.deepEqual(Object.keys(cap.dependencies ?? {}).sort(), [...runtime].sort(), "runtime dependencies");
  for (const name of runtime)
    assert.equal(cap.dependencies?.[name], root.dependencies?.[name], `${name}: capstone pin vs root pin`);
  const esbuild = json<{ version: string }>("node_modules/esbuild/package.json").version;
  assert.deepEqual(cap.devDependencies, { esbuild }, "esbuild: the version tsx brings into the workspace");
  // Every package the image installs (name@version, hoisted or nested) is one the root lock installs too.
  const lockEntries = (p: string) =>
    new Set(
      Object.entries(json<{ packages: Record<string, { version?: string }> }>(p).packages)
        .filter(([k]) => k !== "")
        .map(([k, v]) => `${k.slice(k.lastIndexOf("node_modules/") + 13)}@${v.version}`),
    );
  const rootLock = lockEntries("package-lock.json");
  const missing = [...lockEntries("capstone/package-lock.json")].filter((e) => !rootLock.has(e));
  assert.deepEqual(missing, [], "capstone/package-lock.json resolves packages the workspace never tested with");
  const lockRoot = json<{ packages: Record<string, Pkg> }>("capstone/package-lock.json").packages[""];
  assert.deepEqual(lockRoot.dependencies, cap.dependencies, "the lock is up to date with capstone/package.json");
});

test("the bundler builds the API into one file whose npm imports are all in capstone/package.json", async () => {
  const dir = mkdtempSync(join(tmpdir(), "capstone-bundle-"));
  try {
    const out = join(dir, "server.mjs");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "capstone/scripts/bundle.ts", out],
      {
        cwd: ROOT,
      },
    ).catch((e: { stdout?: string; stderr?: string }) => assert.fail(`bundle.ts failed:\n${e.stdout}${e.stderr}`));
    assert.match(stdout, /external packages: .*fastify/, stdout);
    const code = readFileSync(out, "utf8");
    assert.doesNotMatch(
      code,
      /from "\.\.?\//,
      "no relative import is left: src/ and capstone/src are inside the bundle",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- Kubernetes ----

const layouts = ["base", "overlays/minikube", "overlays/eks"] as const;
const rendered = Object.fromEntries(
  layouts.map((l) => [l, loadKustomization(join(ROOT, "capstone/k8s", l)).objects]),
) as Record<(typeof layouts)[number], ManifestObject[]>;
type Obj = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((cur, k) => (cur === null || typeof cur !== "object" ? undefined : (cur as Obj)[k]), o);
const one = (objects: ManifestObject[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind}, got ${found.length}`);
  return found[0].body;
};

for (const layout of layouts) {
  test(`k8s/${layout} builds with the project's kustomize and passes every manifest check`, () => {
    const findings = checkKustomization(join(ROOT, "capstone/k8s", layout));
    assert.equal(findings.length, 0, formatFindings(findings));
  });
}

test("the base has every object a production service needs, in the restricted namespace", () => {
  const kinds = rendered.base.map((o) => o.kind).sort();
  assert.deepEqual(kinds, [
    "ConfigMap",
    "Deployment",
    "HorizontalPodAutoscaler",
    "Namespace",
    "NetworkPolicy",
    "PodDisruptionBudget",
    "Service",
    "ServiceAccount",
  ]);
  assert.equal(
    at(one(rendered.base, "Namespace"), "metadata", "labels", "pod-security.kubernetes.io/enforce"),
    "restricted",
  );
  for (const o of rendered.base)
    if (o.kind !== "Namespace") assert.equal(o.namespace, "capstone", `${o.kind} namespace`);
});

test("the Deployment: probes on /healthz and /readyz, restricted securityContext, read-only root with /tmp", () => {
  const d = one(rendered.base, "Deployment");
  const pod = at(d, "spec", "template", "spec") as Obj;
  const c = (pod.containers as Obj[])[0];
  assert.equal(at(c, "livenessProbe", "httpGet", "path"), "/healthz");
  assert.equal(at(c, "readinessProbe", "httpGet", "path"), "/readyz");
  assert.equal(at(pod, "securityContext", "runAsNonRoot"), true);
  assert.equal(at(pod, "securityContext", "seccompProfile", "type"), "RuntimeDefault");
  assert.equal(at(c, "securityContext", "readOnlyRootFilesystem"), true);
  assert.equal(at(c, "securityContext", "allowPrivilegeEscalation"), false);
  assert.deepEqual(at(c, "securityContext", "capabilities", "drop"), ["ALL"]);
  const tmp = (c.volumeMounts as Obj[]).find((m) => m.mountPath === "/tmp");
  const vol = (pod.volumes as Obj[]).find((v) => v.name === tmp?.name);
  assert.ok(vol?.emptyDir, "/tmp is an emptyDir");
  for (const r of ["requests", "limits"])
    for (const k of ["cpu", "memory"]) assert.ok(at(c, "resources", r, k), `${r}.${k}`);
  assert.equal(at(d, "spec", "replicas"), undefined, "the HPA owns the replica count");
  assert.equal(pod.serviceAccountName, "capstone-api");
});

test("the ConfigMap sets only variables the API reads, and the container port is the API's PORT", () => {
  const env = readFileSync(join(ROOT, "capstone/src/config.ts"), "utf8");
  const data = one(rendered.base, "ConfigMap").data as Record<string, string>;
  for (const key of Object.keys(data)) assert.match(env, new RegExp(`\\b${key}:`), `${key} is not in config.ts`);
  const pod = at(one(rendered.base, "Deployment"), "spec", "template", "spec") as Obj;
  const c = (pod.containers as Obj[])[0];
  assert.equal(String((c.ports as Obj[])[0].containerPort), data.PORT);
  // Kubernetes sends SIGKILL after terminationGracePeriodSeconds: the API's own drain must fit inside it.
  const drainMs = Number(data.SHUTDOWN_DELAY_MS) + Number(data.SHUTDOWN_GRACE_MS);
  assert.ok(
    drainMs < Number(pod.terminationGracePeriodSeconds) * 1000,
    `SHUTDOWN_DELAY_MS + SHUTDOWN_GRACE_MS = ${drainMs} ms must be under terminationGracePeriodSeconds`,
  );
});

test("the PodDisruptionBudget and the NetworkPolicy select the Deployment's pods", () => {
  const labels = at(one(rendered.base, "Deployment"), "spec", "template", "metadata", "labels") as Obj;
  for (const [kind, path] of [
    ["PodDisruptionBudget", ["spec", "selector", "matchLabels"]],
    ["NetworkPolicy", ["spec", "podSelector", "matchLabels"]],
  ] as const) {
    const sel = at(one(rendered.base, kind), ...path) as Obj;
    assert.ok(Object.keys(sel).length > 0, `${kind} selects something`);
    for (const [k, v] of Object.entries(sel)) assert.equal(labels[k], v, `${kind} selector ${k}`);
  }
  const np = one(rendered.base, "NetworkPolicy");
  assert.deepEqual(at(np, "spec", "policyTypes"), ["Ingress", "Egress"]);
  assert.deepEqual(at(np, "spec", "egress"), [], "the base API calls nobody: no egress");
});

test("minikube overlay: the local image never pulled, a NodePort, a single-node HPA", () => {
  const objs = rendered["overlays/minikube"];
  const c = (at(one(objs, "Deployment"), "spec", "template", "spec", "containers") as Obj[])[0];
  assert.equal(c.image, "ml-capstone-api:local");
  assert.equal(c.imagePullPolicy, "Never");
  const svc = one(objs, "Service");
  assert.equal(at(svc, "spec", "type"), "NodePort");
  assert.equal(at(svc, "spec", "ports", 0, "nodePort"), 30080);
  assert.equal(at(svc, "spec", "ports", 0, "protocol"), "TCP", "kustomize merges Service ports on port+protocol");
  assert.equal(at(one(objs, "HorizontalPodAutoscaler"), "spec", "minReplicas"), 1);
});

test("eks overlay: ECR image, IRSA annotation, the model from S3 in an init container, an ALB Ingress", () => {
  const objs = rendered["overlays/eks"];
  const pod = at(one(objs, "Deployment"), "spec", "template", "spec") as Obj;
  const api = (pod.containers as Obj[])[0];
  assert.match(String(api.image), /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com\/ml-capstone-api:\d+\.\d+\.\d+$/);
  const sa = one(objs, "ServiceAccount");
  assert.match(String(at(sa, "metadata", "annotations", "eks.amazonaws.com/role-arn")), /^arn:aws:iam::\d{12}:role\//);
  const init = (pod.initContainers as Obj[])[0];
  assert.ok(init && (init.command as string[]).includes("$(MODEL_S3_URI)"), "the init container copies the model");
  const data = one(objs, "ConfigMap").data as Record<string, string>;
  assert.equal(data.MODEL_PATH, "/models/model.json", "the API loads the downloaded model");
  assert.match(data.MODEL_S3_URI, /^s3:\/\//);
  const mount = (m: unknown) => (m as Obj[]).some((v) => v.mountPath === "/models");
  assert.ok(mount(api.volumeMounts) && mount(init.volumeMounts), "both containers mount /models");
  const ing = one(objs, "Ingress");
  assert.equal(at(ing, "spec", "ingressClassName"), "alb");
  assert.equal(at(ing, "metadata", "annotations", "alb.ingress.kubernetes.io/scheme"), "internet-facing");
  assert.equal(at(ing, "metadata", "annotations", "alb.ingress.kubernetes.io/healthcheck-path"), "/readyz");
  const paths = at(ing, "spec", "rules", 0, "http", "paths") as Obj[];
  const svc = one(objs, "Service");
  const root = paths.find((p) => p.path === "/");
  assert.equal(
    at(root, "backend", "service", "name"),
    at(svc, "metadata", "name"),
    "the Ingress routes to the Service",
  );
  assert.equal(at(root, "backend", "service", "port", "name"), at(svc, "spec", "ports", 0, "name"));
  assert.ok(
    paths.some((p) => p.path === "/metrics" && at(p, "backend", "service", "port", "name") === "use-annotation"),
    "/metrics is answered by the ALB, not exposed",
  );
  const egress = at(one(objs, "NetworkPolicy"), "spec", "egress") as Obj[];
  assert.ok(
    egress.some((r) => (r.ports as Obj[]).some((p) => p.port === 443)),
    "HTTPS egress for S3/STS",
  );
});
