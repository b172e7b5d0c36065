import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ListBucketsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, test } from "vitest";
import { type LocalAws, startLocalAws } from "./local-server";
import { ensureBucket, objectSha256 } from "./s3-bucket";
import { awsClientConfig } from "./target";

let aws: LocalAws;
let s3: S3Client;
beforeAll(async () => {
  aws = await startLocalAws();
  s3 = new S3Client(awsClientConfig());
});
afterAll(() => aws?.stop());

test("ensureBucket creates a missing bucket once, then reports that it exists", async () => {
  assert.equal(await ensureBucket(s3, "ensure-me"), "created");
  assert.equal(await ensureBucket(s3, "ensure-me"), "exists");
  const listed = await s3.send(new ListBucketsCommand({}));
  assert.deepEqual(
    listed.Buckets?.map((b) => b.Name),
    ["ensure-me"],
  );
});

test("objectSha256 hashes the bytes S3 returns", async () => {
  await ensureBucket(s3, "hash-me");
  await s3.send(new PutObjectCommand({ Bucket: "hash-me", Key: "a.txt", Body: "hello" }));
  assert.equal(await objectSha256(s3, "hash-me", "a.txt"), createHash("sha256").update("hello").digest("hex"));
});
