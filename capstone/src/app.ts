/**
 * build(): the whole API as a Fastify instance that never listens. server.ts adds listen() and signals; tests call
 * app.inject() and never open a port.
 *
 *   const app = build({ config: { maxBatch: 100 } });     // loads config.modelPath once the app is ready
 *   const app = build({ modelPath: "/tmp/model.json" });   // a model file of your choice
 *   // In a notebook: the event loop is the kernel's, and a long cell makes it lag, which the load shedder would
 *   // answer with 503 OVERLOADED; turn shedding off there:
 *   const app = build({ modelPath, config: { maxEventLoopDelayMs: 0, logLevel: "warn" } });
 *   const app = build({ loadModel: () => myModel });       // or any model
 *   await app.ready(); await app.serving.loaded;           // the load attempt is over (ready or failed)
 *
 * The pieces a learner may swap for their own are options: runBatch (the batch path), readiness (the state machine),
 * instanceSchema (what one instance looks like). The rest (errors, logs, metrics, docs, load shedding) stays.
 *
 * Start-up order: routes first, then the model loads in the background. /healthz answers at once, /readyz only once
 * the model loaded and a warm-up prediction succeeded. A missing or corrupt model logs ONE error line and leaves the
 * replica alive but not ready (restarting would not fix a bad file; an alert on model_ready == 0 should).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { resolve } from "node:path";
import underPressure, { type FastifyUnderPressureOptions as UnderPressureOptions } from "@fastify/under-pressure";
import type { TObject } from "@sinclair/typebox";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import pino, { type DestinationStream } from "pino";
import { type Config, defaultConfig } from "./config";
import { ApiError, ERROR_CODES, envelope, sendError, toApiError } from "./errors";
import { createMetrics } from "./metrics";
import { loadServingModel, type ServingModel, warmUp } from "./model";
import { registerOpenApi } from "./openapi";
import { runBatch as defaultRunBatch, type RunBatch } from "./predict/batch";
import { compileInstanceValidator } from "./predict/validate";
import { createReadiness, type Readiness } from "./readiness";
import { predictRoutes } from "./routes/predict";
import { probeRoutes } from "./routes/probes";
import { instanceSchema as defaultInstanceSchema } from "./schemas";
import type { ServingState } from "./state";

export type { ServingState } from "./state";

export interface BuildOptions {
  /** The model file to serve: shorthand for config.modelPath (default capstone/model/model.json). */
  modelPath?: string;
  /** Any field left out takes its default (config.ts); MODEL_PATH's default is capstone/model/model.json. */
  config?: Partial<Config>;
  /** Where the model comes from. Default: loadServingModel(config.modelPath), through src/ml's artifact loader. */
  loadModel?: () => ServingModel | Promise<ServingModel>;
  /** The batch path (validate + predict + shape the answer). Default: predict/batch.ts. */
  runBatch?: RunBatch;
  /** The readiness state machine. Default: readiness.ts. */
  readiness?: Readiness;
  /** What one instance looks like, from the model's feature names. Default: schemas.ts instanceSchema. */
  instanceSchema?: (featureNames: readonly string[]) => TObject;
  /** A ready pino logger. Default: a new one at config.logLevel writing JSON lines to `logStream`. */
  logger?: FastifyBaseLogger;
  /** Where the default logger writes (default stdout). Tests pass a stream to read the log lines. */
  logStream?: DestinationStream;
  /** Extra @fastify/under-pressure options (tests force overload with maxHeapUsedBytes: 1). */
  underPressure?: Partial<UnderPressureOptions>;
  /** prom-client's process metrics (default true). */
  defaultMetrics?: boolean;
}

