export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgresServer } from './embedded-postgres';
export { embeddedPostgresLayout } from './embedded-postgres-layout';
export type { EmbeddedPostgresLayout } from './embedded-postgres-layout';
export { LocalInfraError } from './local-infra.error';
export {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  ensureEmbeddedPostgres,
  ensurePostgres,
  LocalPostgres,
} from './local-postgres';
export { ensureRedis, LocalRedis, RedisUnavailableError } from './local-redis';
export { isPortOpen, waitForPort } from './tcp-probe';
