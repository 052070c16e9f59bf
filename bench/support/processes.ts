import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface Served {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server process on a free port (in `portVariable`) and waits until `readyPath` answers 200. */
export async function serve(
  command: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  portVariable = 'PORT',
): Promise<Served> {
  const port = await freePort();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, [portVariable]: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
    const ok = await fetch(url + readyPath)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${command} not ready after 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The API as deployed: the built output, in production mode; `nodeArgs` go to node (e.g. `--inspect`). */
export function serveApi(env: Record<string, string>, nodeArgs: string[] = []): Promise<Served> {
  // BENCH_CPU_PROF=<dir>: the API writes a V8 CPU profile there when it stops (see README).
  const profile = process.env.BENCH_CPU_PROF;
  return serve(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      ...nodeArgs,
      join(ROOT, 'dist/apps/api/src/main.js'),
    ],
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    '/health/ready',
  );
}

/** The worker as deployed: the built output, in production mode; ready when its health answers. */
export function serveWorker(env: Record<string, string>, nodeArgs: string[] = []): Promise<Served> {
  return serve(
    process.execPath,
    [...nodeArgs, join(ROOT, 'dist/apps/worker/src/main.js')],
    { NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
    '/health/ready',
    'WORKER_HEALTH_PORT',
  );
}

/** A baseline server written in TypeScript, run through tsx. */
export function serveBaseline(file: string, env: Record<string, string>): Promise<Served> {
  return serve(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'bench/baselines', file)],
    env,
    '/ready',
  );
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ", field 3 is state; utime and stime are fields 14 and 15 (1-based).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100;
}

/** `cpuSeconds` of a process and its live descendants (tsx runs the baseline in a child). */
export function treeCpuSeconds(pid: number): number {
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    // the process or a thread ended meanwhile: count what is left
  }
  return cpuSeconds(pid) + children.reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}
