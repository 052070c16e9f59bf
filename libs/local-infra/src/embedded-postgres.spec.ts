import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { EmbeddedPostgresLayout, embeddedPostgresLayout } from './embedded-postgres-layout';
import { LocalInfraError } from './local-infra.error';
import { ensureEmbeddedPostgres } from './local-postgres';

const isRoot = process.getuid?.() === 0;
const packagedNative = join(
  dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
  '..',
  'native',
);
const options = { user: 'postgres', password: 'secret', log: () => undefined };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What the launcher prints: one line, the cause and then the fix. */
async function startFailure(promise: Promise<unknown>): Promise<LocalInfraError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LocalInfraError);
  expect((error as Error).message).not.toContain('\n');
  expect((error as Error).message).toMatch(/\. Fix: .+\.$/);
  return error as LocalInfraError;
}

describe('embedded PostgreSQL', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'cc-embedded-pg-'));
    chmodSync(scratch, 0o755);
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** The plain layout (binaries in place, data in the scratch directory), as the current user. */
  function plainLayout(dataDir = join(scratch, 'data')): EmbeddedPostgresLayout {
    const layout = embeddedPostgresLayout({ dataRoot: dirname(dataDir), isRoot: false });
    if (!isRoot) return { ...layout, dataDir };
    const runAs = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    };
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    execFileSync('chown', [`${runAs.uid}:${runAs.gid}`, dataDir]);
    return { ...layout, dataDir, runAs };
  }

  // PostgreSQL refuses to run as root; only root can show that the launcher hands the server to
  // another user who can reach binaries and data although the checkout's parent is 0700.
  (isRoot ? it : it.skip)(
    'as root, starts from a checkout inside a 0700 directory, and keeps its data across restarts (skipped unless root: the case only exists for root)',
    async () => {
      const privateHome = join(scratch, 'home');
      mkdirSync(privateHome, { mode: 0o700 });
      chmodSync(privateHome, 0o700);
      // The checkout, binaries included, sits where the postgres user cannot enter.
      const checkoutNative = join(privateHome, 'cc', 'node_modules', 'pg-binaries', 'native');
      cpSync(
        join(packagedNative, '..', 'package.json'),
        join(dirname(checkoutNative), 'package.json'),
      );
      cpSync(packagedNative, checkoutNative, { recursive: true, verbatimSymlinks: true });
      const cacheRoot = join(scratch, 'cache');
      const step = {
        dataRoot: join(privateHome, 'cc', '.data'),
        cacheRoot,
        binariesFrom: checkoutNative,
        port: await freePort(),
      };

      const first = await ensureEmbeddedPostgres(step, options.log);
      const client = new Client({ connectionString: first.serverUrl });
      await client.connect();
      await client.query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
      await client.end();
      await first.stop();

      expect(statSync(cacheRoot).mode & 0o777).toBe(0o755);
      const again = await ensureEmbeddedPostgres(step, options.log);
      const reader = new Client({ connectionString: again.serverUrl });
      await reader.connect();
      const { rows } = await reader.query<{ n: number }>('SELECT n FROM kept');
      const { rows: who } = await reader.query<{ encoding: string }>(
        "SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = 'postgres'",
      );
      await reader.end();
      await again.stop();
      expect(rows).toEqual([{ n: 42 }]);
      expect(who).toEqual([{ encoding: 'UTF8' }]);
    },
  );

  it('a binary that cannot be run is explained (spawn EACCES), not an unhandled error event', async () => {
    const native = join(scratch, 'native');
    mkdirSync(join(native, 'bin'), { recursive: true });
    writeFileSync(join(native, 'bin', 'initdb'), '#!/bin/sh\n', { mode: 0o644 });
    const layout = { ...plainLayout(), nativeDir: native };

    const error = await startFailure(
      startEmbeddedPostgres(layout, { ...options, port: await freePort() }),
    );
    expect(error.message).toContain(`cannot run ${join(native, 'bin', 'initdb')} (EACCES)`);
    expect(error.fix).toMatch(/chmod o\+rx/);
  });

  it('missing binaries are explained (spawn ENOENT)', async () => {
    const layout = { ...plainLayout(), nativeDir: join(scratch, 'nowhere') };

    const error = await startFailure(
      startEmbeddedPostgres(layout, { ...options, port: await freePort() }),
    );
    expect(error.message).toContain('does not exist (ENOENT)');
    expect(error.fix).toContain('npm ci');
  });

  describe('with an initialised data directory', () => {
    let layout: EmbeddedPostgresLayout;
    let initialised: string;
    beforeAll(async () => {
      initialised = mkdtempSync(join(tmpdir(), 'cc-embedded-pg-initialised-'));
      chmodSync(initialised, 0o755);
      const once = plainLayout(join(initialised, 'data'));
      const server = await startEmbeddedPostgres(once, { ...options, port: await freePort() });
      await server.stop();
    });
    afterAll(() => rmSync(initialised, { recursive: true, force: true }));
    beforeEach(() => {
      layout = plainLayout(join(scratch, 'data'));
      // cp -a: as root the copy must stay owned by the server user.
      execFileSync('cp', ['-a', `${join(initialised, 'data')}/.`, layout.dataDir]);
    });

    it('a port in use is explained, naming the port', async () => {
      const port = await freePort();
      const squatter: Server = createServer();
      await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
      try {
        const error = await startFailure(startEmbeddedPostgres(layout, { ...options, port }));
        expect(error.reason).toBe(`embedded PostgreSQL: port ${port} is already in use`);
        expect(error.fix).toContain(`127.0.0.1:${port}`);
      } finally {
        await new Promise((resolve) => squatter.close(resolve));
      }
    });

    it('a data directory from another major version is explained before anything starts', async () => {
      writeFileSync(join(layout.dataDir, 'PG_VERSION'), '16\n');

      const error = await startFailure(
        startEmbeddedPostgres(layout, { ...options, port: await freePort() }),
      );
      expect(error.reason).toBe(
        `embedded PostgreSQL: the data directory ${layout.dataDir} was made by PostgreSQL 16, these binaries are ${layout.major}`,
      );
      expect(error.fix).toContain('delete it');
    });

    it('a server already running on the data directory is explained', async () => {
      const port = await freePort();
      const running = await startEmbeddedPostgres(layout, { ...options, port });
      try {
        const error = await startFailure(
          startEmbeddedPostgres(layout, { ...options, port: await freePort() }),
        );
        expect(error.reason).toBe(
          `embedded PostgreSQL: another server is already running on ${layout.dataDir}`,
        );
      } finally {
        await running.stop();
      }
    });
  });

  // A real full disk: a 4 MB tmpfs, far too small for initdb. Mounting needs root.
  (isRoot ? it : it.skip)(
    'a full disk is explained, naming the directory (skipped unless root: mounting a small tmpfs needs root)',
    async () => {
      const tiny = join(scratch, 'tiny');
      mkdirSync(tiny);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'tmpfs', tiny]);
      try {
        const layout = plainLayout(join(tiny, 'data'));

        const error = await startFailure(
          startEmbeddedPostgres(layout, { ...options, port: await freePort() }),
        );
        expect(error.reason).toMatch(
          new RegExp(`^embedded PostgreSQL: the disk holding ${layout.dataDir} is full`),
        );
        expect(error.fix).toContain('free some space');
      } finally {
        execFileSync('umount', [tiny]);
      }
    },
  );

  (isRoot ? it : it.skip)(
    'a full disk while copying the binaries into the cache is explained (skipped unless root: mounting needs root)',
    async () => {
      const tiny = join(scratch, 'tiny-cache');
      mkdirSync(tiny);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0755', 'tmpfs', tiny]);
      try {
        const error = await startFailure(
          ensureEmbeddedPostgres(
            { dataRoot: join(scratch, 'co', '.data'), cacheRoot: tiny, port: await freePort() },
            options.log,
          ),
        );
        expect(error.reason).toBe(`embedded PostgreSQL: the disk holding ${tiny} is full`);
      } finally {
        execFileSync('umount', [tiny]);
      }
    },
  );
});
