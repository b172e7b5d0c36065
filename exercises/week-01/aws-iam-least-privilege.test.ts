// Grades exercises/week-01/aws-iam-least-privilege.ts (and proves the solution with this file).
// The trusted reference is AWS's policy evaluation logic as implemented by @cloud-copilot/iam-simulate (through
// src/aws/iam): each row is a request and the decision a least-privilege policy must give it. The last test replays
// the rows moto can judge as real S3 calls made with the role's temporary credentials.
import assert from "node:assert/strict";
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, test } from "vitest";
import {
  awsClientConfig,
  type IamCase,
  LOCAL_ACCOUNT_ID,
  LOCAL_REGION,
  type LocalAws,
  startLocalAws,
} from "../../src/aws";
import { evaluateMatrix, matrixFailures } from "../../src/aws/iam";
import { trainingJobPolicy } from "./aws-iam-least-privilege";

const BUCKET = "ml-team-data";
const arn = (path: string) => `arn:aws:s3:::${path}`;
const allow = (label: string, action: string, resource: string, context?: IamCase["context"]): IamCase => ({
  label,
  action,
  resource,
  context,
  expect: "allow",
});
const deny = (label: string, action: string, resource: string, context?: IamCase["context"]): IamCase => ({
  label,
  action,
  resource,
  context,
  expect: "deny",
});

/** What the training job must be able to do. */
function mustAllow(bucket: string): IamCase[] {
  return [
    allow("read a training file", "s3:GetObject", arn(`${bucket}/datasets/iris.csv`)),
    allow("read a file in a sub-folder of datasets/", "s3:GetObject", arn(`${bucket}/datasets/2024/part-0001.csv`)),
    allow("list datasets/", "s3:ListBucket", arn(bucket), { "s3:prefix": "datasets/" }),
    allow("list a sub-folder of datasets/", "s3:ListBucket", arn(bucket), { "s3:prefix": "datasets/2024/" }),
    allow("write a model", "s3:PutObject", arn(`${bucket}/models/model.json`)),
    allow("write a model in a run folder", "s3:PutObject", arn(`${bucket}/models/run-7/weights.bin`)),
  ];
}

/** What it must not be able to do: every row is a way a too-broad policy leaks. */
function mustDeny(bucket: string): IamCase[] {
  return [
    deny("read another prefix", "s3:GetObject", arn(`${bucket}/secrets/api-key.txt`)),
    deny("read a look-alike prefix (datasets* without the slash)", "s3:GetObject", arn(`${bucket}/datasets-old/x.csv`)),
    deny("read models/ (the job only writes there)", "s3:GetObject", arn(`${bucket}/models/model.json`)),
    deny("read the same path in another bucket", "s3:GetObject", arn("other-team-bucket/datasets/iris.csv")),
    deny("read a look-alike bucket (bucket* wildcard)", "s3:GetObject", arn(`${bucket}-backup/datasets/iris.csv`)),
    deny("list the whole bucket (no prefix)", "s3:ListBucket", arn(bucket)),
    deny("list models/", "s3:ListBucket", arn(bucket), { "s3:prefix": "models/" }),
    deny("list datasets/ of another bucket", "s3:ListBucket", arn("other-team-bucket"), { "s3:prefix": "datasets/" }),
    deny("overwrite training data", "s3:PutObject", arn(`${bucket}/datasets/iris.csv`)),
    deny("write outside models/", "s3:PutObject", arn(`${bucket}/model.json`)),
    deny("write models/ in another bucket", "s3:PutObject", arn(`other-team-bucket/models/model.json`)),
    deny("delete a model", "s3:DeleteObject", arn(`${bucket}/models/model.json`)),
    deny("delete training data", "s3:DeleteObject", arn(`${bucket}/datasets/iris.csv`)),
    deny("make a model public (object ACL)", "s3:PutObjectAcl", arn(`${bucket}/models/model.json`)),
    deny("replace the bucket policy (s3:* admin)", "s3:PutBucketPolicy", arn(bucket)),
    deny("delete the bucket (s3:* admin)", "s3:DeleteBucket", arn(bucket)),
    deny("list every bucket in the account", "s3:ListAllMyBuckets", "*"),
  ];
}

