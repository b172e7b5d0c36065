// Week 1 · AWS: a least-privilege IAM policy for a training job.
// Read "IAM: users, roles, policies and least privilege" in notebooks/week-01-aws-foundations.ipynb first.
// Grade it with `npm run grade aws-iam-least-privilege`; stuck? `npm run hint aws-iam-least-privilege`.
// The grader runs your policy through @cloud-copilot/iam-simulate (AWS's policy evaluation logic as a library)
// against requests that must be allowed and requests that must be denied, and then through a local moto server.
import type { PolicyDocument } from "../../src/aws/iam";
import { todo } from "../../src/grader/todo";

/**
 * The identity policy for the training job's role: "the training job may read `datasets/` and write `models/` in
 * one bucket", and nothing else.
 * - read: s3:GetObject on every object under datasets/ (any depth), and s3:ListBucket on the bucket, but only for
 *   listings whose prefix starts with datasets/ (a condition on the s3:prefix key);
 * - write: s3:PutObject on every object under models/;
 * - no wildcard actions ("s3:*", "s3:Get*"), no Resource "*", no NotAction / NotResource: name each action and
 *   each resource ARN exactly. The policy language version is "2012-10-17".
 * Throws an Error mentioning "bucket" when `bucket` is not a valid S3 bucket name (3-63 characters: lowercase
 * letters, digits, dots and hyphens, starting and ending with a letter or digit). "*" or "" must never reach a policy.
 */
export function trainingJobPolicy(bucket: string): PolicyDocument {
  return todo("aws-iam-least-privilege");
}
