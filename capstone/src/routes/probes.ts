/**
 * The operations routes: liveness, readiness (and SageMaker's /ping, which is readiness), metrics, the model card and
 * the OpenAPI document. They stay OUTSIDE the load shedder: an overloaded replica must still answer its probes and
 * its scrapes, or Kubernetes would restart it for being busy.
 */
import type { FastifyInstance, FastifyPluginCallback, FastifyReply } from "fastify";
import { sendError } from "../errors";
import { modelAwareDocument } from "../openapi";
import { errorResponses, Health, ModelInfo, Ready } from "../schemas";
import type { ServingState } from "../state";
import { notReadyError } from "./predict";

export function probeRoutes(state: ServingState): FastifyPluginCallback {
  const readiness = (reply: FastifyReply) => {
    if (state.readiness.isReady() && state.model !== null) {
      return reply.send({ status: "ready", modelVersion: state.model.version });
    }
    const error = notReadyError(state.readiness);
    reply.request.errorCode = error.code;
    return sendError(reply, error);
  };
  const readySchema = { 200: Ready, ...errorResponses(503) };

  return (app: FastifyInstance, _opts, done) => {
    app.get(
      "/healthz",
      {
        schema: {
          tags: ["operations"],
          summary: "Liveness: the process is up",
          description: "Always 200 while the process runs, even without a model: restarting would not load it.",
          response: { 200: Health },
        },
      },
      async () => ({ status: "ok" }),
    );
    app.get(
      "/readyz",
      {
        schema: {
          tags: ["operations"],
          summary: "Readiness: send traffic here?",
          description:
            "200 once the model is loaded and a warm-up prediction succeeded; 503 NOT_READY before that (or when the " +
            "model failed to load) and 503 SHUTTING_DOWN after SIGTERM.",
          response: readySchema,
        },
      },
      async (_request, reply) => readiness(reply),
    );
    app.get(
      "/ping",
      {
        schema: {
          tags: ["sagemaker"],
          summary: "SageMaker health check (same as /readyz)",
          response: readySchema,
        },
      },
      async (_request, reply) => readiness(reply),
    );
    app.get(
      "/model",
      {
        schema: {
          tags: ["model"],
          summary: "The served model: version, source (learner or reference), features, classes, checksum",
          response: { 200: ModelInfo, ...errorResponses(503) },
        },
      },
      async (_request, reply) => {
        const model = state.model;
        if (model === null) {
          const error = notReadyError(state.readiness);
          reply.request.errorCode = error.code;
          return sendError(reply, error);
        }
        return {
          version: model.version,
          checksum: model.checksum,
          kind: model.kind,
          source: model.source,
          ...(model.trainedBy === undefined ? {} : { trainedBy: model.trainedBy }),
          features: [...model.featureNames],
          classes: [...model.classNames],
          trainedAt: model.trainedAt,
          dataset: model.dataset,
          metrics: model.metrics,
          maxBatch: state.config.maxBatch,
        };
      },
    );
    app.get(
      "/metrics",
      {
        schema: {
          tags: ["operations"],
          summary: "Prometheus metrics",
          response: {
            200: {
              description: "Prometheus text exposition format.",
              content: { "text/plain": { schema: { type: "string" } } },
            },
          },
        },
      },
      async (_request, reply) => {
        const text = await state.metrics.registry.metrics();
        return reply.type(state.metrics.registry.contentType).send(text);
      },
    );
    // Built once per model (the walk over the document is not free), then served from memory.
    let cached: { model: ServingState["model"]; document: unknown } | null = null;
    app.get("/openapi.json", { schema: { hide: true } }, async () => {
      if (cached === null || cached.model !== state.model) {
        cached = { model: state.model, document: modelAwareDocument(app.swagger(), state.model) };
      }
      return cached.document;
    });
    done();
  };
}
