// `npm run mlflow [-- --port 5000] [--dir .mlflow]`: the workspace's MLflow tracking server on loopback, with its
// SQLite store and artifacts in .mlflow/ (git-ignored). Prints the UI's URL and runs until Ctrl-C.
import { parseArgs } from "node:util";
import { DEFAULT_MLFLOW_PORT } from "../src/mlops/connect";
import { defaultMlflowDir, startMlflowServer } from "../src/mlops/mlflow-server";

const { values } = parseArgs({
  options: { port: { type: "string" }, dir: { type: "string" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log("usage: npm run mlflow [-- --port 5000] [--dir .mlflow]");
  process.exit(0);
}
const port = values.port ? Number(values.port) : DEFAULT_MLFLOW_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}
const dir = values.dir ?? defaultMlflowDir();
console.log(`Starting MLflow (store: ${dir}) on 127.0.0.1:${port || "a free port"} ... this takes 5-15 s.`);
try {
  const server = await startMlflowServer({ port, dir });
  console.log(`\nMLflow UI:   ${server.url}`);
  console.log(`REST API:    ${server.url}/api/2.0/mlflow/...`);
  console.log(
    port === DEFAULT_MLFLOW_PORT
      ? "`npm run pipeline` and the week-6 notebook log to it while it runs. Ctrl-C stops it.\n"
      : `On another port, point the pipeline at it: MLFLOW_TRACKING_URI=${server.url} npm run pipeline. Ctrl-C stops it.\n`,
  );
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (err) {
  console.error((err as Error).message);
  console.error(`\nIs port ${port} in use? Try: npm run mlflow -- --port 0 (any free port).`);
  process.exit(1);
}
