// Week 7 · Capstone on EKS: the two IAM policies, least privilege (reference solution).
import type { PolicyDocument } from "../../src/aws/iam";

export const EKS_ADDON_REGISTRY_ACCOUNT = "602401143452";

export interface ModelLocation {
  bucket: string;
  prefix: string;
}

export interface Registry {
  account: string;
  region: string;
  repository: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const WILDCARD = /[*?]/;

export function modelReadPolicy({ bucket, prefix }: ModelLocation): PolicyDocument {
  if (!BUCKET.test(bucket)) throw new Error(`"${bucket}" is not a valid S3 bucket name`);
  if (prefix === "" || prefix.startsWith("/") || WILDCARD.test(prefix)) {
    throw new Error(`the prefix must be a non-empty key prefix without a leading "/" or wildcards, got "${prefix}"`);
  }
  // The trailing "/" matters: models/capstone* would also match models/capstone-old/.
  const folder = prefix.endsWith("/") ? prefix : `${prefix}/`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadThisModel",
        Effect: "Allow",
        // GetObject only: `aws s3 cp s3://bucket/key` needs nothing else (no ListBucket for a known key).
        Action: "s3:GetObject",
        Resource: `arn:aws:s3:::${bucket}/${folder}*`,
      },
    ],
  };
}

export function nodeEcrPullPolicy({ account, region, repository }: Registry): PolicyDocument {
  if (!ACCOUNT.test(account)) throw new Error(`the account must be 12 digits, got "${account}"`);
  if (!REGION.test(region)) throw new Error(`"${region}" does not look like a region (e.g. eu-west-1)`);
  if (repository === "" || WILDCARD.test(repository)) throw new Error(`invalid repository name "${repository}"`);
  const pull = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"];
  return {
    Version: "2012-10-17",
    Statement: [
      // The login token is not tied to a repository: this action only takes Resource "*".
      { Sid: "RegistryLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
      {
        Sid: "PullTheApi",
        Effect: "Allow",
        Action: pull,
        Resource: `arn:aws:ecr:${region}:${account}:repository/${repository}`,
      },
      {
        Sid: "PullEksAddons",
        Effect: "Allow",
        Action: pull,
        Resource: `arn:aws:ecr:${region}:${EKS_ADDON_REGISTRY_ACCOUNT}:repository/*`,
      },
    ],
  };
}
