// Grades exercises/week-01/aws-upload-dataset.ts (and proves solutions/week-01/aws-upload-dataset.ts with this file).
// Every test talks to a real local S3 API: moto, started here on a free loopback port and stopped at the end.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, test } from "vitest";
import { awsClientConfig, type LocalAws, resetLocalAws, startLocalAws } from "../../src/aws";
import { createRng, getDatasetSpec } from "../../src/data";
import { findRoot } from "../../src/workspace/paths";
import { countCsvRows, MIN_PART_SIZE, sha256OfFile, type UploadProgress, uploadDataset } from "./aws-upload-dataset";

const BUCKET = "ml-datasets";
const MiB = 1024 * 1024;
const datasets = join(findRoot(), "datasets");
let aws: LocalAws;
let scratch: string;
/** A generated CSV of about 6 MiB: more than one 5 MiB part, so the multipart path is taken (2 parts). */
let bigFile: string;
let bigRows: number;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A client that records the name of every command it sends (to prove that a skipped upload sends no data). */
function recordingClient(): { client: S3Client; commands: string[] } {
  const client = new S3Client(awsClientConfig());
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName).replace(/Command$/, ""));
      return next(args);
    },
    { step: "initialize", name: "recordCommands" },
  );
  return { client, commands };
}

/** The test's own read-back: the SHA-256 of the bytes S3 returns for the key. */
async function remoteSha256(client: S3Client, key: string): Promise<string> {
  const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return sha256(await got.Body!.transformToByteArray());
}

async function openUploads(client: S3Client): Promise<string[]> {
  const listed = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }));
  return (listed.Uploads ?? []).map((u) => `${u.Key} (${u.UploadId})`);
}

beforeAll(async () => {
  aws = await startLocalAws(); // throws with the reason (e.g. "run npm run setup") when moto cannot start
  scratch = mkdtempSync(join(tmpdir(), "aws-upload-dataset-"));
  // ~6 MiB of seeded rows: one full 5 MiB part and a shorter last one. Same bytes on every run.
  const rng = createRng(7);
  const lines = ["id,x1,x2,x3,label"];
  let size = lines[0].length + 1;
  while (size < MIN_PART_SIZE + MiB) {
    const line = `${lines.length},${rng.next().toFixed(6)},${rng.next().toFixed(6)},${rng.next().toFixed(6)},${rng.next() < 0.5 ? 0 : 1}`;
    lines.push(line);
    size += line.length + 1;
  }
  bigRows = lines.length - 1;
  bigFile = join(scratch, "synthetic.csv");
  writeFileSync(bigFile, `${lines.join("\n")}\n`);
});

afterAll(async () => {
  await aws?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetLocalAws(aws.url);
  await new S3Client(awsClientConfig()).send(new CreateBucketCommand({ Bucket: BUCKET }));
});

test("sha256OfFile and countCsvRows agree with the committed dataset table", async () => {
  for (const name of ["iris", "penguins"] as const) {
    const spec = getDatasetSpec(name);
    assert.equal(await sha256OfFile(join(datasets, spec.file)), spec.sha256, `sha256 of ${spec.file}`);
  }
  assert.equal(countCsvRows("a,b\n1,2\n3,4\n"), 2, "two data rows under a header");
  assert.equal(countCsvRows("a,b\r\n1,2\r\n3,4"), 2, "CRLF endings and no final newline: still 2 rows");
  assert.equal(countCsvRows("a,b\n"), 0, "a header alone is 0 rows");
  assert.throws(() => countCsvRows(""), /empty/i);
});

test("a small dataset goes up in one PutObject with checksum, content type, rows and source recorded", async () => {
  const spec = getDatasetSpec("iris");
  const { client } = recordingClient();
  const events: UploadProgress[] = [];
  const result = await uploadDataset({
    client,
    bucket: BUCKET,
    file: join(datasets, spec.file),
    onProgress: (p) => events.push(p),
  });
  assert.equal(result.key, "datasets/iris.csv", "the default key is datasets/<file name>");
  assert.equal(result.sha256, spec.sha256, "result.sha256: expected the committed sha256 of iris.csv");
  assert.equal(result.rows, spec.rows, `result.rows: expected ${spec.rows}`);
  assert.equal(result.skipped, false);
  assert.equal(result.multipart, false, `a ${result.bytes}-byte file fits in one part`);
  assert.equal(result.parts, 1);
  assert.equal(result.verified, true, "the upload must be read back and verified");

  const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.key }));
  assert.equal(head.ContentType, "text/csv", `ContentType: expected text/csv, got ${head.ContentType}`);
  assert.deepEqual(
    head.Metadata,
    { sha256: spec.sha256, rows: String(spec.rows), source: "iris" },
    "object metadata: expected { sha256, rows, source }",
  );
  assert.doesNotMatch(String(head.ETag), /-\d+"?$/, "a single PutObject's ETag has no -<parts> suffix");
  assert.equal(
    await remoteSha256(client, result.key),
    spec.sha256,
    "the bytes read back from S3 hash to iris's sha256",
  );
  assert.ok(events.length > 0, "onProgress was never called");
  const last = events[events.length - 1];
  assert.deepEqual(last, { loaded: result.bytes, total: result.bytes }, "the last progress event is loaded = total");
});

