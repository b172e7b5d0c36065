// `npm run aws:local [-- --port N]`: starts the local AWS API server (moto, pinned in .venv) and keeps it running
// until Ctrl-C. Other terminals point the AWS CLI and the SDK at it with the `export` line it prints. Everything it
// holds lives in memory and is gone when it stops; no real AWS account is ever involved.
import { parseArgs } from "node:util";
import { startLocalAws } from "../src/aws/local-server";
import { portIsFree } from "../src/workspace/local-service";

const USAGE = "usage: npm run aws:local [-- --port N]   (default: a free port)";

function parsePort(argv: string[]): number | undefined {
  let values: { port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.port === undefined) return undefined;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--port needs a port number between 1 and 65535, got "${values.port}"\n${USAGE}`);
  }
  return port;
}

/** A clearer message than moto's own when the chosen port is taken. */
async function assertPortFree(port: number): Promise<void> {
  if (!(await portIsFree(port))) {
    throw new Error(`port ${port} is already in use: pick another with --port, or leave it out for a free one`);
  }
}

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2));
  if (port) await assertPortFree(port);
  const aws = await startLocalAws({ port });
  const exports = Object.entries(aws.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  console.log(`moto (local AWS) is running at ${aws.url}

Point another terminal (the AWS CLI, the SDK, a script) at it:
  export ${exports}

Then try, for example:
  aws s3 mb s3://ml-datasets && aws s3 ls
  npm run aws:upload -- iris --bucket ml-datasets

The credentials are fake and only this server accepts them. Its data lives in memory and is lost when it stops.
Press Ctrl-C to stop it.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping moto ...`);
    await aws.stop();
    console.log("moto stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("Ctrl-C"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  // Notice if the server dies on its own (killed, crashed), instead of sitting here pretending it is up.
  const watch = setInterval(async () => {
    try {
      await fetch(`${aws.url}/moto-api/`, { signal: AbortSignal.timeout(2000) });
    } catch {
      if (stopping) return;
      clearInterval(watch);
      console.error(`moto at ${aws.url} stopped answering; exiting.`);
      process.exit(1);
    }
  }, 5000);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
