// Small S3 helpers the week-1 notebook and `npm run aws:upload` share. The exercise (uploadDataset) never creates a
// bucket itself: creating one is a separate, deliberate step, done here.
import { createHash } from "node:crypto";
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  type S3Client,
} from "@aws-sdk/client-s3";

function httpStatus(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/**
 * Creates the bucket unless it already exists; says which happened. Outside us-east-1, S3 needs the region named
 * again as the bucket's LocationConstraint (us-east-1 is the one region that must NOT be named).
 */
export async function ensureBucket(client: S3Client, bucket: string): Promise<"created" | "exists"> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return "exists";
  } catch (e) {
    if (httpStatus(e) !== 404) throw e;
  }
  const region = await client.config.region();
  await client.send(
    new CreateBucketCommand({
      Bucket: bucket,
      ...(region === "us-east-1"
        ? {}
        : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
    }),
  );
  return "created";
}

/** SHA-256 (hex) of the bytes S3 serves for an object: an independent read-back check. */
export async function objectSha256(client: S3Client, bucket: string, key: string): Promise<string> {
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!got.Body) throw new Error(`s3://${bucket}/${key} has no body`);
  return createHash("sha256")
    .update(await got.Body.transformToByteArray())
    .digest("hex");
}
