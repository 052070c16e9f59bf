import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from '@cc/local-infra';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A `redis-server` of the test's own on a free port, for drills that stop, kill or reconfigure
 * Redis without touching the one other tests share. Data is in memory only (no RDB, no AOF), so
 * a restart is a real loss of every key, as after a crash without persistence.
 */
export class PrivateRedis {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'cc-redis-'));

  private constructor(
    readonly port: number,
    private readonly maxmemoryPolicy: string,
  ) {}

  static async start(options: { maxmemoryPolicy?: string } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), options.maxmemoryPolicy ?? 'noeviction');
    await redis.up();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        ...['--maxmemory-policy', this.maxmemoryPolicy, '--dir', this.dir],
      ],
      { stdio: 'ignore' },
    );
    child.on('error', () => undefined); // surfaced by waitForPort
    this.process = child;
    await waitForPort(this.port);
  }

  /** Stops the server: SIGKILL is a crash, SIGTERM a clean stop. */
  async down(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /**
   * Freezes the server (SIGSTOP): connections stay open and commands go unanswered, as when Redis
   * hangs or the network drops packets, so clients still think it is there. `thaw` resumes it.
   */
  freeze(): void {
    this.process?.kill('SIGSTOP');
  }

  thaw(): void {
    this.process?.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    this.thaw();
    await this.down('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
