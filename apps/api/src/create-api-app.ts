import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@cc/config';
import { batchLimitMiddleware, bodyErrorMiddleware, createValidationPipe } from '@cc/graphql';
import { AppModule } from './app.module';
import { serveDashboard } from './web/dashboard-static';
import { mountQueueBoard } from './web/queue-board';

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
  app.use('/graphql', batchLimitMiddleware(config.graphql.maxBatch));
  app.useGlobalPipes(createValidationPipe());
  serveDashboard(app);
  mountQueueBoard(app);
  app.enableShutdownHooks();
  return app;
}
