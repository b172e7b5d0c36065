/**
 * A typed client for MLflow's REST API 2.0, over fetch: what the Python `MlflowClient` does, minus the magic.
 * Every call is one HTTP request you could make with curl, which is the point: CI jobs, other languages and this
 * workspace all talk to the same tracking server the same way.
 *
 *   const mlflow = new MlflowClient("http://127.0.0.1:5000");
 *   const exp = await mlflow.getOrCreateExperiment("breast-cancer");
 *   const run = await mlflow.createRun({ experimentId: exp.experimentId, runName: "rf-seed-42" });
 *   await mlflow.logBatch(run.info.runId, { params: { nEstimators: 100 }, metrics: [{ key: "auc", value: 0.99 }] });
 *   await mlflow.uploadArtifact(run.info, "model/model.json", json);
 *   await mlflow.endRun(run.info.runId);
 *
 * Endpoints: https://mlflow.org/docs/latest/api_reference/rest-api.html. Artifacts go through the server's proxy
 * (`mlflow-artifacts` API): the server stores them wherever it was told to (a folder here, S3 in production).
 * Errors: MlflowNetworkError (no answer) and MlflowApiError (MLflow's {error_code, message}), see mlflow-errors.ts.
 */
import { hasErrorCode, MlflowApiError, MlflowError, MlflowNetworkError, networkReason } from "./mlflow-errors";
import {
  type ArtifactFile,
  type Experiment,
  type Metric,
  type ModelVersion,
  type RawExperiment,
  type RawModelVersion,
  type RawRegisteredModel,
  type RawRun,
  type RawTag,
  type RegisteredModel,
  type Run,
  type RunStatus,
  recordToTags,
  toExperiment,
  toModelVersion,
  toRegisteredModel,
  toRun,
} from "./mlflow-types";

/** MLflow's LogBatch limits: at most 1000 items per request, of which 1000 metrics, 100 params, 100 tags. */
export const LOG_BATCH_LIMITS = { total: 1000, metrics: 1000, params: 100, tags: 100 } as const;

export interface MlflowClientOptions {
  /** Per-request time-out. Default 30 s. */
  timeoutMs?: number;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof fetch;
}

/** A metric point to log: step defaults to 0 and timestamp to now. */
export interface MetricInput {
  key: string;
  value: number;
  step?: number;
  timestamp?: number;
}

export interface LogBatchInput {
  metrics?: MetricInput[];
  params?: Record<string, string | number | boolean>;
  tags?: Record<string, string | number | boolean>;
}

export interface CreateRunInput {
  experimentId: string;
  runName?: string;
  tags?: Record<string, string | number | boolean>;
  /** Milliseconds since the epoch; default now. */
  startTime?: number;
}

export interface SearchRunsInput {
  experimentIds: string[];
  /** MLflow's search syntax, e.g. "metrics.auc > 0.9 and params.seed = '42'". */
  filter?: string;
  /** e.g. ["metrics.auc DESC", "attributes.start_time DESC"]. */
  orderBy?: string[];
  /** Stop after this many runs (all pages are read up to it). Default 1000. */
  maxResults?: number;
}

export interface CreateModelVersionInput {
  name: string;
  /** Where the model's files are: usually `<run artifactUri>/model`. */
  source: string;
  runId?: string;
  tags?: Record<string, string | number | boolean>;
  description?: string;
}

type Query = Record<string, string | number | undefined>;

