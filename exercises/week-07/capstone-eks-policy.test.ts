// Grades exercises/week-07/capstone-eks-policy.ts (and proves the solution with this same file).
// The trusted reference is AWS's policy evaluation logic as implemented by @cloud-copilot/iam-simulate (through
// src/aws/iam's evaluateMatrix): each row is a request and the decision a least-privilege policy must give it.
// Then, for the capstone's own names, your policies must decide every row exactly like the committed files in
// capstone/deploy/iam, which deploy-eks.sh creates in the account.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { evaluateMatrix, type IamCase, type IamPolicies, matrixFailures, type PolicyDocument } from "../../src/aws/iam";
import { findRoot } from "../../src/workspace/paths";
import { EKS_ADDON_REGISTRY_ACCOUNT, modelReadPolicy, nodeEcrPullPolicy } from "./capstone-eks-policy";

const ROOT = process.env.GRADE_ROOT ?? findRoot();
const committed = (file: string) =>
  JSON.parse(readFileSync(join(ROOT, "capstone", "deploy", "iam", file), "utf8")) as PolicyDocument;

const row = (
  label: string,
  action: string,
  resource: string,
  expect: "allow" | "deny",
  principal: string,
  resourceAccount: string,
): IamCase => ({
  label,
  action,
  resource,
  expect,
  principal,
  resourceAccount,
});

/** Requests the API pod's role makes (or must not be able to make). */
function modelCases(account: string, bucket: string, prefix: string, region: string): IamCase[] {
  const role = `arn:aws:iam::${account}:role/api-model-read`;
  const obj = (key: string, b = bucket) => `arn:aws:s3:::${b}/${key}`;
  const c = (label: string, action: string, resource: string, expect: "allow" | "deny") =>
    row(label, action, resource, expect, role, account);
  const trimmed = prefix.replace(/\/$/, "");
  return [
    c("read the promoted model", "s3:GetObject", obj(`${trimmed}/model.json`), "allow"),
    c("read a later version in a sub-folder", "s3:GetObject", obj(`${trimmed}/2026-12/model.json`), "allow"),
    c("overwrite the model", "s3:PutObject", obj(`${trimmed}/model.json`), "deny"),
    c("delete the model", "s3:DeleteObject", obj(`${trimmed}/model.json`), "deny"),
    c("read its ACL", "s3:GetObjectAcl", obj(`${trimmed}/model.json`), "deny"),
    c("read an old version by version id", "s3:GetObjectVersion", obj(`${trimmed}/model.json`), "deny"),
    c("read a look-alike prefix (no trailing slash)", "s3:GetObject", obj(`${trimmed}-old/model.json`), "deny"),
    c("read another model", "s3:GetObject", obj("models/other/model.json"), "deny"),
    c("read training data", "s3:GetObject", obj("datasets/breast-cancer.csv"), "deny"),
    c("list the bucket", "s3:ListBucket", `arn:aws:s3:::${bucket}`, "deny"),
    c("the same key in a look-alike bucket", "s3:GetObject", obj(`${trimmed}/model.json`, `${bucket}-backup`), "deny"),
    c("pull images (the nodes' job)", "ecr:BatchGetImage", `arn:aws:ecr:${region}:${account}:repository/x`, "deny"),
    c("assume another role", "sts:AssumeRole", `arn:aws:iam::${account}:role/admin`, "deny"),
  ];
}

/** Requests the node role makes (or must not be able to make). */
function pullCases(account: string, region: string, repository: string): IamCase[] {
  const node = `arn:aws:iam::${account}:role/eks-node-group-NodeInstanceRole`;
  const repo = `arn:aws:ecr:${region}:${account}:repository/${repository}`;
  const c = (label: string, action: string, resource: string, expect: "allow" | "deny") =>
    row(label, action, resource, expect, node, account);
  return [
    c("log in to the registry", "ecr:GetAuthorizationToken", "*", "allow"),
    c("read the image manifest", "ecr:BatchGetImage", repo, "allow"),
    c("download a layer", "ecr:GetDownloadUrlForLayer", repo, "allow"),
    c("check layers (a push step)", "ecr:BatchCheckLayerAvailability", repo, "deny"),
    c("push an image", "ecr:PutImage", repo, "deny"),
    c("start a layer upload", "ecr:InitiateLayerUpload", repo, "deny"),
    c("delete images", "ecr:BatchDeleteImage", repo, "deny"),
    c("delete the repository", "ecr:DeleteRepository", repo, "deny"),
    c("open the repository to everyone", "ecr:SetRepositoryPolicy", repo, "deny"),
    c("list images", "ecr:ListImages", repo, "deny"),
    c(
      "pull another team's image",
      "ecr:BatchGetImage",
      `arn:aws:ecr:${region}:${account}:repository/payments-api`,
      "deny",
    ),
    c(
      "pull the same name in another region",
      "ecr:BatchGetImage",
      `arn:aws:ecr:ap-south-1:${account}:repository/${repository}`,
      "deny",
    ),
    c("read the model (the pod's job)", "s3:GetObject", "arn:aws:s3:::any-bucket/models/model.json", "deny"),
  ];
}

/** The add-on registry shares its images with every account (a resource policy), so a pull needs both sides. */
function addonCases(
  account: string,
  region: string,
): { policies: Omit<IamPolicies, "identityPolicies">; cases: IamCase[] } {
  const node = `arn:aws:iam::${account}:role/eks-node-group-NodeInstanceRole`;
  const cni = `arn:aws:ecr:${region}:${EKS_ADDON_REGISTRY_ACCOUNT}:repository/amazon-k8s-cni`;
  const c = (label: string, action: string, expect: "allow" | "deny") =>
    row(label, action, cni, expect, node, EKS_ADDON_REGISTRY_ACCOUNT);
  return {
    policies: {
      resourcePolicy: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
            Resource: "*",
          },
        ],
      },
    },
    cases: [
      c("pull the VPC CNI image", "ecr:BatchGetImage", "allow"),
      c("download its layers", "ecr:GetDownloadUrlForLayer", "allow"),
      c("push into AWS's registry", "ecr:PutImage", "deny"),
    ],
  };
}

