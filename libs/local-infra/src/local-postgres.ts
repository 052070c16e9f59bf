import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { embeddedPostgresLayout, LayoutOptions } from './embedded-postgres-layout';
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

/**
 * Finds a PostgreSQL server to use, in order: DATABASE_URL; a server on localhost:5432 (user
 * postgres); else the embedded server shipped by the `embedded-postgres` package, with its data
 * kept across restarts (see embeddedPostgresLayout for where). Failures to start the embedded
 * server throw a LocalInfraError whose message names the cause and the fix.
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
  return ensureEmbeddedPostgres({ dataRoot }, log);
}

/** The embedded step alone: binaries and data placed for the current user, then started. */
export async function ensureEmbeddedPostgres(
  options: LayoutOptions & { port?: number },
  log: (line: string) => void,
): Promise<LocalPostgres> {
  const port = options.port ?? EMBEDDED_PG_PORT;
  const layout = embeddedPostgresLayout(options);
  const server = await startEmbeddedPostgres(layout, {
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    log,
  });
  log(`embedded PostgreSQL ${layout.major} on 127.0.0.1:${port}, data in ${layout.dataDir}`);
  return {
    serverUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    source: 'embedded',
    stop: () => server.stop(),
  };
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
