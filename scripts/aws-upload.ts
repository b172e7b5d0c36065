// `npm run aws:upload -- <dataset> [--bucket b] [--key k] [--part-size MiB]`: uploads a dataset with YOUR
// uploadDataset (exercises/week-01/aws-upload-dataset.ts), with a progress bar. <dataset> is a name from datasets/
// (iris, wine, ...) or the path of a CSV file.
// Where it goes: the server AWS_ENDPOINT_URL names (e.g. one `npm run aws:local` started); without it, a temporary
// moto server started here for this one upload; real AWS only with STUDY_AWS_TARGET=real.
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { uploadDataset } from "../exercises/week-01/aws-upload-dataset";
import { type LocalAws, startLocalAws } from "../src/aws/local-server";
import { ensureBucket } from "../src/aws/s3-bucket";
import { awsClientConfig, describeTarget } from "../src/aws/target";
import { DATASET_NAMES, getDatasetSpec } from "../src/data/registry";
import { isNotStarted } from "../src/grader/todo";
import { progress } from "../src/plot/progress";
import { workspacePaths } from "../src/workspace/paths";

const USAGE =
  "usage: npm run aws:upload -- <dataset> [--bucket NAME] [--key KEY] [--part-size MiB]\n" +
  `  <dataset>: one of ${DATASET_NAMES.join(", ")}, or the path of a CSV file`;

interface Args {
  file: string;
  bucket: string;
  key?: string;
  partSize?: number;
}

function parseArgs(argv: string[]): Args {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    }
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2);
    if (!["bucket", "key", "part-size"].includes(name)) throw new Error(`unknown option "${arg}"\n${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value\n${USAGE}`);
    flags[name] = value;
  }
  if (positional.length !== 1) throw new Error(`name exactly one dataset\n${USAGE}`);
  const [dataset] = positional;
  const file = (DATASET_NAMES as readonly string[]).includes(dataset)
    ? join(workspacePaths().datasets, getDatasetSpec(dataset).file)
    : resolve(dataset);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`no dataset or file "${dataset}"\n${USAGE}`);
  const partMiB = flags["part-size"] === undefined ? undefined : Number(flags["part-size"]);
  if (partMiB !== undefined && !(partMiB > 0)) throw new Error(`--part-size is in MiB, got "${flags["part-size"]}"`);
  return {
    file,
    bucket: flags.bucket ?? "ml-datasets",
    key: flags.key,
    partSize: partMiB === undefined ? undefined : Math.round(partMiB * 1024 * 1024),
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  let local: LocalAws | undefined;
  if (!process.env.AWS_ENDPOINT_URL && process.env.STUDY_AWS_TARGET !== "real") {
    local = await startLocalAws();
    console.log(
      "No AWS_ENDPOINT_URL set: started a temporary local moto server for this upload. It stops when this command\n" +
        "ends, and the object with it; to keep one running, use `npm run aws:local` and export what it prints.",
    );
  }
  const controller = new AbortController();
  process.once("SIGINT", () => {
    console.log("\nCtrl-C: aborting the upload ...");
    controller.abort();
  });
  try {
    console.log(describeTarget());
    const client = new S3Client(awsClientConfig());
    const bucket = await ensureBucket(client, args.bucket);
    console.log(`bucket ${args.bucket}: ${bucket === "created" ? "created" : "already there"}`);
    const bytes = statSync(args.file).size;
    const bar = progress({ total: bytes, label: "upload", stream: process.stdout });
    const result = await uploadDataset({
      client,
      bucket: args.bucket,
      file: args.file,
      key: args.key,
      partSize: args.partSize,
      signal: controller.signal,
      onProgress: (p) => bar.update(p.loaded, { MiB: p.loaded / 2 ** 20 }),
    });
    if (!result.skipped) bar.done();
    console.log(`${result.message}
  s3://${result.bucket}/${result.key}
  ${result.bytes} bytes, ${result.rows} rows, source ${result.source}, ${result.contentType}
  sha256 ${result.sha256}${result.verified ? " (read back and verified)" : ""}
  ${result.multipart ? `multipart upload, ${result.parts} parts` : result.skipped ? "nothing sent" : "single PutObject"}
Inspect it with: aws s3api head-object --bucket ${result.bucket} --key ${result.key}`);
    return 0;
  } catch (e) {
    if (isNotStarted(e)) {
      console.log(
        'Exercise "aws-upload-dataset" is not started yet: write uploadDataset in\n' +
          "exercises/week-01/aws-upload-dataset.ts, check it with `npm run grade aws-upload-dataset`\n" +
          "(hints: `npm run hint aws-upload-dataset`), then run this command again.",
      );
      return 1;
    }
    if (controller.signal.aborted) {
      console.error("Upload aborted.");
      return 130;
    }
    throw e;
  } finally {
    await local?.stop();
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e: Error) => {
    console.error(e.message);
    process.exitCode = 2;
  });
