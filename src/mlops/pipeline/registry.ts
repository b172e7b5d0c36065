/**
 * Steps 4 and 5 and the champion lookup, everything that talks to the model registry:
 *
 *   loadChampion     the version the `champion` alias points at, its model.json downloaded and verified
 *   registerVersion  model.json + reference-profile.json uploaded to the run, then a new model version
 *   promote          the deployed files written (atomically, old ones restored on failure) and the alias moved
 *
 * The alias is the deployment's source of truth in MLflow (aliases replaced the old "Production" stage); the
 * capstone API reads the file this step writes, so both are updated together or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { artifactChecksum, type ModelArtifact, saveArtifact } from "../../ml/artifact";
import type { ForestModel, RandomForest } from "../../ml/forest";
import { forestFromArtifact } from "../../ml/tree-artifacts";
import { writeFileAtomic } from "../../workspace/atomic-write";
import type { MlflowClient } from "../mlflow-client";
import type { ModelVersion, RunInfo } from "../mlflow-types";
import type { ReferenceProfile } from "../profile";

export const CHAMPION_ALIAS = "champion";
export const MODEL_FILE = "model.json";
export const PROFILE_FILE = "reference-profile.json";

export interface Champion {
  version: ModelVersion;
  artifact: ModelArtifact<ForestModel>;
  forest: RandomForest;
}

/** The current champion, or undefined when there is none yet. Its file is verified (checksum) before use. */
export async function loadChampion(client: MlflowClient, modelName: string): Promise<Champion | undefined> {
  const version = await client.getVersionByAlias(modelName, CHAMPION_ALIAS);
  if (!version) return undefined;
  const text = (await client.downloadArtifact(version.source, MODEL_FILE)).toString("utf8");
  const artifact = JSON.parse(text) as ModelArtifact<ForestModel>;
  if (artifactChecksum(artifact) !== artifact.checksum) {
    throw new Error(`the champion (${modelName} v${version.version}) has a corrupt ${MODEL_FILE}: checksum mismatch.`);
  }
  return { version, artifact, forest: forestFromArtifact(artifact) };
}

/** The text saveArtifact writes for this artifact (written to a temporary file and read back, then removed). */
export function artifactText<M>(artifact: ModelArtifact<M>): { text: string; saved: ModelArtifact<M> } {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-artifact-"));
  try {
    const path = join(dir, MODEL_FILE);
    const saved = saveArtifact(path, artifact);
    return { text: readFileSync(path, "utf8"), saved };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RegisterInput {
  modelName: string;
  run: RunInfo;
  artifact: ModelArtifact<ForestModel>;
  profile: ReferenceProfile;
  tags: Record<string, string | number>;
  description: string;
}

/** Uploads the model and its reference profile to the run's `model/` folder and registers that folder. */
export async function registerVersion(client: MlflowClient, input: RegisterInput): Promise<ModelVersion> {
  const { text } = artifactText(input.artifact);
  await client.uploadArtifact(input.run, `model/${MODEL_FILE}`, text);
  await client.uploadArtifact(input.run, `model/${PROFILE_FILE}`, JSON.stringify(input.profile));
  await client.getOrCreateRegisteredModel(
    input.modelName,
    "Random forest on the breast-cancer dataset, trained and promoted by `npm run pipeline` (week 6).",
  );
  const created = await client.createModelVersion({
    name: input.modelName,
    source: `${input.run.artifactUri}/model`,
    runId: input.run.runId,
    tags: { ...input.tags, reference_profile: PROFILE_FILE },
    description: input.description,
  });
  return client.waitForModelVersion(input.modelName, created.version);
}

/** metadata.version of a deployed model: "<registered model>-v<MLflow version>", e.g. "breast-cancer-rf-v3". */
export function deployedVersionName(modelName: string, version: string): string {
  return `${modelName}-v${version}`;
}

export interface PromoteInput {
  modelName: string;
  version: string;
  runId: string;
  artifact: ModelArtifact<ForestModel>;
  profile: ReferenceProfile;
  /** The deployed model file, e.g. capstone/model/model.json; its profile goes beside it. */
  modelOut: string;
}

/**
 * Deploys: writes the profile then the model (each atomically: a reader sees the old file or the new one), then
 * points the champion alias at the version. If any part fails, the files are put back as they were and the alias
 * is left (or put back) where it was, so a failed promotion changes nothing.
 */
export async function promote(client: MlflowClient, input: PromoteInput): Promise<ModelArtifact<ForestModel>> {
  const profilePath = join(dirname(input.modelOut), PROFILE_FILE);
  const backups = [input.modelOut, profilePath].map((p) => ({
    path: p,
    before: existsSync(p) ? readFileSync(p) : undefined,
  }));
  const previous = await client.getVersionByAlias(input.modelName, CHAMPION_ALIAS);
  const restoreFiles = () => {
    for (const b of backups) {
      try {
        if (b.before) writeFileAtomic(b.path, b.before);
        else rmSync(b.path, { force: true });
      } catch {
        // Best effort: the error that caused the rollback is the one to report.
      }
    }
  };
  let saved: ModelArtifact<ForestModel>;
  try {
    mkdirSync(dirname(input.modelOut), { recursive: true });
    writeFileAtomic(profilePath, JSON.stringify(input.profile));
    saved = saveArtifact(input.modelOut, {
      ...input.artifact,
      // The schema allows extra metadata fields; Object.assign keeps TypeScript's view of them honest.
      metadata: Object.assign(
        { ...input.artifact.metadata },
        {
          // The capstone shows metadata.version (GET /model, model_info); it names the registry entry it came from.
          version: deployedVersionName(input.modelName, input.version),
          registeredModel: input.modelName,
          mlflowVersion: input.version,
          mlflowRunId: input.runId,
        },
      ),
    });
  } catch (err) {
    restoreFiles();
    throw new Error(`promotion: could not write ${input.modelOut}: ${(err as Error).message}`);
  }
  try {
    await client.setAlias(input.modelName, CHAMPION_ALIAS, input.version);
  } catch (err) {
    restoreFiles();
    if (previous) await client.setAlias(input.modelName, CHAMPION_ALIAS, previous.version).catch(() => undefined);
    throw err;
  }
  return saved;
}
