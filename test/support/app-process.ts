import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './private-redis';
import { eventually } from './test-app';

const ROOT = join(__dirname, '..', '..');

export interface AppProcess {
  /** Where its health (and, for the api, everything else) answers. */
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/**
 * The api or the worker as its `main.ts` runs it, in its own process (the sources compiled as
 * Jest compiles them, see swc-register.js), so that a real signal (SIGTERM, SIGKILL) reaches it.
 * Resolves once `/health/ready` answers 200 on the port given in `portVariable`.
 */
export async function spawnApp(
  app: 'api' | 'worker',
  env: Record<string, string> = {},
): Promise<AppProcess> {
  const port = await freePort();
  const portVariable = app === 'api' ? 'PORT' : 'WORKER_HEALTH_PORT';
  const child = spawn(
    process.execPath,
    ['-r', './test/support/swc-register.js', `apps/${app}/src/main.ts`],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, [portVariable]: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`the ${app} exited at start: ${stderr}`);
    return fetch(`${url}/health/ready`)
      .then((response) => response.ok)
      .catch(() => false);
  }, 120_000);
  return { url, child, exited };
}
