/**
 * Where AWS calls go. The default is the local moto server the workspace starts itself; real AWS is used only when the
 * learner opts in with STUDY_AWS_TARGET=real (see the README). This module is the one place that decides, so no code
 * path can reach a real account by accident.
 */
// The SDK warns on Node < 22 about releases after January 2027; the versions pinned here support Node 20, so the
// warning would only clutter notebook output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export type AwsTarget = { kind: "local"; endpoint: string; region: string } | { kind: "real"; region: string };

/** Fake credentials moto accepts; they are not valid anywhere else. */
export const LOCAL_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" } as const;
export const LOCAL_REGION = "us-east-1";
/** The account id moto uses for every resource it creates. */
export const LOCAL_ACCOUNT_ID = "123456789012";

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}

/**
 * Reads the target from the environment: STUDY_AWS_TARGET=real opts in to real AWS; otherwise AWS_ENDPOINT_URL must
 * point at a loopback server (startLocalAws sets it). Throws a clear error in every other case.
 */
export function awsTarget(env: NodeJS.ProcessEnv = process.env): AwsTarget {
  if (env.STUDY_AWS_TARGET === "real") {
    return { kind: "real", region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? LOCAL_REGION };
  }
  if (env.STUDY_AWS_TARGET && env.STUDY_AWS_TARGET !== "local") {
    throw new Error(`STUDY_AWS_TARGET must be "local" or "real", not "${env.STUDY_AWS_TARGET}".`);
  }
  const endpoint = env.AWS_ENDPOINT_URL;
  if (!endpoint) {
    throw new Error(
      "No local AWS server: call `await startLocalAws()` (from src/aws/index) first, or run `npm run aws:local` and " +
        "export the AWS_ENDPOINT_URL it prints. To use a real AWS account on purpose, set STUDY_AWS_TARGET=real.",
    );
  }
  if (!isLoopback(endpoint)) {
    throw new Error(
      `AWS_ENDPOINT_URL=${endpoint} is not a loopback address. The workspace only talks to a local AWS server ` +
        "unless STUDY_AWS_TARGET=real is set.",
    );
  }
  return { kind: "local", endpoint: endpoint.replace(/\/$/, ""), region: LOCAL_REGION };
}

/** Configuration for any AWS SDK v3 client (`new S3Client(awsClientConfig())`). */
export function awsClientConfig(target: AwsTarget = awsTarget()): {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle?: boolean;
} {
  if (target.kind === "real") return { region: target.region };
  return {
    region: target.region,
    endpoint: target.endpoint,
    credentials: { ...LOCAL_CREDENTIALS },
    // moto serves buckets by path (http://127.0.0.1:port/bucket), not by virtual host.
    forcePathStyle: true,
  };
}

/** One line saying which target calls go to; every notebook cell that talks to AWS prints it. */
export function describeTarget(target: AwsTarget = awsTarget()): string {
  return target.kind === "local"
    ? `AWS target: local moto server at ${target.endpoint} (no real AWS account is touched)`
    : `AWS target: REAL AWS in ${target.region} (STUDY_AWS_TARGET=real); calls may cost money`;
}
