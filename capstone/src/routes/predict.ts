/**
 * POST /predict and the SageMaker twin POST /invocations (same JSON body, plus text/csv). These are the routes that
 * do work, so app.ts puts them, and only them, behind the load shedder (@fastify/under-pressure).
 *
 * The body schema in the route is for the OpenAPI document; the real check runs in runBatch against the MODEL's
 * instance schema, which only exists once the model is loaded (so Fastify's own validation is switched off here).
 */
import type { FastifyInstance, FastifyPluginCallback } from "fastify";
import { ApiError } from "../errors";
import { csvToRequest } from "../predict/csv";
import type { Readiness } from "../readiness";
import { errorResponses, GenericInstance, PredictResponse, predictRequestSchema } from "../schemas";
import type { ServingState } from "../state";

/** 503 NOT_READY, or SHUTTING_DOWN once draining, with a message that does not leak server paths. */
export function notReadyError(readiness: Readiness): ApiError {
  if (readiness.state === "draining") return new ApiError("SHUTTING_DOWN", "The server is shutting down.");
  const why = readiness.state === "failed" ? "the model failed to load (the server log says why)" : readiness.reason;
  return new ApiError("NOT_READY", `Not ready: ${why}.`);
}

function predict(state: ServingState, body: unknown, csv: boolean) {
  const { model, validator } = state;
  if (model === null || validator === null) throw notReadyError(state.readiness);
  const request = csv ? csvToRequest(String(body ?? ""), model.featureNames) : body;
  const response = state.runBatch(request, { model, validator, maxBatch: state.config.maxBatch });
  const answers = response.predictions ?? (response.prediction ? [response.prediction] : []);
  const tally = new Map<string, number>();
  for (const p of answers) tally.set(p.class, (tally.get(p.class) ?? 0) + 1);
  for (const [name, count] of tally) state.metrics.predictions.inc({ class: name }, count);
  state.metrics.batchSize.observe(answers.length);
  return response;
}

const skipValidation = () => () => true;

export function predictRoutes(state: ServingState): FastifyPluginCallback {
  const body = predictRequestSchema(GenericInstance, state.config.maxBatch);
  const response = { 200: PredictResponse, ...errorResponses(400, 413, 415, 500, 503) };
  return (app: FastifyInstance, _opts, done) => {
    app.post(
      "/predict",
      {
        validatorCompiler: skipValidation,
        schema: {
          tags: ["predict"],
          summary: "Predict one instance or a batch",
          description:
            'Send `{ "instance": {...} }` for one row or `{ "instances": [...] }` for up to MAX_BATCH rows, each an ' +
            "object with every feature of the model as a finite number (GET /model lists them). Extra fields, " +
            "missing features, strings and non-finite numbers are rejected with 400 VALIDATION_FAILED and the path " +
            "of every bad field.",
          body,
          response,
        },
      },
      async (request) => predict(state, request.body, false),
    );

    // SageMaker's contract: POST /invocations on port 8080. Its own scope, so text/csv is accepted here only.
    app.register((sagemaker, _o, next) => {
      sagemaker.addContentTypeParser("text/csv", { parseAs: "string" }, (_req, text, parsed) => parsed(null, text));
      sagemaker.post(
        "/invocations",
        {
          validatorCompiler: skipValidation,
          schema: {
            tags: ["sagemaker"],
            summary: "SageMaker inference (same as POST /predict)",
            description:
              "The SageMaker container contract. `application/json`: the body of POST /predict. `text/csv`: one " +
              "instance per line, the features in GET /model's order, no header (a header naming exactly those " +
              "features is skipped). The answer is the JSON of POST /predict.",
            body,
            response,
          },
        },
        async (request) =>
          predict(state, request.body, request.headers["content-type"]?.startsWith("text/csv") ?? false),
      );
      next();
    });
    done();
  };
}
