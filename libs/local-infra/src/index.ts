export {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  ensurePostgres,
  LocalPostgres,
} from './local-postgres';
export { ensureRedis, LocalRedis, RedisUnavailableError } from './local-redis';
export { isPortOpen, waitForPort } from './tcp-probe';
