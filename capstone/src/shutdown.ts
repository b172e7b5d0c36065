/**
 * Graceful shutdown on SIGTERM (what Kubernetes, Docker and SageMaker send before they kill a container):
 *
 *   1. readiness fails at once (/readyz 503 SHUTTING_DOWN): the load balancer stops sending new traffic;
 *   2. for SHUTDOWN_DELAY_MS, requests are still served as usual (they may still arrive while the endpoint
 *      list updates);
 *   3. the listener closes; requests in flight finish, idle keep-alive connections close, and a request that still
 *      arrives on an open connection is answered with `Connection: close`;
 *   4. the process exits 0. If that takes longer than SHUTDOWN_GRACE_MS, it exits 1 anyway, before the orchestrator's
 *      SIGKILL, with a log line that says so.
 */
import type { FastifyInstance } from "fastify";

export interface ShutdownOptions {
  graceMs: number;
  delayMs: number;
  /** How the process ends (tests pass a fake). Default process.exit. */
  exit?: (code: number) => void;
}

export function installShutdown(app: FastifyInstance, options: ShutdownOptions): (signal: string) => Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;

  const shutdown = async (signal: string): Promise<void> => {
    if (started) return; // a second signal changes nothing; the grace timer still applies
    started = true;
    const t0 = Date.now();
    app.serving.readiness.draining();
    app.log.info({ signal, delayMs: options.delayMs, graceMs: options.graceMs }, "shutting down: readiness off");
    const deadline = setTimeout(() => {
      app.log.error({ graceMs: options.graceMs }, "shutdown grace period over: exiting with requests still in flight");
      exit(1);
    }, options.graceMs);
    try {
      if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      await app.close(); // resolves once every in-flight request has been answered
      clearTimeout(deadline);
      app.log.info({ ms: Date.now() - t0 }, "drained, exiting");
      exit(0);
    } catch (err) {
      clearTimeout(deadline);
      app.log.error({ err }, "error while shutting down");
      exit(1);
    }
  };

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void shutdown(signal);
    });
  }
  return shutdown;
}
