import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { HealthService } from '@cc/health';

export interface ShutdownTiming {
  /** Readiness answers 503 this long, while requests are still served, before the listener closes. */
  delayMs: number;
  /** Requests in flight then get this long to complete. */
  graceMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains the api on SIGTERM/SIGINT instead of Nest's shutdown hooks (which close the server
 * under requests in flight and re-raise the signal, so the process exits 143):
 * 1. readiness turns 503 at once, so a load balancer stops sending new requests;
 * 2. after `delayMs` the listener closes (no new connections) and idle keep-alive connections
 *    are closed; answers from then on carry `Connection: close`;
 * 3. requests in flight complete, for up to `graceMs`;
 * 4. the app closes (database, Redis, WebSockets) and the process exits 0.
 */
export function drainOnSignals(app: INestApplication, timing: ShutdownTiming): void {
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining && !res.headersSent) res.shouldKeepAlive = false;
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining) return;
    draining = true;
    const deadline = Date.now() + timing.delayMs + timing.graceMs;
    console.warn(`api: ${signal} received; readiness is 503, draining ${inFlight.size} request(s)`);
    // Past the budget, exit anyway: the orchestrator would SIGKILL soon after.
    setTimeout(
      () => {
        console.error('api: shutdown overran its grace; exiting');
        process.exit(1);
      },
      timing.delayMs + timing.graceMs + 5_000,
    ).unref();
    app.get(HealthService).markDraining(`shutting down (${signal})`);
    await sleep(timing.delayMs);

    server.close();
    for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
    server.closeIdleConnections();
    while (inFlight.size > 0 && Date.now() < deadline) {
      await sleep(25);
      server.closeIdleConnections();
    }
    if (inFlight.size > 0) console.error(`api: ${inFlight.size} request(s) cut off by the grace`);
    await app.close();
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    shutdown(signal).catch((error: unknown) => {
      console.error(`api: shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
