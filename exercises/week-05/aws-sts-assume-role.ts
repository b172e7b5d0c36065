// Week 5 · STS AssumeRole from code: create a role, assume it with an ExternalId, and use the temporary credentials.
// Read the "Assume-role and cross-account access" section of notebooks/week-05-aws-networking-and-iam.ipynb first.
// Grade it with `npm run grade aws-sts-assume-role`; stuck? `npm run hint aws-sts-assume-role`.
//
// The test runs against the local AWS server (moto) that it starts itself. moto answers AssumeRole for ANY role ARN and
// any duration (it does not check the trust policy, the ExternalId or the limits), so the checks real STS would make
// on the caller's side are yours to write: validate the request before sending it.
import type { IAMClient } from "@aws-sdk/client-iam";
import type { S3Client } from "@aws-sdk/client-s3";
import type { STSClient } from "@aws-sdk/client-sts";
import type { PolicyDocument } from "../../src/aws/iam";
import { todo } from "../../src/grader/todo";

export interface RoleSpec {
  roleName: string;
  /** Who may assume the role (the AssumeRolePolicyDocument). */
  trustPolicy: PolicyDocument;
  /** What the role may do: stored as ONE inline policy named `${roleName}-permissions`. */
  permissionsPolicy: PolicyDocument;
  /** The longest session the role allows, 3600..43200 seconds (AWS's default when omitted: 3600). */
  maxSessionDurationSeconds?: number;
}

/**
 * Creates the role (IAM CreateRole with the trust policy as JSON and MaxSessionDuration) and attaches the permissions
 * as an inline policy (PutRolePolicy). Returns the new role's ARN.
 * Rejects with an Error mentioning "3600" and "43200" when maxSessionDurationSeconds is outside that range, before
 * calling AWS.
 */
export function createRole(iam: IAMClient, spec: RoleSpec): Promise<string> {
  return todo("aws-sts-assume-role");
}

export interface AssumeRoleRequest {
  /** arn:aws:iam::<12-digit account>:role/<optional path/>name */
  roleArn: string;
  /** Shows up in CloudTrail and in the session's ARN: 2-64 characters from letters, digits and _+=,.@- */
  sessionName: string;
  /** The value the role's trust policy demands (2-1224 characters from letters, digits and _+=,.@:/-). */
  externalId?: string;
  /** 900..43200 seconds; default 3600. */
  durationSeconds?: number;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** The session's own ARN, arn:aws:sts::<account>:assumed-role/<role name>/<session name>. */
  assumedRoleArn: string;
}

/**
 * Checks a request the way STS would, and throws an Error that says what is wrong:
 * "role ARN" for a malformed ARN (not an IAM role ARN with a 12-digit account), "session name" for a bad session
 * name, "ExternalId" for a bad external id, and "900" and "43200" for a duration out of range or not an integer.
 */
export function validateAssumeRoleRequest(request: AssumeRoleRequest): void {
  todo("aws-sts-assume-role");
}

/**
 * Validates, then calls STS AssumeRole with RoleArn, RoleSessionName, ExternalId and DurationSeconds, and returns the
 * temporary credentials. When STS refuses (AccessDenied...), rejects with an Error that names the role ARN and keeps
 * AWS's own message.
 */
export function assumeRole(sts: STSClient, request: AssumeRoleRequest): Promise<TemporaryCredentials> {
  return todo("aws-sts-assume-role");
}

/**
 * An S3 client that acts as the assumed role: the same region, endpoint and addressing style as `base`, but the
 * temporary credentials (access key, secret AND session token).
 */
export function s3ClientWith(
  credentials: TemporaryCredentials,
  base: { region: string; endpoint?: string; forcePathStyle?: boolean },
): S3Client {
  return todo("aws-sts-assume-role");
}

/**
 * Every key under `prefix` in `bucket`, in the order S3 returns them (sorted), following ListObjectsV2's
 * continuation tokens with at most `pageSize` keys per call (default 1000, S3's maximum).
 */
export function listKeys(s3: S3Client, bucket: string, prefix = "", pageSize = 1000): Promise<string[]> {
  return todo("aws-sts-assume-role");
}
