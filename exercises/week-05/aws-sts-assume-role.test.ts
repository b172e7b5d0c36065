// Grades exercises/week-05/aws-sts-assume-role.ts (and proves solutions/week-05/aws-sts-assume-role.ts with the very
// same file) against a local moto server this file starts and stops. What moto does not check (the trust policy, the
// ExternalId, the duration limits, whether the role exists) is checked here instead: the request your code SENDS is
// captured with an SDK middleware and compared field by field, and the validation runs against a client that fails
// the test if it is ever called.
import assert from "node:assert/strict";
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand } from "@aws-sdk/client-iam";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, test } from "vitest";
import { awsClientConfig, LOCAL_ACCOUNT_ID, type LocalAws, startLocalAws } from "../../src/aws";
import {
  type AssumeRoleRequest,
  assumeRole,
  createRole,
  listKeys,
  s3ClientWith,
  type TemporaryCredentials,
  validateAssumeRoleRequest,
} from "./aws-sts-assume-role";

let aws: LocalAws | undefined;

beforeAll(async () => {
  // A server that will not start fails every test with the reason (startLocalService says why); nothing is skipped.
  aws = await startLocalAws();
});

afterAll(async () => {
  await aws?.stop();
});

const trustPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111111111111:role/nightly-training" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "ml-team-7Hq2x" } },
    },
  ],
};
const permissionsPolicy = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::shared-datasets" },
    { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::shared-datasets/*" },
  ],
};

/** An STS client that records the input of every command it sends. */
function recordingSts(): { sts: STSClient; sent: Record<string, unknown>[] } {
  const sts = new STSClient(awsClientConfig());
  const sent: Record<string, unknown>[] = [];
  sts.middlewareStack.add(
    (next) => async (args) => {
      sent.push({ ...(args.input as Record<string, unknown>) });
      return next(args);
    },
    { step: "initialize", name: "recordInput" },
  );
  return { sts, sent };
}

/** A client that must never be called: validation has to happen before any request leaves. */
const untouchable = {
  send: () => {
    throw new Error("the request was sent to AWS: validate it before calling sts.send");
  },
} as unknown as STSClient;

/** Policy documents come back from GetRole URL-encoded on real AWS (and plain on moto): decode before parsing. */
function policyJson(text: string | undefined): unknown {
  assert.ok(text, "a policy document was stored");
  return JSON.parse(decodeURIComponent(text));
}

test("createRole stores the trust policy, ONE inline permissions policy and the max session duration", async () => {
  const iam = new IAMClient(awsClientConfig());
  const arn = await createRole(iam, {
    roleName: "dataset-reader",
    trustPolicy,
    permissionsPolicy,
    maxSessionDurationSeconds: 7200,
  });
  assert.equal(arn, `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/dataset-reader`, "createRole returns the role's ARN");
  const role = (await iam.send(new GetRoleCommand({ RoleName: "dataset-reader" }))).Role;
  assert.deepEqual(policyJson(role?.AssumeRolePolicyDocument), trustPolicy, "the trust policy, as JSON");
  assert.equal(role?.MaxSessionDuration, 7200, `MaxSessionDuration: expected 7200, got ${role?.MaxSessionDuration}`);
  const names = (await iam.send(new ListRolePoliciesCommand({ RoleName: "dataset-reader" }))).PolicyNames ?? [];
  assert.deepEqual(
    names,
    ["dataset-reader-permissions"],
    `one inline policy named dataset-reader-permissions, got ${names}`,
  );
  const inline = await iam.send(new GetRolePolicyCommand({ RoleName: "dataset-reader", PolicyName: names[0] }));
  assert.deepEqual(policyJson(inline.PolicyDocument), permissionsPolicy, "the permissions policy, as JSON");

  const plain = await createRole(iam, { roleName: "default-duration", trustPolicy, permissionsPolicy });
  const defaulted = (await iam.send(new GetRoleCommand({ RoleName: "default-duration" }))).Role;
  assert.ok(plain.endsWith(":role/default-duration"));
  assert.equal(defaulted?.MaxSessionDuration, 3600, "without maxSessionDurationSeconds the role allows 1 hour");
});

test("createRole refuses a max session duration outside 3600..43200 before calling IAM", async () => {
  const never = untouchable as unknown as IAMClient;
  for (const bad of [900, 3599, 43201]) {
    await assert.rejects(
      async () => createRole(never, { roleName: "x", trustPolicy, permissionsPolicy, maxSessionDurationSeconds: bad }),
      /3600[\s\S]*43200/,
      `maxSessionDurationSeconds ${bad}`,
    );
  }
});

test("assumeRole sends RoleArn, RoleSessionName, ExternalId and DurationSeconds, and returns the credentials", async () => {
  const iam = new IAMClient(awsClientConfig());
  const roleArn = await createRole(iam, {
    roleName: "sts-target",
    trustPolicy,
    permissionsPolicy,
    maxSessionDurationSeconds: 7200,
  });
  const { sts, sent } = recordingSts();
  const request: AssumeRoleRequest = {
    roleArn,
    sessionName: "nightly-run-42",
    externalId: "ml-team-7Hq2x",
    durationSeconds: 5400,
  };
  const before = Date.now();
  const creds = await assumeRole(sts, request);
  const assumeCalls = sent.filter((input) => "RoleArn" in input);
  assert.equal(assumeCalls.length, 1, `one AssumeRole call, got ${assumeCalls.length}`);
  const input = assumeCalls[0];
  assert.equal(input.RoleArn, roleArn, "RoleArn");
  assert.equal(input.RoleSessionName, "nightly-run-42", "RoleSessionName");
  assert.equal(
    input.ExternalId,
    "ml-team-7Hq2x",
    "ExternalId (moto ignores it; real STS checks it against the trust policy)",
  );
  assert.equal(input.DurationSeconds, 5400, "DurationSeconds");

  assert.match(creds.accessKeyId, /^ASIA/, `temporary access keys start with ASIA, got ${creds.accessKeyId}`);
  assert.ok(creds.secretAccessKey.length > 0 && creds.sessionToken.length > 0, "a secret key and a session token");
  assert.ok(creds.expiration instanceof Date, "expiration is a Date");
  const expected = before + 5400 * 1000;
  const off = Math.abs(creds.expiration.getTime() - expected) / 1000;
  assert.ok(
    off < 120,
    `expiration ≈ now + 5400 s: expected ${new Date(expected).toISOString()}, got ${creds.expiration.toISOString()}`,
  );
  assert.equal(creds.assumedRoleArn, `arn:aws:sts::${LOCAL_ACCOUNT_ID}:assumed-role/sts-target/nightly-run-42`);

  // Without durationSeconds the session lasts the default hour.
  const hour = await assumeRole(sts, { roleArn, sessionName: "default-length" });
  const hourOff = Math.abs(hour.expiration.getTime() - (Date.now() + 3600 * 1000)) / 1000;
  assert.ok(hourOff < 120, `default duration 3600 s: expiration is ${hourOff.toFixed(0)} s off`);
});

test("the temporary credentials work: STS sees the assumed role, and S3 lists the bucket page by page", async () => {
  const admin = new S3Client(awsClientConfig());
  await admin.send(new CreateBucketCommand({ Bucket: "shared-datasets" }));
  const keys = [
    "datasets/iris.csv",
    "datasets/penguins.csv",
    "datasets/wine.csv",
    "datasets/zoo/a.csv",
    "datasets/zoo/b.csv",
    "models/m.json",
  ];
  for (const Key of keys) await admin.send(new PutObjectCommand({ Bucket: "shared-datasets", Key, Body: "x\n" }));

  const iam = new IAMClient(awsClientConfig());
  const roleArn = await createRole(iam, { roleName: "lister", trustPolicy, permissionsPolicy });
  const creds: TemporaryCredentials = await assumeRole(new STSClient(awsClientConfig()), {
    roleArn,
    sessionName: "lister-session",
    externalId: "ml-team-7Hq2x",
    durationSeconds: 900,
  });
  const asRole = new STSClient({ ...awsClientConfig(), credentials: creds });
  const who = await asRole.send(new GetCallerIdentityCommand({}));
  assert.equal(
    who.Arn,
    creds.assumedRoleArn,
    `GetCallerIdentity with the temporary keys: expected ${creds.assumedRoleArn}, got ${who.Arn}`,
  );

  const s3 = s3ClientWith(creds, awsClientConfig());
  const used = await s3.config.credentials();
  assert.equal(used.accessKeyId, creds.accessKeyId, "the S3 client signs with the temporary access key");
  assert.equal(
    used.sessionToken,
    creds.sessionToken,
    "and sends the session token (without it AWS rejects temporary keys)",
  );
  assert.equal(await s3.config.region(), awsClientConfig().region, "same region as the base config");

  let listCalls = 0;
  s3.middlewareStack.add(
    (next) => async (args) => {
      listCalls++;
      return next(args);
    },
    { step: "initialize", name: "countCalls" },
  );
  const listed = await listKeys(s3, "shared-datasets", "datasets/", 2);
  assert.deepEqual(
    listed,
    keys.filter((k) => k.startsWith("datasets/")),
    "every key under datasets/, in S3's order",
  );
  assert.equal(listCalls, 3, `5 keys at 2 per page take 3 ListObjectsV2 calls, got ${listCalls}`);
  assert.deepEqual(await listKeys(s3, "shared-datasets"), keys, "no prefix: the whole bucket");
  assert.deepEqual(await listKeys(s3, "shared-datasets", "nothing-here/"), [], "an empty prefix lists nothing");
});

test("a malformed role ARN is refused with a clear error, before anything is sent", async () => {
  const bad = [
    "dataset-reader",
    "arn:aws:iam::22222222222:role/dataset-reader",
    "arn:aws:iam::222222222222:user/alice",
    "arn:aws:s3:::shared-datasets",
    "arn:aws:iam::222222222222:role/",
    "",
  ];
  for (const roleArn of bad) {
    assert.throws(() => validateAssumeRoleRequest({ roleArn, sessionName: "ok-name" }), /role ARN/i, `"${roleArn}"`);
    await assert.rejects(
      async () => assumeRole(untouchable, { roleArn, sessionName: "ok-name" }),
      /role ARN/i,
      `assumeRole("${roleArn}")`,
    );
  }
  for (const roleArn of [
    "arn:aws:iam::222222222222:role/dataset-reader",
    "arn:aws:iam::222222222222:role/team/ml/reader",
  ]) {
    assert.doesNotThrow(
      () => validateAssumeRoleRequest({ roleArn, sessionName: "ok-name" }),
      `${roleArn} is a valid role ARN`,
    );
  }
});

test("durations outside 900..43200 s, bad session names and bad ExternalIds are refused", async () => {
  const roleArn = "arn:aws:iam::222222222222:role/dataset-reader";
  for (const durationSeconds of [899, 43201, 0, -900, 1800.5, Number.NaN]) {
    assert.throws(
      () => validateAssumeRoleRequest({ roleArn, sessionName: "ok-name", durationSeconds }),
      /900[\s\S]*43200/,
      `duration ${durationSeconds}`,
    );
    await assert.rejects(
      async () => assumeRole(untouchable, { roleArn, sessionName: "ok-name", durationSeconds }),
      /900[\s\S]*43200/,
    );
  }
  for (const durationSeconds of [900, 43200]) {
    assert.doesNotThrow(
      () => validateAssumeRoleRequest({ roleArn, sessionName: "ok-name", durationSeconds }),
      `${durationSeconds} is allowed`,
    );
  }
  for (const sessionName of ["x", "a".repeat(65), "has space", "slash/name"]) {
    assert.throws(
      () => validateAssumeRoleRequest({ roleArn, sessionName }),
      /session name/i,
      `session name "${sessionName}"`,
    );
  }
  for (const externalId of ["x", "with space", "a".repeat(1225)]) {
    assert.throws(
      () => validateAssumeRoleRequest({ roleArn, sessionName: "ok-name", externalId }),
      /ExternalId/,
      `ExternalId "${externalId.slice(0, 20)}"`,
    );
  }
});

test("when STS refuses, the error names the role and keeps AWS's reason", async () => {
  const denied = {
    send: async () => {
      const e = new Error(
        "User: arn:aws:sts::111111111111:assumed-role/nightly-training/run-42 is not authorized to perform: sts:AssumeRole",
      );
      e.name = "AccessDenied";
      throw e;
    },
  } as unknown as STSClient;
  const roleArn = "arn:aws:iam::222222222222:role/dataset-reader";
  await assert.rejects(
    async () => assumeRole(denied, { roleArn, sessionName: "run-42", externalId: "wrong-id" }),
    (e: Error) => {
      assert.ok(e.message.includes(roleArn), `the message names the role: ${e.message}`);
      assert.ok(
        e.message.includes("not authorized to perform: sts:AssumeRole"),
        `and keeps AWS's reason: ${e.message}`,
      );
      return true;
    },
  );
});