export class MlflowClient {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:5000. */
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(baseUrl: string, options: MlflowClientOptions = {}) {
    if (!/^https?:\/\//.test(baseUrl)) {
      throw new Error(`MLflow's URL must start with http:// or https://, got "${baseUrl}".`);
    }
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  // ---- HTTP plumbing -----------------------------------------------------------------------------------------

  /** One request; returns the raw Response after turning network failures and error statuses into typed errors. */
  private async send(
    method: string,
    path: string,
    init: { query?: Query; body?: Uint8Array; contentType?: string; json?: unknown } = {},
  ) {
    const qs = Object.entries(init.query ?? {})
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    const endpoint = `${method} ${path}`;
    const headers: Record<string, string> = {};
    let body: string | Buffer | undefined =
      init.body && Buffer.from(init.body.buffer, init.body.byteOffset, init.body.byteLength);
    if (init.contentType) headers["content-type"] = init.contentType;
    if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(init.json);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}${qs ? `?${qs}` : ""}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new MlflowNetworkError(endpoint, this.baseUrl, networkReason(err, this.timeoutMs), err);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => "");
      let code = `HTTP_${response.status}`;
      let detail = text.slice(0, 500) || response.statusText;
      try {
        const parsed = JSON.parse(text) as { error_code?: string; message?: string };
        if (parsed.error_code) code = parsed.error_code;
        if (parsed.message) detail = parsed.message;
      } catch {
        // Not MLflow's JSON error (a proxy's HTML page, say): keep the start of the body.
      }
      throw new MlflowApiError(endpoint, response.status, code, detail);
    }
    return { response, endpoint };
  }

  /** A JSON call to /api/2.0/mlflow/<path>: GET with a query string, POST/PATCH/DELETE with a JSON body. */
  private async call<T>(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, payload: Query | object = {}) {
    const full = `/api/2.0/mlflow/${path}`;
    const { response, endpoint } =
      method === "GET"
        ? await this.send(method, full, { query: payload as Query })
        : await this.send(method, full, { json: payload });
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new MlflowError(endpoint, `${endpoint} answered with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }

  // ---- Experiments ---------------------------------------------------------------------------------------------

  async createExperiment(name: string, tags?: Record<string, string>): Promise<string> {
    const r = await this.call<{ experiment_id: string }>("POST", "experiments/create", {
      name,
      tags: recordToTags(tags),
    });
    return r.experiment_id;
  }

  /** The experiment, or undefined when no experiment has that name. */
  async getExperimentByName(name: string): Promise<Experiment | undefined> {
    try {
      const r = await this.call<{ experiment: RawExperiment }>("GET", "experiments/get-by-name", {
        experiment_name: name,
      });
      return toExperiment(r.experiment);
    } catch (err) {
      if (hasErrorCode(err, "RESOURCE_DOES_NOT_EXIST")) return undefined;
      throw err;
    }
  }

  /** Gets the experiment, creating it first if needed (safe when two processes race to create it). */
  async getOrCreateExperiment(name: string): Promise<Experiment> {
    const found = await this.getExperimentByName(name);
    if (found) return found;
    try {
      await this.createExperiment(name);
    } catch (err) {
      if (!hasErrorCode(err, "RESOURCE_ALREADY_EXISTS")) throw err;
    }
    const created = await this.getExperimentByName(name);
    if (!created) throw new MlflowError("experiments/create", `experiment "${name}" vanished right after creation`);
    return created;
  }

  // ---- Runs ----------------------------------------------------------------------------------------------------

  async createRun(input: CreateRunInput): Promise<Run> {
    const r = await this.call<{ run: RawRun }>("POST", "runs/create", {
      experiment_id: input.experimentId,
      run_name: input.runName,
      start_time: input.startTime ?? Date.now(),
      tags: recordToTags(input.tags),
    });
    return toRun(r.run);
  }

  async getRun(runId: string): Promise<Run> {
    const r = await this.call<{ run: RawRun }>("GET", "runs/get", { run_id: runId });
    return toRun(r.run);
  }

  async updateRun(runId: string, update: { status?: RunStatus; endTime?: number; runName?: string }): Promise<void> {
    await this.call("POST", "runs/update", {
      run_id: runId,
      status: update.status,
      end_time: update.endTime,
      run_name: update.runName,
    });
  }

  /** Marks the run finished (or FAILED/KILLED) now. */
  async endRun(runId: string, status: RunStatus = "FINISHED"): Promise<void> {
    await this.updateRun(runId, { status, endTime: Date.now() });
  }

  /** Runs matching a filter, reading every page up to maxResults. */
  async searchRuns(input: SearchRunsInput): Promise<Run[]> {
    const max = input.maxResults ?? 1000;
    const runs: Run[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.call<{ runs?: RawRun[]; next_page_token?: string }>("POST", "runs/search", {
        experiment_ids: input.experimentIds,
        filter: input.filter ?? "",
        order_by: input.orderBy ?? [],
        max_results: Math.min(1000, max - runs.length),
        page_token: pageToken,
      });
      runs.push(...(r.runs ?? []).map(toRun));
      pageToken = r.next_page_token || undefined;
    } while (pageToken && runs.length < max);
    return runs;
  }

  // ---- Params, metrics, tags -----------------------------------------------------------------------------------

  /** Logs metrics, params and tags in as few requests as MLflow's limits allow (see LOG_BATCH_LIMITS). */
  async logBatch(runId: string, batch: LogBatchInput): Promise<void> {
    const now = Date.now();
    const metrics = (batch.metrics ?? []).map((m) => {
      if (!Number.isFinite(m.value)) throw new Error(`metric ${m.key} is ${m.value}: MLflow stores finite numbers.`);
      return { key: m.key, value: m.value, step: m.step ?? 0, timestamp: m.timestamp ?? now };
    });
    const params = recordToTags(batch.params);
    const tags = recordToTags(batch.tags);
    // Params and tags first (they are few), then metrics fill the rest of each request.
    while (metrics.length + params.length + tags.length > 0) {
      const p = params.splice(0, LOG_BATCH_LIMITS.params);
      const t = tags.splice(0, LOG_BATCH_LIMITS.tags);
      const m = metrics.splice(0, Math.min(LOG_BATCH_LIMITS.metrics, LOG_BATCH_LIMITS.total - p.length - t.length));
      await this.call("POST", "runs/log-batch", { run_id: runId, metrics: m, params: p, tags: t });
    }
  }

  async logParams(runId: string, params: Record<string, string | number | boolean>): Promise<void> {
    await this.logBatch(runId, { params });
  }

  /** Several metrics at one step (an epoch, a pipeline step). */
  async logMetrics(runId: string, metrics: Record<string, number>, step = 0): Promise<void> {
    await this.logBatch(runId, { metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, step })) });
  }

  async setTags(runId: string, tags: Record<string, string | number | boolean>): Promise<void> {
    await this.logBatch(runId, { tags });
  }

  /** Every logged value of one metric, in step order. */
  async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
    const out: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.call<{ metrics?: Metric[]; next_page_token?: string }>("GET", "metrics/get-history", {
        run_id: runId,
        metric_key: key,
        page_token: pageToken,
      });
      out.push(...(r.metrics ?? []));
      pageToken = r.next_page_token || undefined;
    } while (pageToken);
    return out.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  }

  // ---- Artifacts (through the server's mlflow-artifacts proxy) --------------------------------------------------

  /** The proxy path for an artifact under an `mlflow-artifacts:` URI (a run's artifactUri, a model's source). */
  artifactProxyPath(artifactUri: string, relative = ""): string {
    const m = /^mlflow-artifacts:(?:\/\/[^/]*)?\/?(.*)$/.exec(artifactUri);
    if (!m) {
      throw new Error(
        `"${artifactUri}" is not an mlflow-artifacts: URI, so it cannot go through the server's artifact proxy. ` +
          "Start the server with artifact serving on (the default; see mlflow-server.ts).",
      );
    }
    const parts = [...m[1].split("/"), ...relative.split("/")].filter((p) => p !== "");
    if (parts.includes("..")) throw new Error(`artifact path "${relative}" must not contain "..".`);
    return `/api/2.0/mlflow-artifacts/artifacts/${parts.map(encodeURIComponent).join("/")}`;
  }

  /** Uploads one file to `path` (e.g. "model/model.json") under a run's artifact root. */
  async uploadArtifact(
    run: { artifactUri: string },
    path: string,
    content: string | Uint8Array,
    contentType = path.endsWith(".json") ? "application/json" : "application/octet-stream",
  ): Promise<void> {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const { response } = await this.send("PUT", this.artifactProxyPath(run.artifactUri, path), {
      body: bytes,
      contentType,
    });
    await response.text();
  }

  /** Downloads one artifact's bytes, from a run's artifact root or a model version's source. */
  async downloadArtifact(artifactUri: string, path = ""): Promise<Buffer> {
    const { response } = await this.send("GET", this.artifactProxyPath(artifactUri, path));
    return Buffer.from(await response.arrayBuffer());
  }

  /** The files and folders directly under `path` in a run's artifacts (recursive: listArtifactsDeep). */
  async listArtifacts(runId: string, path?: string): Promise<ArtifactFile[]> {
    const r = await this.call<{ files?: { path: string; is_dir: boolean; file_size?: number | string }[] }>(
      "GET",
      "artifacts/list",
      { run_id: runId, path },
    );
    return (r.files ?? []).map((f) => ({
      path: f.path,
      isDir: f.is_dir,
      ...(f.file_size !== undefined ? { fileSize: Number(f.file_size) } : {}),
    }));
  }

  /** Every file (not folder) in a run's artifacts, walking down the folders. */
  async listArtifactsDeep(runId: string, path?: string): Promise<ArtifactFile[]> {
    const out: ArtifactFile[] = [];
    for (const f of await this.listArtifacts(runId, path)) {
      if (f.isDir) out.push(...(await this.listArtifactsDeep(runId, f.path)));
      else out.push(f);
    }
    return out;
  }

  // ---- Model registry ------------------------------------------------------------------------------------------

  async createRegisteredModel(name: string, description?: string, tags?: Record<string, string>) {
    const r = await this.call<{ registered_model: RawRegisteredModel }>("POST", "registered-models/create", {
      name,
      description,
      tags: recordToTags(tags),
    });
    return toRegisteredModel(r.registered_model);
  }

  /** The registered model, or undefined if there is none by that name. */
  async getRegisteredModel(name: string): Promise<RegisteredModel | undefined> {
    try {
      const r = await this.call<{ registered_model: RawRegisteredModel }>("GET", "registered-models/get", { name });
      return toRegisteredModel(r.registered_model);
    } catch (err) {
      if (hasErrorCode(err, "RESOURCE_DOES_NOT_EXIST")) return undefined;
      throw err;
    }
  }

  async getOrCreateRegisteredModel(name: string, description?: string): Promise<RegisteredModel> {
    const found = await this.getRegisteredModel(name);
    if (found) return found;
    try {
      return await this.createRegisteredModel(name, description);
    } catch (err) {
      if (!hasErrorCode(err, "RESOURCE_ALREADY_EXISTS")) throw err;
      const again = await this.getRegisteredModel(name);
      if (!again) throw err;
      return again;
    }
  }

  async createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    const r = await this.call<{ model_version: RawModelVersion }>("POST", "model-versions/create", {
      name: input.name,
      source: input.source,
      run_id: input.runId,
      description: input.description,
      tags: recordToTags(input.tags),
    });
    return toModelVersion(r.model_version);
  }

  async getModelVersion(name: string, version: string | number): Promise<ModelVersion> {
    const r = await this.call<{ model_version: RawModelVersion }>("GET", "model-versions/get", {
      name,
      version: String(version),
    });
    return toModelVersion(r.model_version);
  }

  /** Waits until a new version leaves PENDING_REGISTRATION (instant with a local store, slower with some backends). */
  async waitForModelVersion(name: string, version: string, timeoutMs = 30_000): Promise<ModelVersion> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await this.getModelVersion(name, version);
      if (v.status === "READY") return v;
      if (v.status === "FAILED_REGISTRATION") {
        throw new MlflowError("model-versions/get", `model ${name} version ${version} failed to register.`);
      }
      if (Date.now() > deadline) {
        throw new MlflowError("model-versions/get", `model ${name} version ${version} still ${v.status}.`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Versions of one model, newest first. */
  async listModelVersions(name: string): Promise<ModelVersion[]> {
    const out: ModelVersion[] = [];
    let pageToken: string | undefined;
    do {
      const r = await this.call<{ model_versions?: RawModelVersion[]; next_page_token?: string }>(
        "GET",
        "model-versions/search",
        { filter: `name='${name.replace(/'/g, "\\'")}'`, max_results: 1000, page_token: pageToken },
      );
      out.push(...(r.model_versions ?? []).map(toModelVersion));
      pageToken = r.next_page_token || undefined;
    } while (pageToken);
    return out.sort((a, b) => Number(b.version) - Number(a.version));
  }

  async setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void> {
    await this.call("POST", "model-versions/set-tag", { name, version, key, value });
  }

  /** Points `alias` (e.g. "champion") at `version`, moving it if it pointed elsewhere. */
  async setAlias(name: string, alias: string, version: string | number): Promise<void> {
    await this.call("POST", "registered-models/alias", { name, alias, version: String(version) });
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    await this.call("DELETE", "registered-models/alias", { name, alias });
  }

  /** The version an alias points at, or undefined when the model or the alias does not exist. */
  async getVersionByAlias(name: string, alias: string): Promise<ModelVersion | undefined> {
    try {
      const r = await this.call<{ model_version: RawModelVersion }>("GET", "registered-models/alias", {
        name,
        alias,
      });
      return toModelVersion(r.model_version);
    } catch (err) {
      // MLflow says INVALID_PARAMETER_VALUE for a missing alias and RESOURCE_DOES_NOT_EXIST for a missing model.
      if (hasErrorCode(err, "RESOURCE_DOES_NOT_EXIST")) return undefined;
      if (hasErrorCode(err, "INVALID_PARAMETER_VALUE") && /alias .* not found/i.test((err as Error).message)) {
        return undefined;
      }
      throw err;
    }
  }
}

export type { RawTag };
