// The EKS side: the IAM policies are least privilege (proven by request matrices through the IAM policy simulator:
// what the workload needs is allowed, everything around it is denied, and no granted action goes unused), the
// deployment files agree with each other, and deploy-eks.sh's dry run checks them and prints every command.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { test } from "vitest";
import { parse } from "yaml";
import { evaluateMatrix, type IamCase, matrixFailures, type PolicyDocument } from "../../src/aws/iam";
import {
  checkDeployFiles,
  EKS_ADDON_REGISTRY_ACCOUNT,
  NAMES,
  PLACEHOLDER_ACCOUNT,
  PLACEHOLDER_REGION,
} from "./check-files";

const HERE = import.meta.dirname;
const ROOT = join(HERE, "..", "..");
const policy = (f: string) => JSON.parse(readFileSync(join(HERE, "iam", f), "utf8")) as PolicyDocument;
const ACCOUNT = PLACEHOLDER_ACCOUNT;
const REGION = PLACEHOLDER_REGION;

/** checkDeployFiles on a copy of deploy/ whose cluster.yaml has one edit: what a broken change would be told. */
async function problemsAfterClusterEdit(from: string, to: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "capstone-deploy-"));
  try {
    cpSync(HERE, join(dir, "deploy"), { recursive: true });
    const cluster = join(dir, "deploy", "cluster.yaml");
    const text = readFileSync(cluster, "utf8");
    assert.ok(text.includes(from), `cluster.yaml no longer contains ${from}`);
    writeFileSync(cluster, text.replace(from, to));
    return await checkDeployFiles({
      deployDir: join(dir, "deploy"),
      k8sDir: join(HERE, "..", "k8s"),
      account: ACCOUNT,
      region: REGION,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const REPO = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${NAMES.repository}`;
const BUCKET = `ml-capstone-models-${ACCOUNT}`;
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/eksctl-ml-capstone-nodegroup-NodeInstanceRole`;
const APP_ROLE = `arn:aws:iam::${ACCOUNT}:role/${NAMES.appRole}`;
const CI_ROLE = `arn:aws:iam::${ACCOUNT}:role/ml-capstone-github-release`;

// The dry runs take a couple of seconds each (they render and check every file): start them now, in parallel.
const run = promisify(execFile);
const script = join(HERE, "deploy-eks.sh");
const otherAccount = { ...process.env, AWS_ACCOUNT_ID: "210987654321", AWS_REGION: "eu-west-1", IMAGE_TAG: "1.2.3" };
const dryRun = run("bash", [script, "--dry-run"], { cwd: ROOT, env: otherAccount });
const destroyRun = run("bash", [script, "--destroy"], { cwd: ROOT, env: otherAccount });
// Never left unhandled while the IAM tests run; each test below awaits its own promise.
dryRun.catch(() => {});
destroyRun.catch(() => {});

const c = (
  label: string,
  action: string,
  resource: string,
  expect: "allow" | "deny",
  principal: string,
  resourceAccount = ACCOUNT,
): IamCase => ({ label, action, resource, expect, principal, resourceAccount });

/** Every action a policy grants must be exercised by an "allow" case: a permission nobody needs is a finding. */
function assertNoUnusedAction(doc: PolicyDocument, cases: IamCase[], name: string) {
  const granted = new Set(
    (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement])
      .filter((s) => s.Effect === "Allow")
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]) as string[]),
  );
  const used = new Set(cases.filter((x) => x.expect === "allow").map((x) => x.action));
  for (const a of granted) assert.ok(used.has(a), `${name} grants ${a}, which no case the workload needs uses`);
}

async function assertMatrix(policies: Parameters<typeof evaluateMatrix>[0], cases: IamCase[]) {
  const decisions = await evaluateMatrix(policies, cases);
  assert.deepEqual(matrixFailures(decisions), [], "IAM request matrix");
}