async function failures(bucket: string, cases: IamCase[]): Promise<string[]> {
  return matrixFailures(await evaluateMatrix({ identityPolicies: [trainingJobPolicy(bucket)] }, cases));
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

test("the policy allows everything the training job needs (iam-simulate)", async () => {
  const problems = await failures(BUCKET, mustAllow(BUCKET));
  assert.deepEqual(problems, [], `requests wrongly denied:\n${problems.join("\n")}`);
});

test("the policy denies other prefixes, other buckets, deletes, writes to datasets/ and admin actions", async () => {
  const problems = await failures(BUCKET, mustDeny(BUCKET));
  assert.deepEqual(problems, [], `requests wrongly allowed:\n${problems.join("\n")}`);
});

test("the bucket is a parameter, not a constant", async () => {
  const bucket = "vision-lab.eu-2024";
  const problems = await failures(bucket, [...mustAllow(bucket), ...mustDeny(bucket)]);
  assert.deepEqual(problems, [], `for bucket ${bucket}:\n${problems.join("\n")}`);
  assert.doesNotMatch(JSON.stringify(trainingJobPolicy(bucket)), /ml-team-data/, "the policy still names ml-team-data");
});

test("no wildcards beyond the two prefixes: exact actions, exact resources, version 2012-10-17", () => {
  const policy = trainingJobPolicy(BUCKET);
  assert.equal(policy.Version, "2012-10-17", "Version: without 2012-10-17, AWS uses the 2008 language");
  const allowedResources = new Set([arn(BUCKET), arn(`${BUCKET}/datasets/*`), arn(`${BUCKET}/models/*`)]);
  for (const [i, statement] of asArray(policy.Statement).entries()) {
    const s = statement as Record<string, unknown>;
    for (const forbidden of ["NotAction", "NotResource", "Principal", "NotPrincipal"]) {
      assert.ok(!(forbidden in s), `statement ${i} uses ${forbidden}; an identity policy names actions and resources`);
    }
    const actions = asArray(s.Action);
    assert.ok(actions.length > 0, `statement ${i} has no Action`);
    for (const action of actions) {
      assert.ok(
        typeof action === "string" && /^s3:[A-Za-z]+$/.test(action),
        `statement ${i}: action ${JSON.stringify(action)} is not one exact s3 action (no "*")`,
      );
    }
    for (const resource of asArray(s.Resource)) {
      assert.ok(
        allowedResources.has(String(resource)),
        `statement ${i}: resource ${JSON.stringify(resource)} is not one of ${[...allowedResources].join(", ")}`,
      );
    }
  }
});

test("an invalid bucket name is refused instead of reaching a policy", () => {
  for (const bad of ["", "*", "ab", "ML_Data", "arn:aws:s3:::ml-team-data", "-leading-hyphen", "my bucket"]) {
    assert.throws(() => trainingJobPolicy(bad), /bucket/i, `trainingJobPolicy(${JSON.stringify(bad)}) should throw`);
  }
});

// --- The same rows as real S3 calls against moto -------------------------------------------------------------------
// moto enforces IAM once its /moto-api/reset-auth switch is set: it checks the request signature, finds the policies
// of the caller (here the training role, through AssumeRole's temporary credentials) and matches Action and
// Resource. It does NOT evaluate Condition keys on identity policies (only StringEquals on trust policies), so the
// s3:prefix rows of ListBucket are proven by the simulator above, not here.
let aws: LocalAws | undefined;
afterAll(async () => {
  await aws?.stop();
});

test("moto enforces the policy on real S3 calls made with the training role's credentials", async () => {
  const policy = trainingJobPolicy(BUCKET); // first, so an untouched stub fails before a server starts
  aws = await startLocalAws({ setEnv: false });
  const local = awsClientConfig({ kind: "local", endpoint: aws.url, region: LOCAL_REGION });
  const admin = new S3Client(local);
  for (const bucket of [BUCKET, "other-team-bucket"]) await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: "datasets/iris.csv", Body: "a,b\n1,2\n" }));
  await admin.send(new PutObjectCommand({ Bucket: "other-team-bucket", Key: "datasets/iris.csv", Body: "a,b\n" }));
  const iam = new IAMClient(local);
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: "training-job",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:root` }, Action: "sts:AssumeRole" },
        ],
      }),
    }),
  );
  // moto treats every Condition as met, so a conditional Deny (say, "deny unless aws:SecureTransport") would deny
  // everything there. Such statements are left out of the replay; the simulator above judged the complete policy.
  const replayable = {
    ...policy,
    Statement: asArray(policy.Statement).filter((s) => {
      const statement = s as Record<string, unknown>;
      return !(statement.Effect === "Deny" && statement.Condition);
    }),
  };
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: "training-job",
      PolicyName: "s3",
      PolicyDocument: JSON.stringify(replayable),
    }),
  );
  const assumed = await new STSClient(local).send(
    new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: "grader" }),
  );
  const c = assumed.Credentials!;
  const job = new S3Client({
    ...local,
    credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
  });
  // From here on moto checks every request (setup above ran unauthenticated).
  const enable = await fetch(`${aws.url}/moto-api/reset-auth`, { method: "POST", body: "0" });
  assert.equal(enable.status, 200, "moto refused to enable IAM enforcement");

  const rows: [string, "allow" | "deny", () => Promise<unknown>][] = [
    [
      "GetObject datasets/iris.csv",
      "allow",
      () => job.send(new GetObjectCommand({ Bucket: BUCKET, Key: "datasets/iris.csv" })),
    ],
    [
      "PutObject models/model.json",
      "allow",
      () => job.send(new PutObjectCommand({ Bucket: BUCKET, Key: "models/model.json", Body: "{}" })),
    ],
    [
      "GetObject secrets/api-key.txt",
      "deny",
      () => job.send(new GetObjectCommand({ Bucket: BUCKET, Key: "secrets/api-key.txt" })),
    ],
    [
      "GetObject in other-team-bucket",
      "deny",
      () => job.send(new GetObjectCommand({ Bucket: "other-team-bucket", Key: "datasets/iris.csv" })),
    ],
    [
      "PutObject datasets/iris.csv",
      "deny",
      () => job.send(new PutObjectCommand({ Bucket: BUCKET, Key: "datasets/iris.csv", Body: "x" })),
    ],
    [
      "DeleteObject datasets/iris.csv",
      "deny",
      () => job.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "datasets/iris.csv" })),
    ],
    [
      "PutBucketPolicy",
      "deny",
      () => job.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(policy) })),
    ],
    [
      "DeleteBucket other-team-bucket",
      "deny",
      () => job.send(new DeleteBucketCommand({ Bucket: "other-team-bucket" })),
    ],
  ];
  const problems: string[] = [];
  for (const [label, expect, call] of rows) {
    let got: string;
    try {
      await call();
      got = "allow";
    } catch (e) {
      const name = (e as Error).name;
      // Any other error means IAM let the request through and S3 itself answered (NoSuchKey, ...).
      got = name === "AccessDenied" ? "deny" : `allow (past IAM, then S3 said ${name})`;
    }
    if (got.split(" ")[0] !== expect) problems.push(`${label}: expected ${expect}, got ${got}`);
  }
  assert.deepEqual(problems, [], `moto disagrees:\n${problems.join("\n")}`);
});
