import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const libsRoot = join(__dirname, '..', '..');

/** Entities are found by file name across all libs, in source (tests) and in dist (runtime). */
export const ENTITY_GLOBS = [join(libsRoot, '*', 'src', '**', '*.entity.{ts,js}')];

export interface DatabaseConnectionSettings {
  url: string;
  poolSize?: number;
}

/**
 * The single definition of how we talk to PostgreSQL, shared by the app, the worker, the
 * migration CLI and the test harness. `synchronize` stays off: the schema comes from migrations.
 */
export function buildDataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.
    uuidExtension: 'pgcrypto',
    entities: ENTITY_GLOBS,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: settings.poolSize ?? 10, application_name: 'creative-chain' },
  };
}
