/**
 * The ONE saved-model format of the workspace (what joblib files are to scikit-learn): a JSON envelope that says
 * what the model is, what it expects as input, how it was trained, and a checksum that proves the file is intact.
 *
 *   {
 *     "format": "ml-study-model", "schemaVersion": 1,
 *     "kind": "random-forest",              // what `model` holds: "decision-tree", "random-forest", "tfjs-layers", ...
 *     "task": "classification",
 *     "featureNames": ["mean_radius", ...],  // ORDER MATTERS: row[j] must be featureNames[j]
 *     "classNames": ["malignant", "benign"], // classification: y = i means classNames[i]
 *     "metadata": { "trainedAt": "2025-...Z", "dataset": "breast-cancer", "rows": 569, "params": {...}, "metrics": {...} },
 *     "files": [{ "path": "weights.bin", "sha256": "...", "bytes": 1234 }],  // optional companions, beside the JSON
 *     "model": { ... },                      // kind-specific payload; this file never looks inside it
 *     "checksum": "<sha256 of the canonical JSON of everything above>"
 *   }
 *
 * The envelope is generic on purpose: a kind whose weights live in other files (a tfjs "tfjs-layers" model with
 * model.json and weights.bin) lists them in `files`, stored in the artifact's folder; loading checks they exist and
 * match their sha256, and the checksum covers that list, so the whole bundle is verified together.
 *
 * Loading fails with an ArtifactError whose `code` and message name the problem: missing file, empty or truncated
 * file, not JSON, not this format, unsupported schemaVersion, invalid structure, checksum mismatch, wrong kind/task.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, normalize, sep } from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { writeFileAtomic } from "../workspace/atomic-write";

export const ARTIFACT_FORMAT = "ml-study-model";
/** The schemaVersion this code writes. */
export const SCHEMA_VERSION = 1;
/** The schemaVersions this code can read. A new version adds a reader here before it writes anything. */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [1];

const Sha256 = Type.String({ pattern: "^[0-9a-f]{64}$" });

const MetadataSchema = Type.Object(
  {
    /** ISO 8601 time of training, e.g. new Date().toISOString(). */
    trainedAt: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}T" }),
    /** Name of the training data (a workspace dataset name, or a description). */
    dataset: Type.Optional(Type.String()),
    /** Training rows. */
    rows: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Hyper-parameters, as the model reports them. */
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** Scores measured at training time (null when a score does not apply). */
    metrics: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]))),
  },
  { additionalProperties: true },
);

