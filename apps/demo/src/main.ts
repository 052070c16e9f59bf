import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from '@cc/database';
import {
  createDatabaseIfMissing,
  databaseUrl,
  ensurePostgres,
  ensureRedis,
  LocalPostgres,
  LocalInfraError,
  LocalRedis,
} from '@cc/local-infra';
import {
  demoCityBanner,
  demoQueryInputs,
  seedDemoCityIfEmpty,
  waitForCouplingResults,
} from './demo-city';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DATA_ROOT = join(ROOT, '.data');
const API_PORT = Number(process.env.PORT ?? 3000);
const WORKER_HEALTH_PORT = Number(process.env.WORKER_HEALTH_PORT ?? 3001);
const DEMO_DATABASE = 'creative_chain';
/** A local-only ADMIN so the demo can show the officials' side; never used outside `npm run demo`. */
const DEMO_ADMIN = {
  email: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@creative-chain.local',
  password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'creative-chain-demo',
};

const say = (line: string) => console.warn(`[demo] ${line}`);

/** A stable secret for local runs, kept in .data so sessions survive a restart. */
function demoJwtSecret(): string {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(DATA_ROOT, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA_ROOT, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url} exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

function startNode(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'dist', entry)], { env, stdio: 'inherit' });
}

async function main(): Promise<void> {
  let postgres: LocalPostgres | undefined;
  let redis: LocalRedis | undefined;
  const children: ChildProcess[] = [];
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await redis?.stop();
    await postgres?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    postgres = await ensurePostgres(DATA_ROOT, say);
    let url = process.env.DATABASE_URL;
    if (!url) {
      await createDatabaseIfMissing(postgres.serverUrl, DEMO_DATABASE);
      url = databaseUrl(postgres.serverUrl, DEMO_DATABASE);
    }
    say(`PostgreSQL: ${postgres.source}`);
    redis = await ensureRedis(DATA_ROOT, say);
    say(`Redis: ${redis.source}`);

    const applied = await runMigrations(url);
    say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
    await seedDemoCityIfEmpty(url, say);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      DATABASE_URL: url,
      REDIS_URL: redis.url,
      JWT_SECRET: demoJwtSecret(),
      PORT: String(API_PORT),
      WORKER_HEALTH_PORT: String(WORKER_HEALTH_PORT),
      BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    };
    const api = startNode('apps/api/src/main.js', env);
    const worker = startNode('apps/worker/src/main.js', env);
    children.push(api, worker);
    for (const child of children) child.once('exit', (code) => void stop(code ?? 1));

    await waitUntilReady(`http://127.0.0.1:${API_PORT}/health/ready`, api);
    await waitUntilReady(`http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready`, worker);
    const inputs = await demoQueryInputs(url);
    if (inputs) {
      await waitForCouplingResults(`http://127.0.0.1:${API_PORT}/graphql`, inputs, say);
    }
    console.warn(`
  Creative Chain is running.

  GraphQL    http://localhost:${API_PORT}/graphql   (GraphiQL in the browser)
  Dashboard  http://localhost:${API_PORT}/dashboard/ (officials' charts; sign in as an OFFICIAL or the ADMIN)
  Health     http://localhost:${API_PORT}/health/ready · worker http://localhost:${WORKER_HEALTH_PORT}/health/ready

  A first query to paste:

    curl -s http://localhost:${API_PORT}/graphql -H 'content-type: application/json' \\
      -d '{"query":"{ culturalResources(first: 5) { totalCount edges { node { name localName kind district { name } } } } }"}'

  Demo ADMIN: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (login, then grantRole to make officials)

${inputs ? demoCityBanner(inputs) : '  (This database was not seeded by the demo: no demo logins.)\n'}
  Ctrl-C stops everything.
`);
  } catch (error) {
    // A LocalInfraError is one line naming the cause and the fix; print it as it is.
    if (error instanceof LocalInfraError) console.error(`[demo] ${error.message}`);
    else console.error(`demo failed: ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
