import { parseEnv } from './env.schema';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy', () => {
  it.each([
    ['false', false],
    ['none', false],
    ['0', false],
    ['2', 2],
    ['loopback', ['loopback']],
    [
      'loopback, 10.0.0.0/8, fd00::/8, 192.168.1.10',
      ['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.10'],
    ],
  ])('%p -> %p', (raw, expected) => {
    expect(parseTrustProxy(raw)).toEqual(expected);
  });

  it.each(['true', 'everyone', '10.0.0.0/33', '1.2.3', ''])('refuses %p', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ error: expect.any(String) });
  });
});

describe('auth-related env', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cc',
    JWT_SECRET: 'x'.repeat(32),
  };

  it('trusts no forwarded header by default', () => {
    expect(parseEnv(valid).TRUST_PROXY).toBe(false);
  });

  it('names TRUST_PROXY when it is bad', () => {
    expect(() => parseEnv({ ...valid, TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY must not be "true"/,
    );
  });

  it('needs the bootstrap admin email and password together', () => {
    expect(() => parseEnv({ ...valid, BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' })).toThrow(
      /BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together/,
    );
    expect(() =>
      parseEnv({ ...valid, BOOTSTRAP_ADMIN_EMAIL: 'nope', BOOTSTRAP_ADMIN_PASSWORD: 'short' }),
    ).toThrow(
      /BOOTSTRAP_ADMIN_EMAIL must be an email address; BOOTSTRAP_ADMIN_PASSWORD must be at least 12/,
    );
    const env = parseEnv({
      ...valid,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-enough-secret',
    });
    expect(env.BOOTSTRAP_ADMIN_EMAIL).toBe('admin@example.org');
  });
});