test("ECR pull (node role): pulls the capstone image and the EKS add-on images, nothing else", async () => {
  const doc = policy("ecr-pull-policy.json");
  const p = (label: string, action: string, resource: string, expect: "allow" | "deny") =>
    c(label, action, resource, expect, NODE_ROLE);
  const cases = [
    p("log in to the registry", "ecr:GetAuthorizationToken", "*", "allow"),
    p("read the image manifest", "ecr:BatchGetImage", REPO, "allow"),
    p("download a layer", "ecr:GetDownloadUrlForLayer", REPO, "allow"),
    // A pull needs the manifest and the layers (AWS's own AmazonEC2ContainerRegistryPullOnly grants the same);
    // checking which layers exist is a push step.
    p("check layers before a push", "ecr:BatchCheckLayerAvailability", REPO, "deny"),
    p("push an image", "ecr:PutImage", REPO, "deny"),
    p("start a layer upload", "ecr:InitiateLayerUpload", REPO, "deny"),
    p("upload a layer part", "ecr:UploadLayerPart", REPO, "deny"),
    p("complete an upload", "ecr:CompleteLayerUpload", REPO, "deny"),
    p("delete images", "ecr:BatchDeleteImage", REPO, "deny"),
    p("delete the repository", "ecr:DeleteRepository", REPO, "deny"),
    p("change its policy", "ecr:SetRepositoryPolicy", REPO, "deny"),
    p("list images", "ecr:ListImages", REPO, "deny"),
    p(
      "pull another team's image",
      "ecr:BatchGetImage",
      `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/payments-api`,
      "deny",
    ),
    p(
      "pull from another region",
      "ecr:BatchGetImage",
      `arn:aws:ecr:us-west-2:${ACCOUNT}:repository/${NAMES.repository}`,
      "deny",
    ),
    p(
      "read the model (that is the pod's role)",
      "s3:GetObject",
      `arn:aws:s3:::${BUCKET}/models/capstone/model.json`,
      "deny",
    ),
  ];
  assertNoUnusedAction(doc, cases, "ecr-pull-policy.json");
  await assertMatrix({ identityPolicies: [doc] }, cases);
});

test("ECR pull, cross-account: the EKS add-on registry (which shares its images) is readable, not writable", async () => {
  // AWS's add-on repositories carry a repository policy that lets every account pull; modelled here, since a
  // cross-account pull needs an allow on both sides.
  const registryPolicy: PolicyDocument = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        Resource: "*",
      },
    ],
  };
  const cni = `arn:aws:ecr:${REGION}:${EKS_ADDON_REGISTRY_ACCOUNT}:repository/amazon-k8s-cni`;
  const p = (label: string, action: string, expect: "allow" | "deny") =>
    c(label, action, cni, expect, NODE_ROLE, EKS_ADDON_REGISTRY_ACCOUNT);
  await assertMatrix({ identityPolicies: [policy("ecr-pull-policy.json")], resourcePolicy: registryPolicy }, [
    p("pull the VPC CNI image", "ecr:BatchGetImage", "allow"),
    p("download its layers", "ecr:GetDownloadUrlForLayer", "allow"),
    p("push into AWS's registry", "ecr:PutImage", "deny"),
  ]);
});

