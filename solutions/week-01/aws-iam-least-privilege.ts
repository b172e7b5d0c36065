// Reference solution for exercises/week-01/aws-iam-least-privilege.ts.
import type { PolicyDocument } from "../../src/aws/iam";

/** S3's bucket naming rules (the common subset): 3-63 of [a-z0-9.-], starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function trainingJobPolicy(bucket: string): PolicyDocument {
  if (!BUCKET_NAME.test(bucket) || bucket.includes("..")) {
    throw new Error(`"${bucket}" is not a valid S3 bucket name (3-63 of a-z, 0-9, "." and "-")`);
  }
  const bucketArn = `arn:aws:s3:::${bucket}`;
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadTrainingData",
        Effect: "Allow",
        Action: ["s3:GetObject"],
        // The trailing slash matters: "datasets*" would also match "datasets-old/" and "datasets.bak".
        Resource: [`${bucketArn}/datasets/*`],
      },
      {
        Sid: "ListTrainingDataOnly",
        Effect: "Allow",
        // ListBucket is a BUCKET action (its resource is the bucket ARN, not an object ARN): the prefix the caller
        // asks for arrives as the s3:prefix condition key, which is how a listing is limited to datasets/.
        Action: ["s3:ListBucket"],
        Resource: [bucketArn],
        Condition: { StringLike: { "s3:prefix": ["datasets/", "datasets/*"] } },
      },
      {
        Sid: "WriteModels",
        Effect: "Allow",
        Action: ["s3:PutObject"],
        Resource: [`${bucketArn}/models/*`],
      },
    ],
  };
}
