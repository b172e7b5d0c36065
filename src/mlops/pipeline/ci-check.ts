/**
 * `npm run pipeline -- --ci`: the pipeline end to end against a fresh MLflow server, then everything it claims is
 * checked from the outside, through the REST API and the file system:
 *
 *   1. a clean run: registered version N, the champion alias on N, the version's files downloadable and equal to
 *      the deployed file, the run FINISHED with its AUC logged;
 *   2. the same data and seed again: the same model (sha256) and metrics, the alias moves to N+1;
 *   3. a deliberately bad dataset (shuffled labels): stopped at the gate, no new version, the alias and the
 *      deployed file untouched.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Random } from "../../data/index";
import type { MlflowClient } from "../mlflow-client";
import { parseProfile } from "../profile";
import { datasetData } from "./data";
import { MODEL_FILE, PROFILE_FILE } from "./registry";
import { runPipeline } from "./run";
import type { PipelineReport } from "./types";
import { contractFor } from "./validate";

export interface CiResult {
  name: string;
  ok: boolean;
  detail: string;
}

export async function ciCheck(
  client: MlflowClient,
  modelOut: string,
  log: (line: string) => void = console.log,
  seed = 42,
): Promise<{ results: CiResult[]; reports: PipelineReport[] }> {
  const results: CiResult[] = [];
  const expect = (name: string, ok: boolean, detail: string) => {
    results.push({ name, ok, detail });
    log(`${ok ? "PASS" : "FAIL"} ${name}: ${detail}`);
  };
  const modelName = "breast-cancer-rf";
  const cancer = datasetData("breast-cancer");
  const contract = contractFor(cancer);
  const quiet = () => undefined;
  const run = (data = cancer) =>
    runPipeline({ data, client, contract, modelName, modelOut, train: { seed }, log: quiet });

  log("run 1: the committed dataset");
  const first = await run();
  expect(
    "clean run passes",
    first.ok,
    first.ok ? `v${first.version}, AUC ${first.metrics?.auc.toFixed(4)}` : `${first.reason}`,
  );
  const champion = await client.getVersionByAlias(modelName, "champion");
  expect(
    "champion alias points at the new version",
    champion?.version === first.version,
    `champion = v${champion?.version}`,
  );
  const registered = champion ? (await client.downloadArtifact(champion.source, MODEL_FILE)).toString() : "{}";
  const deployed = existsSync(modelOut) ? JSON.parse(readFileSync(modelOut, "utf8")) : {};
  expect(
    "deployed file holds the registered model",
    JSON.stringify(JSON.parse(registered).model) === JSON.stringify(deployed.model),
    `${modelOut}, metadata.version ${deployed.metadata?.version}`,
  );
  const profile = champion
    ? parseProfile((await client.downloadArtifact(champion.source, PROFILE_FILE)).toString())
    : undefined;
  expect(
    "reference profile registered and deployed",
    !!profile && existsSync(join(dirname(modelOut), PROFILE_FILE)),
    `${profile?.features.length ?? 0} features`,
  );
  const r1 = first.runId ? await client.getRun(first.runId) : undefined;
  expect(
    "run FINISHED with its AUC logged",
    r1?.info.status === "FINISHED" && r1.metrics["eval.auc"] === first.metrics?.auc,
    `${r1?.info.status}, eval.auc ${r1?.metrics["eval.auc"]}`,
  );

  log("run 2: same data, same seed");
  const second = await run();
  expect(
    "same data and seed, same model and metrics",
    second.ok &&
      second.modelSha256 === first.modelSha256 &&
      JSON.stringify(second.metrics) === JSON.stringify(first.metrics),
    `model sha256 ${second.modelSha256?.slice(0, 12)} vs ${first.modelSha256?.slice(0, 12)}`,
  );
  const moved = await client.getVersionByAlias(modelName, "champion");
  expect("champion moved to the second version", moved?.version === second.version, `champion = v${moved?.version}`);

  log("run 3: shuffled labels (must be stopped)");
  const before = {
    versions: (await client.listModelVersions(modelName)).length,
    file: readFileSync(modelOut, "utf8"),
  };
  const bad = await run({
    ...cancer,
    source: "breast-cancer, labels shuffled",
    y: new Random(3).shuffle([...cancer.y]),
  });
  expect("bad data is stopped at the gate", !bad.ok && bad.stoppedAt === "evaluate", `${bad.reason}`);
  const after = {
    versions: (await client.listModelVersions(modelName)).length,
    champion: (await client.getVersionByAlias(modelName, "champion"))?.version,
    file: readFileSync(modelOut, "utf8"),
  };
  expect(
    "nothing registered or deployed by the bad run",
    after.versions === before.versions && after.champion === moved?.version && after.file === before.file,
    `${after.versions} versions, champion v${after.champion}, deployed file ${after.file === before.file ? "unchanged" : "CHANGED"}`,
  );
  return { results, reports: [first, second, bad] };
}
