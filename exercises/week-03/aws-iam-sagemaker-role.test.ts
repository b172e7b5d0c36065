// Grades exercises/week-03/aws-iam-sagemaker-role.ts (and proves the solution with the very same file).
// Both policies go through @cloud-copilot/iam-simulate, an implementation of IAM's policy evaluation logic, with
// request matrices: rows that must be allowed and rows that must be denied. The trust policy is evaluated as the
// role's resource policy for sts:AssumeRole, called by the SageMaker service principal and by principals that must
// be refused. The permissions policy is checked for two different set-ups, so nothing can be hard-coded.
import assert from "node:assert/strict";
import { test } from "vitest";
import { evaluateMatrix, type IamCase, matrixFailures } from "../../src/aws/iam";
import { type ExecutionRoleSpec, sagemakerExecutionPolicy, sagemakerTrustPolicy } from "./aws-iam-sagemaker-role";

const ACCOUNT = "123456789012";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/sagemaker-execution`;

function assume(label: string, principal: string, expect: "allow" | "deny", context?: Record<string, string>): IamCase {
  return { label, action: "sts:AssumeRole", resource: ROLE, principal, expect, context };
}

const sameAccount = { "aws:SourceAccount": ACCOUNT };

/** Principals and services that must never become the SageMaker execution role. */
const outsiders: IamCase[] = [
  assume("EC2 may not assume it", "ec2.amazonaws.com", "deny", sameAccount),
  assume("Lambda may not assume it", "lambda.amazonaws.com", "deny", sameAccount),
  assume("a user of the same account may not assume it", `arn:aws:iam::${ACCOUNT}:user/data-scientist`, "deny"),
  assume("another role of the same account may not assume it", `arn:aws:iam::${ACCOUNT}:role/ci-runner`, "deny"),
  assume("another account may not assume it", "arn:aws:iam::999999999999:root", "deny"),
  {
    label: "SageMaker gets sts:AssumeRole only, not session tagging",
    action: "sts:TagSession",
    resource: ROLE,
    principal: "sagemaker.amazonaws.com",
    expect: "deny",
    context: sameAccount,
  },
];

test("the trust policy lets the SageMaker service assume the role, and nobody else", async () => {
  const decisions = await evaluateMatrix({ identityPolicies: [], resourcePolicy: sagemakerTrustPolicy() }, [
    assume("SageMaker assumes the role for a job", "sagemaker.amazonaws.com", "allow", sameAccount),
    assume("SageMaker assumes the role (no source account in the request)", "sagemaker.amazonaws.com", "allow"),
    ...outsiders,
  ]);
  assert.deepEqual(matrixFailures(decisions), []);
});

test("with sourceAccount, SageMaker may assume the role only on behalf of that account", async () => {
  const decisions = await evaluateMatrix(
    { identityPolicies: [], resourcePolicy: sagemakerTrustPolicy({ sourceAccount: ACCOUNT }) },
    [
      assume("SageMaker, for a job in this account", "sagemaker.amazonaws.com", "allow", sameAccount),
      assume("SageMaker, for a job in another account (confused deputy)", "sagemaker.amazonaws.com", "deny", {
        "aws:SourceAccount": "999999999999",
      }),
      assume("SageMaker, with no source account at all", "sagemaker.amazonaws.com", "deny"),
      ...outsiders,
    ],
  );
  assert.deepEqual(matrixFailures(decisions), []);
});

/** The permission matrix for one set-up: what a training job needs, and the mistakes it must not be allowed. */
function permissionCases(spec: ExecutionRoleSpec, otherRepositoryArn: string): IamCase[] {
  const { bucket, dataPrefix: data, outputPrefix: out, region, accountId } = spec;
  const object = (key: string) => `arn:aws:s3:::${bucket}/${key}`;
  const logGroup = (name: string) => `arn:aws:logs:${region}:${accountId}:log-group:${name}`;
  const principal = `arn:aws:iam::${accountId}:role/sagemaker-execution`;
  const c = (
    label: string,
    action: string,
    resource: string,
    expect: "allow" | "deny",
    context?: Record<string, string>,
  ): IamCase => ({
    label,
    action,
    resource,
    expect,
    principal,
    resourceAccount: accountId,
    context,
  });
  const dataDir = data.replace(/\/$/, "");
  return [
    c("read a training file", "s3:GetObject", object(`${data}iris/train.csv`), "allow"),
    c("list the data prefix", "s3:ListBucket", `arn:aws:s3:::${bucket}`, "allow", { "s3:prefix": `${data}iris/` }),
    c("write the model artifact", "s3:PutObject", object(`${out}job-1/output/model.tar.gz`), "allow"),
    c("ECR login", "ecr:GetAuthorizationToken", "*", "allow"),
    c("pull the image manifest", "ecr:BatchGetImage", spec.imageRepositoryArn, "allow"),
    c("pull the image layers", "ecr:GetDownloadUrlForLayer", spec.imageRepositoryArn, "allow"),
    c("check the layers", "ecr:BatchCheckLayerAvailability", spec.imageRepositoryArn, "allow"),
    c("create the training log group", "logs:CreateLogGroup", logGroup("/aws/sagemaker/TrainingJobs"), "allow"),
    c(
      "create a log stream",
      "logs:CreateLogStream",
      logGroup("/aws/sagemaker/TrainingJobs:log-stream:job-1/algo-1"),
      "allow",
    ),
    c(
      "write log events",
      "logs:PutLogEvents",
      logGroup("/aws/sagemaker/TrainingJobs:log-stream:job-1/algo-1"),
      "allow",
    ),
    c(
      "write endpoint logs",
      "logs:PutLogEvents",
      logGroup("/aws/sagemaker/Endpoints/iris:log-stream:blue/i-1"),
      "allow",
    ),

    c("list the whole bucket", "s3:ListBucket", `arn:aws:s3:::${bucket}`, "deny"),
    c("list the output prefix", "s3:ListBucket", `arn:aws:s3:::${bucket}`, "deny", { "s3:prefix": out }),
    c("list a look-alike prefix", "s3:ListBucket", `arn:aws:s3:::${bucket}`, "deny", {
      "s3:prefix": `${dataDir}-private/`,
    }),
    c("overwrite training data", "s3:PutObject", object(`${data}iris/train.csv`), "deny"),
    c("read the output prefix (write-only)", "s3:GetObject", object(`${out}job-1/output/model.tar.gz`), "deny"),
    c("read a look-alike prefix", "s3:GetObject", object(`${dataDir}-private/secrets.csv`), "deny"),
    c("read another prefix", "s3:GetObject", object("billing/2026.csv"), "deny"),
    c("read another bucket", "s3:GetObject", `arn:aws:s3:::${bucket}-archive/${data}iris/train.csv`, "deny"),
    c("delete a model", "s3:DeleteObject", object(`${out}job-1/output/model.tar.gz`), "deny"),
    c("delete data", "s3:DeleteObject", object(`${data}iris/train.csv`), "deny"),
    c("change the bucket policy", "s3:PutBucketPolicy", `arn:aws:s3:::${bucket}`, "deny"),
    c("pull another image", "ecr:BatchGetImage", otherRepositoryArn, "deny"),
    c("push an image", "ecr:PutImage", spec.imageRepositoryArn, "deny"),
    c("write Lambda's logs", "logs:PutLogEvents", logGroup("/aws/lambda/billing:log-stream:x"), "deny"),
    c("delete the log group", "logs:DeleteLogGroup", logGroup("/aws/sagemaker/TrainingJobs"), "deny"),
    c(
      "logs in another region",
      "logs:PutLogEvents",
      `arn:aws:logs:${region === "us-east-1" ? "eu-west-1" : "us-east-1"}:${accountId}:log-group:/aws/sagemaker/TrainingJobs:log-stream:x`,
      "deny",
    ),
    c("pass the role on", "iam:PassRole", principal, "deny"),
    c(
      "start more training jobs",
      "sagemaker:CreateTrainingJob",
      `arn:aws:sagemaker:${region}:${accountId}:training-job/x`,
      "deny",
    ),
  ];
}

const setups: [ExecutionRoleSpec, string][] = [
  [
    {
      accountId: ACCOUNT,
      region: "us-east-1",
      bucket: "ml-study-data",
      dataPrefix: "datasets/",
      outputPrefix: "models/",
      imageRepositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/iris-inference`,
    },
    `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/other-team`,
  ],
  [
    {
      accountId: "210987654321",
      region: "eu-west-1",
      bucket: "team-b-training",
      dataPrefix: "projects/churn/data/",
      outputPrefix: "projects/churn/artifacts/",
      imageRepositoryArn: "arn:aws:ecr:eu-west-1:210987654321:repository/churn-xgb",
    },
    "arn:aws:ecr:eu-west-1:210987654321:repository/churn-xgb-dev",
  ],
];

for (const [spec, otherRepo] of setups) {
  test(`the permissions policy is least privilege for s3://${spec.bucket}/${spec.dataPrefix} -> ${spec.outputPrefix}`, async () => {
    const decisions = await evaluateMatrix(
      { identityPolicies: [sagemakerExecutionPolicy(spec)] },
      permissionCases(spec, otherRepo),
    );
    assert.deepEqual(matrixFailures(decisions), []);
  });
}

test("prefixes must be real folders: non-empty, ending in /, without wildcards", () => {
  const [spec] = setups[0];
  for (const [field, value] of [
    ["dataPrefix", ""],
    ["dataPrefix", "datasets"],
    ["outputPrefix", "models"],
    ["outputPrefix", "models/*"],
  ] as const) {
    assert.throws(() => sagemakerExecutionPolicy({ ...spec, [field]: value }), /prefix/i, `${field} = "${value}"`);
  }
});
