// Grades exercises/week-05/aws-cross-account-role.ts (and proves solutions/week-05/aws-cross-account-role.ts with the
// very same file). Every decision comes from @cloud-copilot/iam-simulate, which implements AWS's policy evaluation
// logic, including the cross-account rule: a request from account A to a resource in account B is allowed only when
// A's identity policy AND B's resource policy (here the role's trust policy) both allow it.
import assert from "node:assert/strict";
import { test } from "vitest";
import { evaluateMatrix, type IamCase, type IamPolicies, matrixFailures } from "../../src/aws/iam";
import {
  bucketPolicy,
  type CrossAccountSetup,
  jobAssumePolicy,
  readerPermissionsPolicy,
  readerTrustPolicy,
} from "./aws-cross-account-role";

const A = "111111111111";
const B = "222222222222";

/** Two setups with different names, so a policy with hard-coded ARNs fails one of them. */
const SETUPS: CrossAccountSetup[] = [
  {
    jobRoleArn: `arn:aws:iam::${A}:role/nightly-training`,
    readerRoleArn: `arn:aws:iam::${B}:role/dataset-reader`,
    bucket: "b-shared-datasets",
    externalId: "ml-team-7Hq2x",
  },
  {
    jobRoleArn: `arn:aws:iam::${A}:role/service-role/batch-scoring`,
    readerRoleArn: `arn:aws:iam::${B}:role/partner/feature-store-reader`,
    bucket: "partner-features-eu",
    externalId: "e2b1c4d8-5f0a-4c3e-9b7d-2a6f8e1c0d93",
  },
];

/** The session ARN a role's credentials act as, e.g. arn:aws:sts::111111111111:assumed-role/nightly-training/run-42. */
function sessionOf(roleArn: string, session: string): string {
  const [, , , , account, resource] = roleArn.split(":");
  const name = resource.split("/").pop();
  return `arn:aws:sts::${account}:assumed-role/${name}/${session}`;
}

/**
 * The global condition keys AWS fills in for every request (the simulator only sees what it is given): the caller's
 * role ARN and account, and whether the request came over TLS.
 */
function contextFor(principal: string, extra: Record<string, string> = {}): Record<string, string> {
  const [, , service, , account, resource] = principal.split(":");
  const principalArn = service === "sts" ? `arn:aws:iam::${account}:role/${resource.split("/")[1]}` : principal;
  return {
    "aws:PrincipalArn": principalArn,
    "aws:PrincipalAccount": account,
    "aws:SecureTransport": "true",
    ...extra,
  };
}

function assumeCase(
  s: CrossAccountSetup,
  label: string,
  principal: string,
  externalId: string | null,
  expect: "allow" | "deny",
): IamCase {
  return {
    label,
    action: "sts:AssumeRole",
    resource: s.readerRoleArn,
    resourceAccount: B,
    principal,
    context: contextFor(principal, externalId === null ? {} : { "sts:ExternalId": externalId }),
    expect,
  };
}

function s3Case(
  s: CrossAccountSetup,
  label: string,
  principal: string,
  action: string,
  resource: string,
  expect: "allow" | "deny",
  extra: Record<string, string> = {},
): IamCase {
  return { label, action, resource, resourceAccount: B, principal, context: contextFor(principal, extra), expect };
}

async function expectMatrix(policies: IamPolicies, cases: IamCase[], what: string): Promise<void> {
  const failures = matrixFailures(await evaluateMatrix(policies, cases));
  assert.deepEqual(failures, [], `${what}:\n  ${failures.join("\n  ")}`);
}

async function decisionOf(policies: IamPolicies, c: IamCase): Promise<string> {
  return (await evaluateMatrix(policies, [c]))[0].decision;
}

test("every policy is a JSON document with Version 2012-10-17 and statements", () => {
  for (const s of SETUPS) {
    for (const [name, make] of Object.entries({
      jobAssumePolicy,
      readerTrustPolicy,
      readerPermissionsPolicy,
      bucketPolicy,
    })) {
      const doc = make(s);
      assert.equal(
        doc.Version,
        "2012-10-17",
        `${name}: Version must be "2012-10-17" (the old 2008 version has no policy variables), got ${doc.Version}`,
      );
      assert.ok(
        doc.Statement && (Array.isArray(doc.Statement) ? doc.Statement.length > 0 : true),
        `${name}: no Statement`,
      );
      assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, `${name}: must survive JSON.stringify (plain data only)`);
    }
  }
});

