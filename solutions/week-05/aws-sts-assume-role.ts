// Reference solution for exercises/week-05/aws-sts-assume-role.ts.
import { CreateRoleCommand, type IAMClient, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, type AssumeRoleCommandOutput, type STSClient } from "@aws-sdk/client-sts";
import type { PolicyDocument } from "../../src/aws/iam";

export interface RoleSpec {
  roleName: string;
  trustPolicy: PolicyDocument;
  permissionsPolicy: PolicyDocument;
  maxSessionDurationSeconds?: number;
}

export async function createRole(iam: IAMClient, spec: RoleSpec): Promise<string> {
  const max = spec.maxSessionDurationSeconds ?? 3600;
  if (!Number.isInteger(max) || max < 3600 || max > 43200) {
    throw new Error(`maxSessionDurationSeconds must be an integer from 3600 to 43200, got ${max}`);
  }
  const created = await iam.send(
    new CreateRoleCommand({
      RoleName: spec.roleName,
      AssumeRolePolicyDocument: JSON.stringify(spec.trustPolicy),
      MaxSessionDuration: max,
    }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: spec.roleName,
      PolicyName: `${spec.roleName}-permissions`,
      PolicyDocument: JSON.stringify(spec.permissionsPolicy),
    }),
  );
  const arn = created.Role?.Arn;
  if (!arn) throw new Error(`CreateRole for ${spec.roleName} returned no ARN`);
  return arn;
}

export interface AssumeRoleRequest {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  durationSeconds?: number;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  assumedRoleArn: string;
}

// The patterns from the STS API reference (AssumeRole's request parameters). A path may sit between role/ and the name.
const ROLE_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export function validateAssumeRoleRequest(request: AssumeRoleRequest): void {
  if (typeof request.roleArn !== "string" || !ROLE_ARN.test(request.roleArn)) {
    throw new Error(
      `"${request.roleArn}" is not a role ARN: expected arn:aws:iam::<12-digit account>:role/<name>, e.g. arn:aws:iam::222222222222:role/dataset-reader`,
    );
  }
  if (typeof request.sessionName !== "string" || !SESSION_NAME.test(request.sessionName)) {
    throw new Error(`session name "${request.sessionName}": 2-64 characters from letters, digits and _+=,.@-`);
  }
  if (request.externalId !== undefined && !EXTERNAL_ID.test(request.externalId)) {
    throw new Error(`ExternalId "${request.externalId}": 2-1224 characters from letters, digits and _+=,.@:/-`);
  }
  const d = request.durationSeconds ?? 3600;
  if (!Number.isInteger(d) || d < 900 || d > 43200) {
    throw new Error(`durationSeconds must be an integer from 900 to 43200 (15 min to 12 h), got ${d}`);
  }
}

export async function assumeRole(sts: STSClient, request: AssumeRoleRequest): Promise<TemporaryCredentials> {
  validateAssumeRoleRequest(request);
  let out: AssumeRoleCommandOutput;
  try {
    out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: request.roleArn,
        RoleSessionName: request.sessionName,
        ExternalId: request.externalId,
        DurationSeconds: request.durationSeconds ?? 3600,
      }),
    );
  } catch (e) {
    const err = e as Error;
    // Keep AWS's reason (AccessDenied names the missing permission) and add which role was asked for.
    throw new Error(`AssumeRole on ${request.roleArn} failed (${err.name}): ${err.message}`);
  }
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
    throw new Error(`AssumeRole on ${request.roleArn} returned no credentials`);
  }
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: new Date(c.Expiration),
    assumedRoleArn: out.AssumedRoleUser?.Arn ?? "",
  };
}

export function s3ClientWith(
  credentials: TemporaryCredentials,
  base: { region: string; endpoint?: string; forcePathStyle?: boolean },
): S3Client {
  return new S3Client({
    region: base.region,
    endpoint: base.endpoint,
    forcePathStyle: base.forcePathStyle,
    // Without the session token, AWS rejects temporary keys (InvalidAccessKeyId / InvalidToken).
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    },
  });
}

export async function listKeys(s3: S3Client, bucket: string, prefix = "", pageSize = 1000): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}
