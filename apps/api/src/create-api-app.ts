import { NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@cc/config';
import {
  bodyErrorMiddleware,
  createValidationPipe,
  RejectNulPipe,
  requestLimitsMiddleware,
} from '@cc/graphql';
import { AppModule } from './app.module';
import { serveDashboard } from './web/dashboard-static';
import { mountQueueBoard } from './web/queue-board';

/**
 * Nest's GraphQL module creates the graphql-ws server without options (ws accepts 100 MiB
 * frames by default); frames are capped at the HTTP body limit (HTTP_BODY_LIMIT), and a bigger
 * one closes the socket with 1009. `ws` reads the option at each upgrade.
 */
function capWebSocketFrames(app: NestExpressApplication, maxPayload: number): void {
  const driver = app.get(GraphQLModule).graphQlAdapter as unknown as {
    _subscriptionService?: { wss?: { options: { maxPayload?: number } } };
  };
  const server = driver._subscriptionService?.wss;
  if (!server) throw new Error('the graphql-ws server is not running; cannot cap its frames');
  server.options.maxPayload = maxPayload;
}

/** Builds the API exactly as production runs it; `main.ts` and the integration tests share it. */
export async function createApiApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.use(bodyErrorMiddleware());
  app.use('/graphql', requestLimitsMiddleware(config.graphql));
  app.useGlobalPipes(new RejectNulPipe(), createValidationPipe());
  serveDashboard(app);
  mountQueueBoard(app);
  // No enableShutdownHooks(): `main.ts` drains on SIGTERM (graceful-shutdown.ts).
  await app.init();
  capWebSocketFrames(app, config.http.bodyLimitBytes);
  return app;
}