test("AssumeRole is allowed for the job's role with the right ExternalId, and for nobody else", async () => {
  for (const s of SETUPS) {
    const policies: IamPolicies = { identityPolicies: [jobAssumePolicy(s)], resourcePolicy: readerTrustPolicy(s) };
    const job = sessionOf(s.jobRoleArn, "run-42");
    await expectMatrix(
      policies,
      [
        assumeCase(s, "the job with the agreed ExternalId", job, s.externalId, "allow"),
        assumeCase(s, "the job with a wrong ExternalId", job, "guessed-value", "deny"),
        assumeCase(s, "the job without an ExternalId", job, null, "deny"),
        assumeCase(s, "the job with the ExternalId in the wrong case", job, s.externalId.toUpperCase(), "deny"),
      ],
      `trust for ${s.readerRoleArn}`,
    );
    // Other callers get an identity policy that allows sts:AssumeRole on everything, so only the trust policy can stop them.
    const anyAssume = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }],
    };
    await expectMatrix(
      { identityPolicies: [anyAssume], resourcePolicy: readerTrustPolicy(s) },
      [
        assumeCase(
          s,
          "another role in account A (trust the role, not the account)",
          sessionOf(`arn:aws:iam::${A}:role/intern-sandbox`, "x"),
          s.externalId,
          "deny",
        ),
        assumeCase(s, "account A's root user", `arn:aws:iam::${A}:root`, s.externalId, "deny"),
        assumeCase(
          s,
          "a role with the same name in a third account",
          sessionOf(s.jobRoleArn.replace(A, "333333333333"), "x"),
          s.externalId,
          "deny",
        ),
      ],
      `strangers knocking on ${s.readerRoleArn}`,
    );
  }
});

test("cross-account AssumeRole needs BOTH sides: without A's identity policy or without B's trust it is denied", async () => {
  for (const s of SETUPS) {
    const request = assumeCase(
      s,
      "the job assumes the reader role",
      sessionOf(s.jobRoleArn, "run-42"),
      s.externalId,
      "allow",
    );
    const both = await decisionOf(
      { identityPolicies: [jobAssumePolicy(s)], resourcePolicy: readerTrustPolicy(s) },
      request,
    );
    assert.equal(both, "Allowed", `with both sides in place the request must be allowed, got ${both}`);
    const noIdentity = await decisionOf({ identityPolicies: [], resourcePolicy: readerTrustPolicy(s) }, request);
    assert.notEqual(
      noIdentity,
      "Allowed",
      "trust alone must not be enough across accounts (account A never allowed it)",
    );
    const noTrust = await decisionOf({ identityPolicies: [jobAssumePolicy(s)] }, request);
    assert.notEqual(
      noTrust,
      "Allowed",
      "A's identity policy alone must not be enough (account B never trusted the job)",
    );
    // The job's policy is scoped: a wide-open admin role in B that trusts the job is still out of reach.
    const adminRole = `arn:aws:iam::${B}:role/OrganizationAccountAccessRole`;
    const trustsJob = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: s.jobRoleArn }, Action: "sts:AssumeRole" }],
    };
    await expectMatrix(
      { identityPolicies: [jobAssumePolicy(s)], resourcePolicy: trustsJob },
      [{ ...request, label: "the job assumes some other role in B", resource: adminRole, expect: "deny" }],
      "jobAssumePolicy must name the reader role, not Resource: *",
    );
  }
});