const CompanionFileSchema = Type.Object(
  {
    /** Relative to the artifact's folder, e.g. "weights.bin" or "tfjs/model.json"; never absolute or "..". */
    path: Type.String({ minLength: 1 }),
    sha256: Sha256,
    bytes: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const ArtifactSchema = Type.Object(
  {
    format: Type.Literal(ARTIFACT_FORMAT),
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    kind: Type.String({ minLength: 1 }),
    /** "classification" or "regression" for the models here; any non-empty string for other kinds. */
    task: Type.String({ minLength: 1 }),
    featureNames: Type.Array(Type.String()),
    classNames: Type.Optional(Type.Array(Type.String())),
    metadata: MetadataSchema,
    files: Type.Optional(Type.Array(CompanionFileSchema)),
    model: Type.Unknown(),
    checksum: Sha256,
  },
  { additionalProperties: false },
);

export type ArtifactMetadata = Static<typeof MetadataSchema>;
export type CompanionFile = Static<typeof CompanionFileSchema>;
/** A saved model. M is the kind-specific payload (ForestModel for "random-forest", ...). */
export type ModelArtifact<M = unknown> = Omit<Static<typeof ArtifactSchema>, "model"> & { model: M };
/** What you fill in to make an artifact: format, schemaVersion and checksum are added for you. */
export type ArtifactFields<M = unknown> = Omit<
  ModelArtifact<M>,
  "format" | "schemaVersion" | "checksum" | "metadata"
> & {
  metadata: Omit<ArtifactMetadata, "trainedAt"> & { trainedAt?: string };
};

/** The order fields are written in: what it is first, the bulky payload and the checksum last. */
const FIELD_ORDER = [
  "format",
  "schemaVersion",
  "kind",
  "task",
  "featureNames",
  "classNames",
  "metadata",
  "files",
  "model",
  "checksum",
] as const;

export type ArtifactErrorCode =
  | "missing"
  | "truncated"
  | "not-json"
  | "wrong-format"
  | "unsupported-version"
  | "invalid"
  | "checksum-mismatch"
  | "wrong-kind"
  | "wrong-task"
  | "companion-missing"
  | "companion-corrupt";

/** Every load failure: `code` for programs (an API can map it to a status), the message for people. */
export class ArtifactError extends Error {
  constructor(
    readonly code: ArtifactErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ArtifactError";
  }
}

/**
 * JSON with object keys sorted at every level and no whitespace: the same data always gives the same text, whatever
 * order the keys were built in, so its hash is a fingerprint of the content. Non-finite numbers are refused (JSON
 * would silently turn them into null).
 */
export function canonicalJson(value: unknown, where = "artifact"): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where} is ${value}: JSON cannot hold non-finite numbers.`);
    return JSON.stringify(value);
  }
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>), where);
  if (Array.isArray(value)) return `[${value.map((v, i) => canonicalJson(v ?? null, `${where}[${i}]`)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], `${where}.${k}`)}`);
    return `{${entries.join(",")}}`;
  }
  throw new Error(`${where} is a ${typeof value}: artifacts hold only JSON data.`);
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** sha256 of the canonical JSON of the artifact without its checksum field. */
export function artifactChecksum(artifact: Omit<ModelArtifact, "checksum"> & { checksum?: string }): string {
  const { checksum: _ignored, ...content } = artifact;
  return sha256(canonicalJson(content));
}

/** Fill in format, schemaVersion, trainedAt (now, if missing) and the checksum. */
export function createArtifact<M>(fields: ArtifactFields<M>): ModelArtifact<M> {
  const content = {
    format: ARTIFACT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    ...fields,
    metadata: { ...fields.metadata, trainedAt: fields.metadata.trainedAt ?? new Date().toISOString() },
  } as Omit<ModelArtifact<M>, "checksum">;
  // Going through JSON drops undefined fields and typed arrays' class: what is hashed is exactly what gets written.
  const plain = JSON.parse(canonicalJson(content)) as Omit<ModelArtifact<M>, "checksum">;
  return { ...plain, checksum: artifactChecksum(plain) } as ModelArtifact<M>;
}

/** Where a companion file of the artifact at `artifactPath` lives, refusing paths that leave its folder. */
export function companionPath(artifactPath: string, relative: string): string {
  const clean = normalize(relative);
  if (isAbsolute(relative) || clean === ".." || clean.startsWith(`..${sep}`) || clean.startsWith("../")) {
    throw new ArtifactError("invalid", `companion file path "${relative}" must stay inside the artifact's folder.`);
  }
  return join(dirname(artifactPath), clean);
}

/** The `files` entry for a companion already written next to the artifact (for kinds like tfjs-layers). */
export function describeCompanion(artifactPath: string, relative: string): CompanionFile {
  const bytes = readFileSync(companionPath(artifactPath, relative));
  return { path: relative, sha256: sha256(bytes), bytes: bytes.length };
}

/**
 * Write the artifact to `path` atomically: to a temporary file in the same folder, flushed to disk, then renamed over
 * `path`. A crash mid-save leaves the old file or the new one, never half of one (a reader would see truncated JSON).
 * The checksum is recomputed from the content, so editing metadata before saving is fine. Returns what was written.
 */
export function saveArtifact<M>(path: string, artifact: ModelArtifact<M> | ArtifactFields<M>): ModelArtifact<M> {
  const { checksum: _old, format: _f, schemaVersion: _v, ...fields } = artifact as ModelArtifact<M>;
  const final = createArtifact<M>(fields as ArtifactFields<M>);
  if (!Value.Check(ArtifactSchema, final)) {
    throw new ArtifactError("invalid", `refusing to save an invalid artifact: ${schemaErrors(final)}`);
  }
  // One top-level field per line, so `head model.json` shows what it is; the payload stays on one compact line.
  const text = `{\n${FIELD_ORDER.filter((k) => final[k] !== undefined)
    .map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(final[k])}`)
    .join(",\n")}\n}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, text);
  return final;
}

export interface LoadArtifactOptions {
  /** Fail unless the artifact holds this kind, e.g. "random-forest". */
  expectKind?: string;
  /** Fail unless the artifact is for this task. */
  expectTask?: string;
}

