import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function start(entry: string, env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync(tsx, [entry], {
    cwd: root,
    env: { PATH, HOME, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('start-up with a bad configuration', () => {
  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])(
    '%s exits 1 with one line naming the bad variables',
    (entry) => {
      const result = start(entry, {
        DATABASE_URL: 'mysql://nope',
        JWT_SECRET: 'short',
        PORT: '70000',
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Invalid configuration: /);
      expect(lines[0]).toContain('DATABASE_URL must be a postgres:// URL');
      expect(lines[0]).toContain('JWT_SECRET must be at least 32 characters');
      expect(lines[0]).toContain('PORT');
    },
  );

  it('names a missing required variable', () => {
    const result = start('apps/api/src/main.ts', { JWT_SECRET: 'x'.repeat(32) });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: DATABASE_URL is required/);
  });
});
