// `npm run capstone:report`: your numbers for the résumé bullet of capstone/README.md, measured, never typed in.
//
//   npm run capstone:report                         # the served model (capstone/model/model.json), 10 s of load
//   npm run capstone:report -- --seconds 30 --rate 500 --model /tmp/model.json
//
// 1. The model card: whose code made it (learner or reference), version, test accuracy, malignant precision/recall.
// 2. The real server (capstone/src/server.ts) on a free loopback port, POST /predict one real row at a time at a
//    fixed rate for --seconds (after a 2 s warm-up): p50, p99, achieved rate, failed requests.
// 3. The template of capstone/README.md filled in with those numbers. What takes minutes to measure (the fuzz case
//    count, the ratio to FastAPI) stays a "<... from npm run ...>" placeholder naming its command.
// A model trained by the workspace's reference code is reported as such: a bullet about your own work needs your
// own model (`npm run capstone:train -- --from exercises`).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../../src/workspace/local-service";
import { loadServingModel } from "../src/model";
import { count, describeLoad, ms, runLoad } from "./load-tool";
import {
  loadAverage,
  root,
  scratchDir,
  modelPath as servedModelPath,
  singleRowBodies,
  startLogged,
} from "./local-capstone";
import { fillResume, WHAT, wrapped } from "./resume-template";

const { values } = parseArgs({
  options: {
    model: { type: "string", default: servedModelPath },
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "200" },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
if (!(seconds > 0) || !(rate > 0)) {
  console.error("--seconds and --rate must be positive numbers");
  process.exit(2);
}
const path = values.model!;
if (!existsSync(path)) {
  console.error(
    `${path} does not exist: train a model first (npm run capstone:train -- --from exercises for yours, ` +
      "or npm run capstone:train for the reference).",
  );
  process.exit(1);
}

const pct = (v: number | null | undefined) => (typeof v === "number" ? `${(v * 100).toFixed(1)}%` : "n/a");
const model = loadServingModel(path);
const m = model.metrics ?? {};
const shown = relative(root, path).startsWith("..") ? path : relative(root, path);
console.log(`== the model: ${shown}`);
console.log(`  source      ${model.source}${model.trainedBy ? ` (${model.trainedBy})` : ""}`);
console.log(`  version     ${model.version}, kind ${model.kind}, checksum ${model.checksum.slice(0, 12)}...`);
console.log(
  `  test        accuracy ${pct(m.testAccuracy)}, malignant precision ${pct(m.testPrecision)}, ` +
    `recall ${pct(m.testRecall)}, F1 ${pct(m.testF1)}`,
);

console.log(`\n== the API under load: POST /predict, one row per request, ${rate} req/s for ${seconds} s`);
console.log(`  ${loadAverage()}`);
const port = await freePort();
const api = await startLogged({
  name: "capstone API",
  command: process.execPath,
  args: ["--import", "tsx", "capstone/src/server.ts"],
  readyPath: "/readyz",
  logFile: join(scratchDir("capstone-report"), "server.log"),
  port,
  env: { HOST: "127.0.0.1", PORT: String(port), MODEL_PATH: path, LOG_LEVEL: "warn" },
});
let result: Awaited<ReturnType<typeof runLoad>>;
try {
  const bodies = singleRowBodies();
  await runLoad({ url: api.url, path: "/predict", bodies, connections: 10, seconds: 2, rate }); // warm-up
  result = await runLoad({ url: api.url, path: "/predict", bodies, connections: 10, seconds, rate });
} finally {
  await api.stop();
}
console.log(`  ${describeLoad(result)}`);
const failed = result.errors + result.timeouts + result.non2xx;

const bullet = fillResume({
  what: WHAT[model.source],
  accuracy: pct(m.testAccuracy),
  recall: pct(m.testRecall),
  p50: ms(result.p50),
  p99: ms(result.p99),
  rate: count(result.okPerSecond),
  errors: count(failed),
  cores: String(availableParallelism()),
});
console.log("\n== your résumé bullet (capstone/README.md, 'Resume bullet'), from these numbers:\n");
console.log(wrapped(bullet));
console.log(
  "\nStill to measure: the fuzz case count (npm run capstone:fuzz, about a minute) and the FastAPI ratio " +
    "(npm run bench:capstone, a few minutes); put their numbers in place of the <...> above.",
);
if (model.source === "reference") {
  console.log(
    "\nThis model was trained by the workspace's REFERENCE code (src/ml), not yours. For a bullet about your own " +
      "forest: npm run capstone:train -- --from exercises, then npm run capstone:report again.",
  );
}
if (failed > 0) {
  console.error(`\n${failed} requests failed during the measurement: fix that before you quote these numbers.`);
  process.exitCode = 1;
}
