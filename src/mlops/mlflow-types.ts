/**
 * The MLflow objects as this client returns them: camelCase, tags and params as plain records, versions as strings
 * (MLflow's REST API sends model versions as strings: "1", "2", ...). The `Raw*` shapes are what the REST API sends.
 */

export type RunStatus = "RUNNING" | "SCHEDULED" | "FINISHED" | "FAILED" | "KILLED";

export interface Experiment {
  experimentId: string;
  name: string;
  /** Where the experiment's runs put artifacts, e.g. "mlflow-artifacts:/1". */
  artifactLocation: string;
  lifecycleStage: string;
  tags: Record<string, string>;
}

export interface Metric {
  key: string;
  value: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** The x-axis of the metric's chart in the UI: an epoch, an iteration, a pipeline step. */
  step: number;
}

export interface RunInfo {
  runId: string;
  experimentId: string;
  runName: string;
  status: RunStatus;
  startTime: number;
  endTime?: number;
  /** e.g. "mlflow-artifacts:/1/<run id>/artifacts". */
  artifactUri: string;
  lifecycleStage: string;
}

export interface Run {
  info: RunInfo;
  /** The LATEST value of each metric (the whole series: getMetricHistory). */
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
}

export interface ArtifactFile {
  /** Relative to the run's artifact root, e.g. "model/model.json". */
  path: string;
  isDir: boolean;
  fileSize?: number;
}

export interface ModelVersion {
  name: string;
  /** "1", "2", ...: strings in MLflow's API. */
  version: string;
  /** Where the model's files are, e.g. "mlflow-artifacts:/1/<run id>/artifacts/model". */
  source: string;
  runId: string;
  /** PENDING_REGISTRATION, READY or FAILED_REGISTRATION. */
  status: string;
  description: string;
  tags: Record<string, string>;
  aliases: string[];
  creationTimestamp: number;
}

export interface RegisteredModel {
  name: string;
  description: string;
  tags: Record<string, string>;
  /** alias -> version, e.g. { champion: "3" }. */
  aliases: Record<string, string>;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
}

// ---- What the REST API sends (snake_case) -------------------------------------------------------------------

export interface RawTag {
  key: string;
  value: string;
}

export interface RawExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: string;
  tags?: RawTag[];
}

export interface RawRun {
  info: {
    run_id: string;
    experiment_id: string;
    run_name?: string;
    status: RunStatus;
    start_time?: number;
    end_time?: number;
    artifact_uri: string;
    lifecycle_stage?: string;
  };
  data?: { metrics?: Metric[]; params?: RawTag[]; tags?: RawTag[] };
}

export interface RawModelVersion {
  name: string;
  version: string;
  source?: string;
  run_id?: string;
  status?: string;
  description?: string;
  tags?: RawTag[];
  aliases?: string[];
  creation_timestamp?: number;
}

export interface RawRegisteredModel {
  name: string;
  description?: string;
  tags?: RawTag[];
  aliases?: { alias: string; version: string }[];
  creation_timestamp?: number;
  last_updated_timestamp?: number;
}

// ---- Conversions ---------------------------------------------------------------------------------------------

export function tagsToRecord(tags: RawTag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags ?? []) out[t.key] = t.value;
  return out;
}

export function recordToTags(record: Record<string, string | number | boolean> | undefined): RawTag[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({ key, value: String(value) }));
}

export function toExperiment(e: RawExperiment): Experiment {
  return {
    experimentId: e.experiment_id,
    name: e.name,
    artifactLocation: e.artifact_location ?? "",
    lifecycleStage: e.lifecycle_stage ?? "active",
    tags: tagsToRecord(e.tags),
  };
}

export function toRun(r: RawRun): Run {
  const metrics: Record<string, number> = {};
  for (const m of r.data?.metrics ?? []) metrics[m.key] = m.value;
  return {
    info: {
      runId: r.info.run_id,
      experimentId: r.info.experiment_id,
      runName: r.info.run_name ?? "",
      status: r.info.status,
      startTime: r.info.start_time ?? 0,
      ...(r.info.end_time !== undefined ? { endTime: r.info.end_time } : {}),
      artifactUri: r.info.artifact_uri,
      lifecycleStage: r.info.lifecycle_stage ?? "active",
    },
    metrics,
    params: tagsToRecord(r.data?.params),
    tags: tagsToRecord(r.data?.tags),
  };
}

export function toModelVersion(v: RawModelVersion): ModelVersion {
  return {
    name: v.name,
    version: String(v.version),
    source: v.source ?? "",
    runId: v.run_id ?? "",
    status: v.status ?? "READY",
    description: v.description ?? "",
    tags: tagsToRecord(v.tags),
    aliases: v.aliases ?? [],
    creationTimestamp: v.creation_timestamp ?? 0,
  };
}

export function toRegisteredModel(m: RawRegisteredModel): RegisteredModel {
  const aliases: Record<string, string> = {};
  for (const a of m.aliases ?? []) aliases[a.alias] = String(a.version);
  return {
    name: m.name,
    description: m.description ?? "",
    tags: tagsToRecord(m.tags),
    aliases,
    creationTimestamp: m.creation_timestamp ?? 0,
    lastUpdatedTimestamp: m.last_updated_timestamp ?? 0,
  };
}