/** Every action a policy grants must be needed by an "allow" row: a permission nobody uses is a finding. */
function assertNoUnusedAction(doc: PolicyDocument, cases: IamCase[]) {
  const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  for (const s of statements) {
    assert.equal(s.NotAction, undefined, "no NotAction: it grants everything else");
    assert.equal(s.NotResource, undefined, "no NotResource");
  }
  const granted = statements.filter((s) => s.Effect === "Allow").flatMap((s) => [s.Action].flat() as string[]);
  const used = new Set(cases.filter((x) => x.expect === "allow").map((x) => x.action));
  for (const a of granted) assert.ok(used.has(a), `the policy grants ${a}, which no request the workload makes needs`);
}

async function assertMatrix(policies: IamPolicies, cases: IamCase[]) {
  assert.deepEqual(matrixFailures(await evaluateMatrix(policies, cases)), [], "IAM request matrix");
}

test("model read: GetObject under one prefix of one bucket, nothing else (another team's names)", async () => {
  const doc = modelReadPolicy({ bucket: "acme-ml-models", prefix: "serving/fraud-api" });
  assert.equal(doc.Version, "2012-10-17");
  const cases = modelCases("210987654321", "acme-ml-models", "serving/fraud-api/", "eu-west-1");
  assertNoUnusedAction(doc, cases);
  await assertMatrix({ identityPolicies: [doc] }, cases);
});

test("model read: a prefix given with its trailing slash gives the same decisions", async () => {
  const cases = modelCases("210987654321", "acme-ml-models", "serving/fraud-api/", "eu-west-1");
  await assertMatrix(
    { identityPolicies: [modelReadPolicy({ bucket: "acme-ml-models", prefix: "serving/fraud-api/" })] },
    cases,
  );
});

test("node pull: log in, pull the API's repository and the EKS add-ons, nothing else (another team's names)", async () => {
  const doc = nodeEcrPullPolicy({ account: "210987654321", region: "eu-west-1", repository: "fraud-api" });
  assert.equal(doc.Version, "2012-10-17");
  const cases = pullCases("210987654321", "eu-west-1", "fraud-api");
  const addons = addonCases("210987654321", "eu-west-1");
  assertNoUnusedAction(doc, [...cases, ...addons.cases]);
  await assertMatrix({ identityPolicies: [doc] }, cases);
  await assertMatrix({ identityPolicies: [doc], ...addons.policies }, addons.cases);
});

test("bad names are refused before they reach a policy", () => {
  for (const bucket of ["", "ab", "Acme-Models", "-models", "models-", "my_bucket", "*"]) {
    assert.throws(() => modelReadPolicy({ bucket, prefix: "models/x/" }), /bucket/i, `bucket "${bucket}"`);
  }
  for (const prefix of ["", "/models/x/", "models/*", "models/x?"]) {
    assert.throws(() => modelReadPolicy({ bucket: "acme-ml-models", prefix }), /prefix/i, `prefix "${prefix}"`);
  }
  const ok = { account: "210987654321", region: "eu-west-1", repository: "fraud-api" };
  for (const account of ["", "12345", "21098765432a", "*"]) {
    assert.throws(() => nodeEcrPullPolicy({ ...ok, account }), /account/i, `account "${account}"`);
  }
  for (const region of ["", "europe", "*", "eu-west"]) {
    assert.throws(() => nodeEcrPullPolicy({ ...ok, region }), /region/i, `region "${region}"`);
  }
  for (const repository of ["", "*", "fraud-*"]) {
    assert.throws(() => nodeEcrPullPolicy({ ...ok, repository }), /repository/i, `repository "${repository}"`);
  }
});

test("for the capstone's own names, your policies decide every request like capstone/deploy/iam/*.json", async () => {
  const account = "123456789012";
  const region = "us-east-1";
  const read = modelReadPolicy({ bucket: `ml-capstone-models-${account}`, prefix: "models/capstone/" });
  const pull = nodeEcrPullPolicy({ account, region, repository: "ml-capstone-api" });
  const pairs: [string, PolicyDocument, PolicyDocument, IamCase[], Omit<IamPolicies, "identityPolicies">][] = [
    [
      "s3-model-read-policy.json",
      read,
      committed("s3-model-read-policy.json"),
      modelCases(account, `ml-capstone-models-${account}`, "models/capstone/", region),
      {},
    ],
    [
      "ecr-pull-policy.json",
      pull,
      committed("ecr-pull-policy.json"),
      pullCases(account, region, "ml-capstone-api"),
      {},
    ],
    [
      "ecr-pull-policy.json (add-ons)",
      pull,
      committed("ecr-pull-policy.json"),
      addonCases(account, region).cases,
      addonCases(account, region).policies,
    ],
  ];
  for (const [file, mine, theirs, cases, extra] of pairs) {
    const a = await evaluateMatrix({ identityPolicies: [mine], ...extra }, cases);
    const b = await evaluateMatrix({ identityPolicies: [theirs], ...extra }, cases);
    const differ = a
      .map((d, i) => ({ label: d.label, yours: d.decision, theirs: b[i].decision }))
      .filter((d) => d.yours !== d.theirs)
      .map((d) => `${d.label}: yours ${d.yours}, ${file} ${d.theirs}`);
    assert.deepEqual(differ, [], `decisions that differ from capstone/deploy/iam/${file}`);
  }
});
