import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cc/config';
import { HealthService } from '@cc/health';
import { OutboxBacklog, OutboxRelay, QueueService, QueueWorkerHost } from '@cc/queue';

/**
 * The worker's readiness signal: `/health/live` and `/health/ready` on WORKER_HEALTH_PORT
 * (0 picks a free port). Ready means PostgreSQL and Redis answer and every queue consumer runs.
 * The body also reports the outbox backlog: `outbox: { pending, oldestAgeMs }`.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server?: Server;

  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthService,
    private readonly host: QueueWorkerHost,
    private readonly queues: QueueService,
    private readonly relay: OutboxRelay,
  ) {}

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.url === '/health/live') return reply(200, { status: 'ok' });
      if (req.url !== '/health/ready') return reply(404, { status: 'not found' });
      this.health
        .readiness({
          queues: async () => {
            if (!this.host.isRunning) throw new Error('queue consumers are not running');
          },
          schedules: async () => {
            const missing = await this.queues.missingSchedules();
            if (missing.length) throw new Error(`job schedulers missing: ${missing.join(', ')}`);
          },
        })
        .then(async (report) => {
          // Events waiting in PostgreSQL for the relay (growing while Redis is down).
          const outbox: OutboxBacklog | null = await this.relay.backlog().catch(() => null);
          reply(report.status === 'ok' ? 200 : 503, {
            ...report,
            queues: this.host.queueNames,
            outbox,
          });
        })
        .catch((error: Error) => reply(503, { status: 'error', error: error.message }));
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.config.worker.healthPort, resolve),
    );
    this.logger.log(`worker health on :${this.port}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