test("a file larger than partSize goes up as a multipart upload, with monotone progress, and reads back intact", async () => {
  const { client, commands } = recordingClient();
  const events: UploadProgress[] = [];
  const result = await uploadDataset({
    client,
    bucket: BUCKET,
    file: bigFile,
    key: "datasets/synthetic.csv",
    source: "synthetic",
    partSize: MIN_PART_SIZE,
    onProgress: (p) => events.push(p),
  });
  assert.equal(result.multipart, true, `a ${result.bytes}-byte file with 5 MiB parts must be multipart`);
  assert.equal(result.parts, 2, `expected ceil(${result.bytes} / 5 MiB) = 2 parts, got ${result.parts}`);
  assert.equal(result.rows, bigRows, `rows: expected ${bigRows}`);
  for (const name of ["CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload"]) {
    assert.ok(commands.includes(name), `expected a ${name} request, saw ${[...new Set(commands)].join(", ")}`);
  }
  const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.key }));
  // S3 itself marks a multipart object: its ETag is "<md5 of the part md5s>-<number of parts>".
  assert.match(String(head.ETag), /-2"?$/, `ETag of a 2-part upload ends in -2, got ${head.ETag}`);
  assert.equal(head.Metadata?.sha256, result.sha256, "sha256 metadata on the multipart object");
  assert.equal(head.Metadata?.source, "synthetic");
  assert.equal(
    await remoteSha256(client, result.key),
    result.sha256,
    "the object read back hashes to the file's sha256",
  );

  assert.ok(events.length >= 2, `expected at least one progress event per part, got ${events.length}`);
  for (let i = 0; i < events.length; i++) {
    assert.equal(events[i].total, result.bytes, `progress total: expected the file size ${result.bytes}`);
    if (i > 0) assert.ok(events[i].loaded >= events[i - 1].loaded, `progress went backwards at event ${i}`);
  }
  assert.equal(events[events.length - 1].loaded, result.bytes, "the last progress event reports every byte");
});

test("re-uploading the identical file is skipped and says so; a changed file replaces it", async () => {
  const iris = join(datasets, "iris.csv");
  const { client, commands } = recordingClient();
  await uploadDataset({ client, bucket: BUCKET, file: iris, key: "datasets/train.csv" });
  commands.length = 0;
  const again = await uploadDataset({ client, bucket: BUCKET, file: iris, key: "datasets/train.csv" });
  assert.equal(again.skipped, true, "the same bytes under the same key must be skipped");
  assert.match(again.message, /skipped/i, `the message should say it skipped, got "${again.message}"`);
  const sent = commands.filter((c) => /^(PutObject|CreateMultipartUpload|UploadPart)$/.test(c));
  assert.deepEqual(sent, [], `a skipped upload sends no data, yet it sent ${sent.join(", ")}`);

  const wine = getDatasetSpec("wine");
  const replaced = await uploadDataset({
    client,
    bucket: BUCKET,
    file: join(datasets, wine.file),
    key: "datasets/train.csv",
  });
  assert.equal(replaced.skipped, false, "different bytes under the same key must be uploaded");
  assert.equal(await remoteSha256(client, "datasets/train.csv"), wine.sha256, "the key now holds wine.csv");
});

test("a missing bucket is a clear error naming it; a part size under 5 MiB is refused before any request", async () => {
  const { client, commands } = recordingClient();
  const file = join(datasets, "iris.csv");
  await assert.rejects(
    uploadDataset({ client, bucket: "no-such-bucket-here", file }),
    (e: Error) => /NoSuchBucket/.test(e.message) && e.message.includes("no-such-bucket-here"),
    'expected an Error whose message contains "NoSuchBucket" and the bucket name',
  );
  commands.length = 0;
  await assert.rejects(uploadDataset({ client, bucket: BUCKET, file, partSize: MiB }), /5 MiB/);
  assert.deepEqual(commands, [], "the part size must be checked before talking to S3");
});

test("a corrupted download fails verification with a checksum mismatch", async () => {
  const { client } = recordingClient();
  // Sits between the SDK and the HTTP response: replaces GetObject's bytes and drops S3's own checksum headers
  // (which the SDK would otherwise check itself), like a proxy that mangles the data in transit.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === "GetObjectCommand") {
        const response = out.response as { body: unknown; headers: Record<string, string> };
        const bad = Buffer.from("sepal_length_cm,species\n0,corrupted\n");
        response.body = Readable.from([bad]);
        response.headers["content-length"] = String(bad.length);
        for (const h of Object.keys(response.headers)) if (h.startsWith("x-amz-checksum")) delete response.headers[h];
      }
      return out;
    },
    { step: "deserialize", priority: "low", name: "corruptDownloads" },
  );
  await assert.rejects(
    uploadDataset({ client, bucket: BUCKET, file: join(datasets, "iris.csv") }),
    /checksum mismatch/i,
  );
});

test("an aborted multipart upload rejects, creates no object and leaves no multipart upload open", async () => {
  const { client } = recordingClient();
  const controller = new AbortController();
  let loadedAtAbort = -1;
  await assert.rejects(
    uploadDataset({
      client,
      bucket: BUCKET,
      file: bigFile,
      key: "datasets/aborted.csv",
      partSize: MIN_PART_SIZE,
      signal: controller.signal,
      onProgress: (p) => {
        // Abort as soon as the first part has arrived: the multipart upload exists and holds data.
        if (loadedAtAbort < 0 && p.loaded < p.total) {
          loadedAtAbort = p.loaded;
          controller.abort();
        }
      },
    }),
    (e: Error) => e.name === "AbortError" || /abort/i.test(e.message),
    "expected the upload to reject with an abort error",
  );
  assert.ok(loadedAtAbort > 0, "the test aborts after the first part; no partial progress was reported");
  await assert.rejects(
    client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: "datasets/aborted.csv" })),
    (e: Error) => e.name === "NotFound",
    "an aborted upload must not create the object",
  );
  assert.deepEqual(await openUploads(client), [], "open multipart uploads (orphaned parts S3 would bill for)");
});
