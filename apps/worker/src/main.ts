import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnvOrExit } from '@cc/config';
import { WorkerModule } from './worker.module';

/** Past the grace, closing connections and the health server gets this long before a hard exit. */
const CLOSE_MARGIN_MS = 5_000;

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  await app.init();
  // Not enableShutdownHooks(): Nest re-raises the signal after closing, so the worker would exit
  // 143 on every deploy. SIGTERM/SIGINT close the app (consumers stop taking jobs, finish active
  // ones within WORKER_SHUTDOWN_GRACE_MS or release them to another worker), then exit 0.
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.warn(`worker: ${signal} received, stopping`);
    setTimeout(() => {
      console.error('worker: shutdown overran its grace; exiting');
      process.exit(1);
    }, env.WORKER_SHUTDOWN_GRACE_MS + CLOSE_MARGIN_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`worker: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

bootstrap().catch((error: unknown) => {
  console.error(`worker failed to start: ${(error as Error).message}`);
  process.exit(1);
});
