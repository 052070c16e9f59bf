import { ConfigValidationError, parseEnv } from './env.schema';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cc',
  JWT_SECRET: 'x'.repeat(32),
};

describe('parseEnv', () => {
  it('fills defaults for a minimal valid environment', () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.JWT_ACCESS_TTL_SECONDS).toBeLessThanOrEqual(900);
  });

  it('names a missing variable in one line', () => {
    expect(() => parseEnv({ JWT_SECRET: valid.JWT_SECRET })).toThrow(
      /^Invalid configuration: DATABASE_URL is required/,
    );
  });

  it('names every bad variable', () => {
    let message = '';
    try {
      parseEnv({ ...valid, PORT: 'abc', REDIS_URL: 'http://x' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('REDIS_URL must be a redis:// or rediss:// URL');
    expect(message).not.toContain('\n');
  });

  it('refuses an access token lifetime above 15 minutes', () => {
    expect(() => parseEnv({ ...valid, JWT_ACCESS_TTL_SECONDS: '3600' })).toThrow(
      /JWT_ACCESS_TTL_SECONDS must be at most 900/,
    );
  });
});