test("S3 model read (the API's IRSA role): only GetObject, only under the model prefix", async () => {
  const doc = policy("s3-model-read-policy.json");
  const obj = (key: string, bucket = BUCKET) => `arn:aws:s3:::${bucket}/${key}`;
  const p = (label: string, action: string, resource: string, expect: "allow" | "deny") =>
    c(label, action, resource, expect, APP_ROLE);
  const cases = [
    p("read the promoted model", "s3:GetObject", obj("models/capstone/model.json"), "allow"),
    p("read a later model version", "s3:GetObject", obj("models/capstone/2026-12/model.json"), "allow"),
    p("overwrite the model", "s3:PutObject", obj("models/capstone/model.json"), "deny"),
    p("delete the model", "s3:DeleteObject", obj("models/capstone/model.json"), "deny"),
    p("read its ACL", "s3:GetObjectAcl", obj("models/capstone/model.json"), "deny"),
    p("read another model", "s3:GetObject", obj("models/fraud/model.json"), "deny"),
    p("read training data", "s3:GetObject", obj("datasets/breast-cancer.csv"), "deny"),
    p("list the bucket", "s3:ListBucket", `arn:aws:s3:::${BUCKET}`, "deny"),
    p("a look-alike bucket", "s3:GetObject", obj("models/capstone/model.json", `${BUCKET}-backup`), "deny"),
    p("pull images (that is the node's role)", "ecr:BatchGetImage", REPO, "deny"),
    p("assume another role", "sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:role/admin`, "deny"),
  ];
  assertNoUnusedAction(doc, cases, "s3-model-read-policy.json");
  await assertMatrix({ identityPolicies: [doc] }, cases);
});

test("ECR push (the CI release role): pushes to the capstone repository and can do nothing else", async () => {
  const doc = policy("ecr-push-policy.json");
  const p = (label: string, action: string, resource: string, expect: "allow" | "deny") =>
    c(label, action, resource, expect, CI_ROLE);
  const push = [
    "ecr:BatchCheckLayerAvailability",
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
  ];
  const cases = [
    p("log in", "ecr:GetAuthorizationToken", "*", "allow"),
    ...push.map((a) => p(`push step ${a}`, a, REPO, "allow")),
    p("push to another repository", "ecr:PutImage", `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/payments-api`, "deny"),
    p("delete images", "ecr:BatchDeleteImage", REPO, "deny"),
    p("delete the repository", "ecr:DeleteRepository", REPO, "deny"),
    p("create repositories", "ecr:CreateRepository", `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/new`, "deny"),
    p("open the repository to others", "ecr:SetRepositoryPolicy", REPO, "deny"),
    p("change tag mutability", "ecr:PutImageTagMutability", REPO, "deny"),
    p("replace the model", "s3:PutObject", `arn:aws:s3:::${BUCKET}/models/capstone/model.json`, "deny"),
    p("touch the cluster", "eks:DescribeCluster", `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${NAMES.cluster}`, "deny"),
    p("create IAM roles", "iam:CreateRole", `arn:aws:iam::${ACCOUNT}:role/x`, "deny"),
  ];
  assertNoUnusedAction(doc, cases, "ecr-push-policy.json");
  await assertMatrix({ identityPolicies: [doc] }, cases);
});

test("GitHub OIDC trust: only this repository's capstone-v* tags, only for STS's audience", () => {
  // The simulator cannot evaluate this one: it ignores OIDC provider keys such as
  // token.actions.githubusercontent.com:sub (they are not in AWS's service reference). So the statement's shape is
  // checked, and its StringLike pattern is evaluated with IAM's wildcard rules (* any run, ? one character).
  const doc = policy("github-oidc-trust-policy.json");
  const statements = doc.Statement as Record<string, unknown>[];
  assert.equal(statements.length, 1);
  const [s] = statements;
  assert.equal(s.Effect, "Allow");
  assert.equal(s.Action, "sts:AssumeRoleWithWebIdentity");
  assert.deepEqual(s.Principal, {
    Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
  });
  const cond = s.Condition as Record<string, Record<string, string>>;
  assert.deepEqual(cond.StringEquals, { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" });
  const sub = cond.StringLike["token.actions.githubusercontent.com:sub"];
  const like = new RegExp(
    `^${sub
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  const repo = "example-org/ml-engineer-study";
  const cases: [string, boolean][] = [
    [`repo:${repo}:ref:refs/tags/capstone-v1.0.0`, true],
    [`repo:${repo}:ref:refs/tags/capstone-v0.1.0`, true],
    [`repo:${repo}:ref:refs/heads/main`, false],
    [`repo:${repo}:ref:refs/tags/v1.0.0`, false],
    [`repo:${repo}:pull_request`, false],
    [`repo:${repo}:environment:production`, false],
    [`repo:example-org/other-repo:ref:refs/tags/capstone-v1.0.0`, false],
    [`repo:attacker/ml-engineer-study:ref:refs/tags/capstone-v1.0.0`, false],
  ];
  for (const [subject, allowed] of cases) assert.equal(like.test(subject), allowed, `sub ${subject}`);
  const release = parse(readFileSync(join(ROOT, ".github/workflows/capstone-release.yml"), "utf8"));
  const tagFilter = (release.on as { push: { tags: string[] } }).push.tags[0];
  assert.ok(sub.endsWith(`:ref:refs/tags/${tagFilter}`), `the trust follows the workflow's tag filter ${tagFilter}`);
});

test("eksctl-schema.json is eksctl's published schema, and it catches a misspelt cluster field", async () => {
  const schema = JSON.parse(readFileSync(join(HERE, "eksctl-schema.json"), "utf8"));
  const canonical = (v: unknown): string =>
    Array.isArray(v)
      ? `[${v.map(canonical).join(",")}]`
      : v !== null && typeof v === "object"
        ? `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
            .join(",")}}`
        : JSON.stringify(v);
  const { createHash } = await import("node:crypto");
  assert.equal(
    createHash("sha256").update(canonical(schema)).digest("hex"),
    "90fed0cc91f322b5fa49160a39dcaf3ef51bdf1e5a957165e0de025fb4498685",
    "the vendored schema's content changed (see eksctl-schema.SOURCE.md)",
  );
  const problems = await problemsAfterClusterEdit("logRetentionInDays", "logRetentionDays");
  assert.ok(
    problems.some((p) => p.includes("eksctl schema") && p.includes("logRetentionDays")),
    `expected the schema to refuse logRetentionDays, got ${JSON.stringify(problems)}`,
  );
});

test("the committed deployment files agree with each other and pass the manifest checks", async () => {
  const problems = await checkDeployFiles({
    deployDir: HERE,
    k8sDir: join(HERE, "..", "k8s"),
    account: ACCOUNT,
    region: REGION,
  });
  assert.deepEqual(problems, []);
});

test("a wrong role name in the cluster config is caught before any deploy", async () => {
  const problems = await problemsAfterClusterEdit("disablePodIMDS: true", "disablePodIMDS: false");
  assert.ok(
    problems.some((p) => p.includes("disablePodIMDS")),
    `expected the IMDS finding, got ${JSON.stringify(problems)}`,
  );
});

test("node groups that let pods reach the instance metadata service are caught before any deploy", async () => {
  const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "capstone-deploy-"));
  try {
    cpSync(HERE, join(dir, "deploy"), { recursive: true });
    const cluster = join(dir, "deploy", "cluster.yaml");
    writeFileSync(cluster, readFileSync(cluster, "utf8").replace("disablePodIMDS: true", "disablePodIMDS: false"));
    const problems = await checkDeployFiles({
      deployDir: join(dir, "deploy"),
      k8sDir: join(HERE, "..", "k8s"),
      account: ACCOUNT,
      region: REGION,
    });
    assert.ok(
      problems.some((p) => p.includes("disablePodIMDS")),
      `expected the IMDS finding, got ${JSON.stringify(problems)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("deploy-eks.sh, release workflow and check-files.ts use the same names", () => {
  const sh = readFileSync(script, "utf8");
  const v = (name: string) => new RegExp(`^${name}=(.*)$`, "m").exec(sh)?.[1];
  assert.equal(v("cluster"), NAMES.cluster);
  assert.equal(v("namespace"), NAMES.namespace);
  assert.equal(v("repository"), NAMES.repository);
  assert.equal(v("app_role"), NAMES.appRole);
  assert.equal(v("pull_policy"), NAMES.pullPolicy);
  assert.equal(v("read_policy"), NAMES.readPolicy);
  assert.equal(v("placeholder_account"), PLACEHOLDER_ACCOUNT);
  assert.equal(v("placeholder_region"), PLACEHOLDER_REGION);
  const release = readFileSync(join(ROOT, ".github/workflows/capstone-release.yml"), "utf8");
  assert.match(release, new RegExp(`ECR_REPOSITORY: ${NAMES.repository}\\n`));
});

test("deploy-eks.sh --dry-run renders for the given account, checks every file and prints every command", async () => {
  const { stdout } = await dryRun;
  for (const cmd of [
    "+ aws iam create-policy --policy-name ml-capstone-ecr-pull",
    "+ aws iam create-policy --policy-name ml-capstone-model-read",
    "+ aws ecr create-repository --region eu-west-1 --repository-name ml-capstone-api",
    "+ aws s3 cp ",
    "+ eksctl create cluster --config-file ",
    "+ helm upgrade --install aws-load-balancer-controller",
    "+ docker push 210987654321.dkr.ecr.eu-west-1.amazonaws.com/ml-capstone-api:1.2.3",
    "+ kubectl apply -k ",
    "+ kubectl --namespace capstone rollout status deployment/capstone-api",
    "curl -fsS",
    "+ aws iam create-role --role-name ml-capstone-github-release",
  ])
    assert.ok(stdout.includes(cmd), `the dry run does not print: ${cmd}\n${stdout}`);
  assert.match(stdout, /checked .* for account 210987654321, region eu-west-1: consistent/);
  // Everything is rendered: no placeholder account or region is left in a printed command.
  const commands = stdout.split("\n").filter((l) => l.startsWith("+ "));
  for (const l of commands) assert.ok(!l.includes(PLACEHOLDER_ACCOUNT) && !l.includes(PLACEHOLDER_REGION), l);
  assert.match(stdout, /dry run: every file checked, nothing created/);
});

test("deploy-eks.sh --destroy (dry run) prints the teardown, load balancer first", async () => {
  const { stdout } = await destroyRun;
  const lines = stdout.split("\n").filter((l) => l.startsWith("+ "));
  const index = (s: string) => lines.findIndex((l) => l.includes(s));
  assert.ok(index("kubectl delete -k") >= 0 && index("kubectl delete -k") < index("eksctl delete cluster"), stdout);
  for (const s of ["aws ecr delete-repository", "aws s3api delete-bucket", "aws iam delete-policy"])
    assert.ok(index(s) > index("eksctl delete cluster"), `${s} after the cluster`);
});

test("deploy-eks.sh refuses an unknown argument", async () => {
  await assert.rejects(run("bash", [script, "--aply"], { cwd: ROOT }), (e: { code?: number; stderr?: string }) => {
    assert.equal(e.code, 2);
    assert.match(String(e.stderr), /unknown argument: --aply/);
    return true;
  });
});