test("a reader session may list the bucket and read objects, and nothing more", async () => {
  for (const s of SETUPS) {
    const reader = sessionOf(s.readerRoleArn, "nightly");
    const bucketArn = `arn:aws:s3:::${s.bucket}`;
    await expectMatrix(
      { identityPolicies: [readerPermissionsPolicy(s)], resourcePolicy: bucketPolicy(s) },
      [
        s3Case(s, "read an object", reader, "s3:GetObject", `${bucketArn}/datasets/iris.csv`, "allow"),
        s3Case(s, "read a nested object", reader, "s3:GetObject", `${bucketArn}/a/b/c.parquet`, "allow"),
        s3Case(s, "list the bucket", reader, "s3:ListBucket", bucketArn, "allow"),
        s3Case(s, "write an object", reader, "s3:PutObject", `${bucketArn}/datasets/x.csv`, "deny"),
        s3Case(s, "delete an object", reader, "s3:DeleteObject", `${bucketArn}/datasets/iris.csv`, "deny"),
        s3Case(s, "change the bucket policy", reader, "s3:PutBucketPolicy", bucketArn, "deny"),
        s3Case(s, "read another bucket", reader, "s3:GetObject", "arn:aws:s3:::b-finance-exports/q3.csv", "deny"),
        s3Case(s, "read over plain HTTP", reader, "s3:GetObject", `${bucketArn}/datasets/iris.csv`, "deny", {
          "aws:SecureTransport": "false",
        }),
      ],
      `reader session on ${s.bucket}`,
    );
  }
});

test("inside account B either policy suffices: the bucket policy itself grants the reader role, and denies plain HTTP", async () => {
  for (const s of SETUPS) {
    const reader = sessionOf(s.readerRoleArn, "nightly");
    const read = s3Case(
      s,
      "read an object",
      reader,
      "s3:GetObject",
      `arn:aws:s3:::${s.bucket}/datasets/iris.csv`,
      "allow",
    );
    const list = { ...read, label: "list the bucket", action: "s3:ListBucket", resource: `arn:aws:s3:::${s.bucket}` };
    for (const c of [read, list]) {
      const byIdentity = await decisionOf({ identityPolicies: [readerPermissionsPolicy(s)] }, c);
      assert.equal(
        byIdentity,
        "Allowed",
        `${c.label}: the role's permissions alone (same account) must allow it, got ${byIdentity}`,
      );
    }
    const byBucket = await decisionOf({ identityPolicies: [], resourcePolicy: bucketPolicy(s) }, read);
    assert.equal(
      byBucket,
      "Allowed",
      `the bucket policy alone must grant the reader role (same account), got ${byBucket}`,
    );
    const stranger = sessionOf(`arn:aws:iam::${B}:role/analytics-adhoc`, "x");
    const strangerRead = await decisionOf(
      { identityPolicies: [], resourcePolicy: bucketPolicy(s) },
      { ...read, principal: stranger, context: contextFor(stranger) },
    );
    assert.notEqual(strangerRead, "Allowed", "the bucket policy must not grant other principals (no Principal: *)");
    const adminEverything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
    const http = await decisionOf(
      { identityPolicies: [adminEverything], resourcePolicy: bucketPolicy(s) },
      { ...read, context: contextFor(reader, { "aws:SecureTransport": "false" }) },
    );
    assert.equal(
      http,
      "ExplicitlyDenied",
      `plain HTTP must hit an explicit Deny that even s3:* cannot override, got ${http}`,
    );
  }
});

test("the job cannot skip the role: reading the bucket directly from account A is denied", async () => {
  for (const s of SETUPS) {
    const job = sessionOf(s.jobRoleArn, "run-42");
    const adminEverything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
    await expectMatrix(
      { identityPolicies: [adminEverything], resourcePolicy: bucketPolicy(s) },
      [s3Case(s, "the job reads directly", job, "s3:GetObject", `arn:aws:s3:::${s.bucket}/datasets/iris.csv`, "deny")],
      "the bucket policy must not trust account A",
    );
  }
});

test("an ExternalId shorter than 2 characters is refused", () => {
  for (const externalId of ["", "x"]) {
    const s = { ...SETUPS[0], externalId };
    assert.throws(
      () => readerTrustPolicy(s),
      /ExternalId/,
      `readerTrustPolicy with externalId ${JSON.stringify(externalId)}`,
    );
    assert.throws(
      () => jobAssumePolicy(s),
      /ExternalId/,
      `jobAssumePolicy with externalId ${JSON.stringify(externalId)}`,
    );
  }
});
