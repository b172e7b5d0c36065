// Reference solution for exercises/week-01/aws-upload-dataset.ts.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import {
  AbortMultipartUploadCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadDatasetOptions {
  client: S3Client;
  bucket: string;
  file: string;
  key?: string;
  source?: string;
  partSize?: number;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadDatasetResult {
  bucket: string;
  key: string;
  bytes: number;
  sha256: string;
  rows: number;
  contentType: string;
  source: string;
  multipart: boolean;
  parts: number;
  skipped: boolean;
  verified: boolean;
  message: string;
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export function countCsvRows(text: string): number {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (lines.length === 0) throw new Error("countCsvRows: empty CSV (not even a header line)");
  return lines.length - 1;
}

/** The AWS SDK's error name and HTTP status, without trusting the shape of an unknown error. */
function awsError(e: unknown): { name: string; status?: number } {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return { name: err?.name ?? "", status: err?.$metadata?.httpStatusCode };
}

async function assertBucketExists(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch (e) {
    const { name, status } = awsError(e);
    if (status === 404 || name === "NotFound" || name === "NoSuchBucket") {
      throw new Error(`NoSuchBucket: bucket "${bucket}" does not exist. Create it first (aws s3 mb s3://${bucket}).`);
    }
    if (status === 403)
      throw new Error(`AccessDenied: bucket "${bucket}" exists but these credentials may not use it.`);
    throw e;
  }
}

/** The object's "sha256" metadata, or undefined when there is no object at the key. */
async function existingSha256(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.Metadata?.sha256 ?? "";
  } catch (e) {
    const { name, status } = awsError(e);
    if (status === 404 || name === "NotFound" || name === "NoSuchKey") return undefined;
    throw e;
  }
}

/**
 * Aborts every open multipart upload of this key. lib-storage aborts its own upload too, but only after its done()
 * has already rejected, so without this a caller could look at the bucket and still find the parts.
 */
async function abortOpenUploads(client: S3Client, bucket: string, key: string): Promise<void> {
  const open = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
  for (const upload of open.Uploads ?? []) {
    if (upload.Key !== key || !upload.UploadId) continue;
    try {
      await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: upload.UploadId }));
    } catch (e) {
      // lib-storage may have aborted it a moment earlier: already gone is what we want.
      if (awsError(e).name !== "NoSuchUpload") throw e;
    }
  }
}

/** SHA-256 of what S3 actually sends back: the end-to-end check that the bytes arrived intact. */
async function downloadedSha256(client: S3Client, bucket: string, key: string): Promise<string> {
  const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!got.Body) throw new Error(`GetObject s3://${bucket}/${key} returned no body`);
  return createHash("sha256")
    .update(await got.Body.transformToByteArray())
    .digest("hex");
}

export async function uploadDataset(options: UploadDatasetOptions): Promise<UploadDatasetResult> {
  const { client, bucket, file } = options;
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  if (!Number.isFinite(partSize) || partSize < MIN_PART_SIZE) {
    throw new RangeError(`partSize ${partSize} is below S3's minimum part size of 5 MiB (${MIN_PART_SIZE} bytes)`);
  }
  if (options.signal?.aborted)
    throw Object.assign(new Error("Upload aborted before it started."), { name: "AbortError" });

  // One read gives the hash, the row count and the body. (For files bigger than memory, pass a read stream as the
  // Body and hash it with sha256OfFile instead.)
  const body = await readFile(file);
  const sha256 = createHash("sha256").update(body).digest("hex");
  const rows = countCsvRows(body.toString("utf8"));
  const key = options.key ?? `datasets/${basename(file)}`;
  const source = options.source ?? basename(file, extname(file));
  const contentType = extname(file).toLowerCase() === ".csv" ? "text/csv" : "application/octet-stream";
  const bytes = body.length;
  const base = { bucket, key, bytes, sha256, rows, contentType, source };
  const where = `s3://${bucket}/${key}`;

  await assertBucketExists(client, bucket);
  if ((await existingSha256(client, bucket, key)) === sha256) {
    return {
      ...base,
      multipart: false,
      parts: 0,
      skipped: true,
      verified: false,
      message: `skipped: ${where} already holds this file (sha256 ${sha256.slice(0, 12)}…)`,
    };
  }

  const parts = Math.max(1, Math.ceil(bytes / partSize));
  const abortController = new AbortController();
  const upload = new Upload({
    client,
    partSize,
    abortController,
    params: {
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
      Metadata: { sha256, rows: String(rows), source },
    },
  });
  // Progress events of parallel parts can arrive out of order; report the running maximum so the bar never jumps back.
  let loaded = 0;
  upload.on("httpUploadProgress", (p) => {
    loaded = Math.max(loaded, p.loaded ?? 0);
    options.onProgress?.({ loaded, total: bytes });
  });
  const onAbort = () => abortController.abort();
  options.signal?.addEventListener("abort", onAbort);
  try {
    await upload.done();
  } catch (e) {
    // A bucket deleted meanwhile holds no parts any more: nothing to clean up.
    if (awsError(e).name === "NoSuchBucket") {
      throw new Error(`NoSuchBucket: bucket "${bucket}" does not exist (it was deleted during the upload).`);
    }
    await abortOpenUploads(client, bucket, key);
    throw e;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }

  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  if (head.ContentLength !== bytes || head.Metadata?.sha256 !== sha256) {
    throw new Error(
      `checksum mismatch for ${where}: uploaded ${bytes} bytes with sha256 ${sha256}, S3 reports ` +
        `${head.ContentLength} bytes with sha256 metadata ${head.Metadata?.sha256}`,
    );
  }
  const remote = await downloadedSha256(client, bucket, key);
  if (remote !== sha256) {
    throw new Error(`checksum mismatch for ${where}: local sha256 ${sha256}, downloaded ${remote}`);
  }
  return {
    ...base,
    multipart: parts > 1,
    parts,
    skipped: false,
    verified: true,
    message: `uploaded ${bytes} bytes to ${where} in ${parts} part${parts > 1 ? "s" : ""}, sha256 verified`,
  };
}