/** x-request-id values we accept from clients: short and printable, so they cannot forge log content. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createLogger(level: Config["logLevel"], stream?: DestinationStream): FastifyBaseLogger {
  return pino(
    {
      level,
      base: { service: "capstone-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" instead of "level":30: log pipelines and people read names.
      formatters: { level: (label) => ({ level: label }) },
    },
    stream ?? pino.destination({ dest: 1, sync: true }),
  ) as unknown as FastifyBaseLogger;
}

export function build(options: BuildOptions = {}): FastifyInstance {
  const config: Config = {
    ...defaultConfig(),
    ...options.config,
    ...(options.modelPath === undefined ? {} : { modelPath: resolve(options.modelPath) }),
  };
  const readiness = options.readiness ?? createReadiness();
  const metrics = createMetrics({ readiness, defaultMetrics: options.defaultMetrics });
  const makeInstanceSchema = options.instanceSchema ?? defaultInstanceSchema;
  const loadModel = options.loadModel ?? (() => loadServingModel(config.modelPath));
  const logger = options.logger ?? createLogger(config.logLevel, options.logStream);

  let settle: () => void = () => {};
  const state: ServingState = {
    config,
    readiness,
    metrics,
    runBatch: options.runBatch ?? defaultRunBatch,
    model: null,
    validator: null,
    loaded: new Promise<void>((resolve) => {
      settle = resolve;
    }),
  };

  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    // One access line per request, written in onResponse below, with the id under "requestId".
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    genReqId: (req: IncomingMessage) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // While closing, keep answering requests that still arrive on open connections (with Connection: close)
    // instead of Fastify's bare 503: a request the server accepted must not fail because of a deploy.
    return503OnClosing: false,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Errors the router raises before any route runs (a malformed URL): the same envelope.
    frameworkErrors: (error, request, reply) => {
      const api = toApiError(error);
      request.errorCode = api.code;
      sendError(reply, api);
    },
    // A request so malformed that HTTP parsing failed: there is no request object, answer on the raw socket.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Socket) => {
      if (error.code === "ECONNRESET" || !socket.writable) {
        socket.destroy();
        return;
      }
      const body = JSON.stringify(
        envelope(new ApiError("INVALID_REQUEST", "The HTTP request is malformed."), randomUUID()),
      );
      socket.end(
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n" +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
  });

  app.decorate("serving", state);
  app.decorateRequest("errorCode", null);

  // Only JSON (and, on /invocations, CSV): anything else is 415, not a string body that fails later as a 400.
  app.removeContentTypeParser("text/plain");

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    // No route matched: answer 404/405 now, before any body is read or parsed (a QUERY or POST to an unknown
    // path must not fail on its Content-Type first, and a large body sent nowhere is not worth reading).
    if (request.is404) {
      notFound(request, reply);
      return;
    }
    done();
  });
  // While draining, every answer closes its connection: keep-alive clients reconnect (to another replica), and a
  // connection that was busy when SIGTERM came does not sit idle until its keep-alive timeout delays the exit.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (readiness.state === "draining") reply.header("connection", "close");
    done(null, payload);
  });
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const seconds = reply.elapsedTime / 1000;
    metrics.requestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
    if (request.errorCode !== null) metrics.errors.inc({ code: request.errorCode });
    request.log.info(
      {
        method: request.method,
        url: request.url.length > 200 ? `${request.url.slice(0, 200)}...` : request.url,
        route,
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
        ...(request.errorCode === null ? {} : { errorCode: request.errorCode }),
      },
      "request completed",
    );
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const api = toApiError(error);
    request.errorCode = api.code;
    // The cause (message, stack) goes to the log, under the request's id; the client gets the envelope only.
    // Expected answers (4xx, NOT_READY, OVERLOADED) are in the access line's errorCode; only a bug is an error line.
    if (api.code === "INTERNAL_ERROR") request.log.error({ err: error }, "request failed");
    return sendError(reply, api);
  });
  // Which methods each path takes, so a known path with another method is a 405 with Allow, not a 404.
  const methodsByPath = new Map<string, Set<string>>();
  app.addHook("onRoute", (route) => {
    const methods = methodsByPath.get(route.url) ?? new Set<string>();
    for (const m of [route.method].flat()) methods.add(m);
    methodsByPath.set(route.url, methods);
  });
  function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const path = request.url.split("?")[0];
    const shown = path.length > 100 ? `${path.slice(0, 100)}...` : path;
    const allowed = methodsByPath.get(path);
    const api = allowed
      ? new ApiError(
          "METHOD_NOT_ALLOWED",
          `${shown} does not take ${request.method}; it takes ${[...allowed].join(", ")}.`,
        )
      : new ApiError("NOT_FOUND", `No route for ${request.method} ${shown}.`);
    if (allowed) reply.header("allow", [...allowed].join(", "));
    request.errorCode = api.code;
    return sendError(reply, api);
  }
  app.setNotFoundHandler(notFound);

  registerOpenApi(app, () => state.model);
  app.register(probeRoutes(state));
  // The work routes, in their own scope with the load shedder; probes and metrics stay outside it.
  app.register(async (work) => {
    const shedding: UnderPressureOptions = {
      maxEventLoopDelay: config.maxEventLoopDelayMs,
      retryAfter: ERROR_CODES.OVERLOADED.retryAfterSeconds,
      ...options.underPressure,
    };
    await work.register(underPressure, shedding);
    await work.register(predictRoutes(state));
  });

  // The model loads after the app is ready (so /healthz answers meanwhile), never blocking ready() or listen().
  app.addHook("onReady", (done) => {
    setImmediate(() => {
      startModel(app, state, loadModel, makeInstanceSchema).finally(settle);
    });
    done();
  });
  return app;
}

/** loading -> warming -> ready, or failed with ONE clear log line. Never throws. */
async function startModel(
  app: FastifyInstance,
  state: ServingState,
  loadModel: () => ServingModel | Promise<ServingModel>,
  makeInstanceSchema: (featureNames: readonly string[]) => TObject,
): Promise<void> {
  const { readiness } = state;
  const started = Date.now();
  try {
    if (!readiness.loading()) return; // already draining
    const model = await loadModel();
    if (!readiness.warming()) return;
    warmUp(model);
    const validator = compileInstanceValidator(makeInstanceSchema(model.featureNames));
    state.model = model;
    state.validator = validator;
    state.metrics.setModel(model);
    if (!readiness.ready()) return;
    app.log.info(
      {
        modelVersion: model.version,
        checksum: model.checksum,
        features: model.featureNames.length,
        classes: model.classNames,
        loadMs: Date.now() - started,
      },
      "model ready",
    );
  } catch (err) {
    const error = err as Error & { code?: string };
    state.model = null;
    state.validator = null;
    readiness.failed(error.message);
    // One line, the reason in plain words; the process stays up (liveness 200) and not ready.
    app.log.error(
      { modelPath: state.config.modelPath, reason: error.code ?? error.name },
      `model not loaded, staying not-ready: ${error.message}`,
    );
  }
}