function schemaErrors(value: unknown): string {
  const errors = [...Value.Errors(ArtifactSchema, value)].slice(0, 5);
  return errors.map((e) => `${e.path || "/"}: ${e.message}`).join("; ");
}

/** Read, check and return the artifact at `path`. Checks run from the most basic to the most specific. */
export function loadArtifact<M = unknown>(path: string, opts: LoadArtifactOptions = {}): ModelArtifact<M> {
  const name = `Model artifact ${path}`;
  if (!existsSync(path)) {
    throw new ArtifactError("missing", `${name} not found: train and save a model first, or check the path.`);
  }
  if (statSync(path).isDirectory()) {
    throw new ArtifactError("missing", `${name} is a folder: give the path of the artifact's .json file inside it.`);
  }
  const text = readFileSync(path, "utf8");
  if (text.trim() === "") {
    throw new ArtifactError(
      "truncated",
      `${name} is empty: the save was interrupted or the copy failed; save it again.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const why = (err as Error).message;
    // A file cut short ends inside the JSON: the parser runs out of input, or the closing brace is missing.
    const atEnd = /end of JSON input|Unterminated/i.test(why) || !text.trimEnd().endsWith("}");
    if (atEnd) {
      throw new ArtifactError(
        "truncated",
        `${name} is truncated: its JSON stops early (${why}). The save was interrupted or the copy is incomplete; ` +
          "save it again.",
      );
    }
    throw new ArtifactError("not-json", `${name} is not valid JSON (${why}): it is corrupt or not a model artifact.`);
  }
  const obj = (typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (obj.format !== ARTIFACT_FORMAT) {
    throw new ArtifactError(
      "wrong-format",
      `${name} is not an ${ARTIFACT_FORMAT} artifact: its "format" is ${JSON.stringify(obj.format) ?? "missing"}, ` +
        `expected "${ARTIFACT_FORMAT}".`,
    );
  }
  const version = obj.schemaVersion;
  if (typeof version !== "number" || !SUPPORTED_SCHEMA_VERSIONS.includes(version)) {
    const newer = typeof version === "number" && version > Math.max(...SUPPORTED_SCHEMA_VERSIONS);
    throw new ArtifactError(
      "unsupported-version",
      `${name} has schemaVersion ${JSON.stringify(version)}, which this code cannot read ` +
        `(supported schemaVersion: ${SUPPORTED_SCHEMA_VERSIONS.join(", ")}). ` +
        (newer ? "It was written by newer code: update this workspace." : "Retrain the model and save it again."),
    );
  }
  if (!Value.Check(ArtifactSchema, raw)) {
    throw new ArtifactError("invalid", `${name} does not have the ${ARTIFACT_FORMAT} structure: ${schemaErrors(raw)}`);
  }
  const artifact = raw as ModelArtifact<M>;
  const computed = artifactChecksum(artifact);
  if (computed !== artifact.checksum) {
    throw new ArtifactError(
      "checksum-mismatch",
      `${name} is corrupt: its checksum does not match its content (stored ${artifact.checksum.slice(0, 12)}..., ` +
        `computed ${computed.slice(0, 12)}...). It changed after it was saved; restore it or retrain and save again.`,
    );
  }
  if (opts.expectKind !== undefined && artifact.kind !== opts.expectKind) {
    throw new ArtifactError(
      "wrong-kind",
      `${name} holds a "${artifact.kind}" model, but a "${opts.expectKind}" was expected.`,
    );
  }
  if (opts.expectTask !== undefined && artifact.task !== opts.expectTask) {
    throw new ArtifactError(
      "wrong-task",
      `${name} is a ${artifact.task} model, but a ${opts.expectTask} model was expected.`,
    );
  }
  for (const file of artifact.files ?? []) {
    const where = companionPath(path, file.path);
    if (!existsSync(where)) {
      throw new ArtifactError("companion-missing", `${name} needs ${file.path} beside it, but ${where} is missing.`);
    }
    const bytes = readFileSync(where);
    if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256) {
      throw new ArtifactError(
        "companion-corrupt",
        `${name}: its companion ${file.path} is corrupt (size or sha256 differs from when it was saved).`,
      );
    }
  }
  return artifact;
}
