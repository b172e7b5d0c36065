/**
 * The capstone API with an EMPTY prediction handler: the framework's own ceiling on this machine, for
 * bench/capstone-vs-fastapi.ts. Started exactly like capstone/src/server.ts (same environment variables, same build(),
 * same hooks, access log, metrics, load shedding, JSON body parsing and response serialization), except that
 * POST /predict skips the work: no validation of the instance, no packing, no trees. It answers a constant prediction
 * of the real response's shape, so the bytes on the wire are the same size.
 *
 *   PORT=9000 HOST=127.0.0.1 npx tsx bench/capstone-empty-handler.ts
 *
 * The real server's single-row req/s divided by this one's is the share of the time per request that the framework
 * leaves to the model; the goal is at least one half.
 */
import { build } from "../capstone/src/app";
import { loadConfig } from "../capstone/src/config";
import type { RunBatch } from "../capstone/src/predict/batch";
import type { PredictResponse } from "../capstone/src/schemas";
import { installShutdown } from "../capstone/src/shutdown";

let canned: PredictResponse | null = null;
const emptyHandler: RunBatch = (_body, { model }) => {
  canned ??= {
    modelVersion: model.version,
    prediction: {
      class: model.classNames[0],
      probabilities: Object.fromEntries(model.classNames.map((name, i) => [name, i === 0 ? 1 : 0])),
    },
  };
  return canned;
};

const config = loadConfig(process.env);
const app = build({ config, runBatch: emptyHandler });
installShutdown(app, { graceMs: config.shutdownGraceMs, delayMs: config.shutdownDelayMs });
await app.listen({ port: config.port, host: config.host });
