// Week 1 · AWS: upload a dataset to S3, multipart, checksummed, verified, and never twice.
// Read "S3: buckets, objects and uploading a dataset" in notebooks/week-01-aws-foundations.ipynb first.
// Grade it with `npm run grade aws-upload-dataset`; stuck? `npm run hint aws-upload-dataset`.
// Everything here runs against the local moto server the workspace starts; no real AWS account is touched.
import type { S3Client } from "@aws-sdk/client-s3";
import { todo } from "../../src/grader/todo";

/** S3 refuses multipart parts smaller than 5 MiB (except the last one). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
/** The part size used when the caller does not choose one. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

/** How far an upload has got, in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadDatasetOptions {
  /** An S3 client, e.g. `new S3Client(awsClientConfig())` (from src/aws/target). */
  client: S3Client;
  /** The bucket must already exist: this function never creates one. */
  bucket: string;
  /** Path of the CSV file to upload. */
  file: string;
  /** Object key; default `datasets/<file name>`, e.g. "datasets/iris.csv". */
  key?: string;
  /** The dataset's name, recorded as the "source" metadata; default the file name without its extension ("iris"). */
  source?: string;
  /**
   * Bytes per part. A file LARGER than this goes up as a multipart upload; a file of at most this size in one
   * PutObject. Default DEFAULT_PART_SIZE; smaller than MIN_PART_SIZE is refused before any request is sent.
   */
  partSize?: number;
  /** Called as bytes reach S3: loaded grows to total (the file size) and never goes backwards. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborting it stops the upload and cleans up: no multipart upload of this key is left open afterwards. */
  signal?: AbortSignal;
}

export interface UploadDatasetResult {
  bucket: string;
  key: string;
  /** File size in bytes. */
  bytes: number;
  /** SHA-256 of the file's bytes, lowercase hex (what `sha256sum` prints). */
  sha256: string;
  /** Data rows of the CSV (header not counted). */
  rows: number;
  /** "text/csv" for a .csv file. */
  contentType: string;
  source: string;
  /** True when the file went up as a multipart upload. */
  multipart: boolean;
  /** Parts uploaded: 1 for a single PutObject, 0 when skipped. */
  parts: number;
  /** True when the identical file was already at this key, so nothing was uploaded. */
  skipped: boolean;
  /** True when the object was read back and its SHA-256 matched. */
  verified: boolean;
  /** One line for a person: what happened ("uploaded ..." or "skipped: ... already holds this file ..."). */
  message: string;
}

/**
 * SHA-256 of a file's bytes as lowercase hex. Read the file as a stream (createReadStream) and feed every chunk to
 * createHash("sha256"), so a file bigger than memory still works.
 */
export function sha256OfFile(path: string): Promise<string> {
  return todo("aws-upload-dataset");
}

/**
 * Data rows of a CSV text: non-empty lines minus the header. Works with "\n" and "\r\n" line endings, with or without
 * a final newline; a header alone is 0 rows. Throws an Error mentioning "empty" when the text has no header line.
 * (The datasets here have no line breaks inside quoted cells, so counting lines is exact for them.)
 */
export function countCsvRows(text: string): number {
  return todo("aws-upload-dataset");
}

/**
 * Uploads a dataset file to S3 with @aws-sdk/lib-storage's `Upload`, which switches to a multipart upload when the
 * file is larger than one part. In order:
 * 1. Refuse a partSize below MIN_PART_SIZE (RangeError mentioning "5 MiB") before talking to S3.
 * 2. Hash the file (SHA-256) and count its rows locally.
 * 3. Check the bucket exists (HeadBucket). A missing bucket is an Error whose message names the bucket and contains
 *    "NoSuchBucket" (S3 answers a HEAD with a bare 404, so say it yourself).
 * 4. HeadObject on the key: when the object's "sha256" metadata equals the local hash, upload nothing and return
 *    skipped: true with a message containing "skipped" (a different or missing object is uploaded, replacing it).
 * 5. Upload with ContentType "text/csv" and user metadata { sha256, rows, source } (S3 metadata values are strings),
 *    forwarding progress (the "httpUploadProgress" event) to onProgress.
 * 6. Verify: HeadObject (size and "sha256" metadata) and GetObject, hashing the bytes S3 sends back. Any difference
 *    is an Error whose message contains "checksum mismatch".
 * If the upload fails or is aborted, abort every open multipart upload of this key (ListMultipartUploads +
 * AbortMultipartUpload) BEFORE rethrowing: parts of an unfinished upload are invisible in the bucket, yet S3 keeps
 * them, and bills them, until someone aborts the upload.
 */
export function uploadDataset(options: UploadDatasetOptions): Promise<UploadDatasetResult> {
  return todo("aws-upload-dataset");
}
