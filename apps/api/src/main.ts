import 'reflect-metadata';
import { loadEnvOrExit } from '@cc/config';
import { AppConfig } from '@cc/config';
import { createApiApp } from './create-api-app';
import { drainOnSignals } from './graceful-shutdown';

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await createApiApp();
  await app.listen(env.PORT);
  drainOnSignals(app, app.get(AppConfig).apiShutdown);
}

bootstrap().catch((error: unknown) => {
  console.error(`api failed to start: ${(error as Error).message}`);
  process.exit(1);
});
