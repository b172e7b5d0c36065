// Reference solution for exercises/week-05/aws-cross-account-role.ts.
import type { PolicyDocument } from "../../src/aws/iam";

export interface CrossAccountSetup {
  jobRoleArn: string;
  readerRoleArn: string;
  bucket: string;
  externalId: string;
}

const VERSION = "2012-10-17";

function checkExternalId(setup: CrossAccountSetup): void {
  if (typeof setup.externalId !== "string" || setup.externalId.length < 2 || setup.externalId.length > 1224) {
    throw new Error(`ExternalId must be 2-1224 characters, got ${JSON.stringify(setup.externalId)}`);
  }
}

export function jobAssumePolicy(setup: CrossAccountSetup): PolicyDocument {
  checkExternalId(setup);
  return {
    Version: VERSION,
    // Scoped to the one role: a job that may assume "*" may assume any role whose trust policy is too generous.
    Statement: [
      { Sid: "AssumeDatasetReader", Effect: "Allow", Action: "sts:AssumeRole", Resource: setup.readerRoleArn },
    ],
  };
}

export function readerTrustPolicy(setup: CrossAccountSetup): PolicyDocument {
  checkExternalId(setup);
  return {
    Version: VERSION,
    Statement: [
      {
        Sid: "TrustTheNightlyJobOnly",
        Effect: "Allow",
        // The role ARN, not "arn:aws:iam::111111111111:root": root would trust every principal account A allows.
        Principal: { AWS: setup.jobRoleArn },
        Action: "sts:AssumeRole",
        // The ExternalId stops a confused deputy: a third party that knows the role ARN still lacks this value.
        Condition: { StringEquals: { "sts:ExternalId": setup.externalId } },
      },
    ],
  };
}

export function readerPermissionsPolicy(setup: CrossAccountSetup): PolicyDocument {
  checkExternalId(setup);
  return {
    Version: VERSION,
    Statement: [
      // ListBucket acts on the bucket ARN; GetObject on object ARNs (bucket/*). Mixing them up is the classic bug.
      { Sid: "ListTheBucket", Effect: "Allow", Action: "s3:ListBucket", Resource: `arn:aws:s3:::${setup.bucket}` },
      { Sid: "ReadObjects", Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${setup.bucket}/*` },
    ],
  };
}

export function bucketPolicy(setup: CrossAccountSetup): PolicyDocument {
  checkExternalId(setup);
  const bucketArn = `arn:aws:s3:::${setup.bucket}`;
  return {
    Version: VERSION,
    Statement: [
      {
        Sid: "ReaderRoleMayRead",
        Effect: "Allow",
        Principal: { AWS: setup.readerRoleArn },
        Action: ["s3:ListBucket", "s3:GetObject"],
        Resource: [bucketArn, `${bucketArn}/*`],
      },
      {
        Sid: "DenyPlainHttp",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}
