import 'reflect-metadata';
import { loadEnvOrExit } from '@cc/config';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await createApiApp();
  await app.listen(env.PORT);
}

bootstrap().catch((error: unknown) => {
  console.error(`api failed to start: ${(error as Error).message}`);
  process.exit(1);
});
