/**
 * The process: read and validate the configuration, build the app, listen, and drain on SIGTERM.
 *
 *   npm run capstone:serve                        # from the workspace (tsx)
 *   node capstone/dist/server.mjs                 # the esbuild bundle the image runs
 *   PORT=9000 MODEL_PATH=/models/model.json LOG_LEVEL=debug node capstone/dist/server.mjs
 *
 * Everything it reads comes from the environment (config.ts); it never reads files relative to its own source, so
 * the bundle behaves exactly like the sources.
 */
import { build } from "./app";
import { type Config, ConfigError, loadConfig } from "./config";
import { installShutdown } from "./shutdown";

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    // Before the logger exists: plain lines on stderr, one per bad variable, then exit 1 (a crash loop is visible).
    console.error(`capstone-api: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = build({ config });
  installShutdown(app, { graceMs: config.shutdownGraceMs, delayMs: config.shutdownDelayMs });
  process.on("uncaughtException", (err) => {
    app.log.fatal({ err }, "uncaught exception: exiting");
    process.exit(1);
  });
  process.on("unhandledRejection", (err) => {
    app.log.fatal({ err }, "unhandled promise rejection: exiting");
    process.exit(1);
  });
  app.log.info(
    { port: config.port, host: config.host, modelPath: config.modelPath, maxBatch: config.maxBatch },
    "starting",
  );
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    app.log.fatal({ err }, `cannot listen on ${config.host}:${config.port}`);
    process.exit(1);
  }
}

void main();
