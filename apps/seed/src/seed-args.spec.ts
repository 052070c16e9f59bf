import { parseSeedArgs, SeedArgsError } from './seed-args';

const today = new Date('2026-11-30T20:15:00Z');

describe('parseSeedArgs', () => {
  it('reads scale, seed, database url and now', () => {
    expect(
      parseSeedArgs(
        [
          '--scale',
          '100',
          '--seed',
          'bench',
          '--database-url',
          'postgres://x/y',
          '--now',
          '2026-06-01T00:00:00Z',
        ],
        {},
        today,
      ),
    ).toEqual({
      scale: 100,
      seed: 'bench',
      databaseUrl: 'postgres://x/y',
      now: new Date('2026-06-01T00:00:00Z'),
    });
  });

  it('defaults the url to DATABASE_URL and now to the start of today (UTC)', () => {
    const args = parseSeedArgs(
      ['--scale', '1', '--seed', 's'],
      { DATABASE_URL: 'postgres://env/db' },
      today,
    );
    expect(args.databaseUrl).toBe('postgres://env/db');
    expect(args.now.toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it.each([
    [['--seed', 's'], /--scale/],
    [['--scale', '0', '--seed', 's'], /--scale/],
    [['--scale', 'big', '--seed', 's'], /--scale/],
    [['--scale', '1'], /--seed/],
    [['--scale', '1', '--seed', 's', '--now', 'yesterday'], /--now/],
    [['--scale', '1', '--seed', 's', '--color'], /color/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv, { DATABASE_URL: 'postgres://env/db' }, today)).toThrow(
      SeedArgsError,
    );
    expect(() => parseSeedArgs(argv, { DATABASE_URL: 'postgres://env/db' }, today)).toThrow(
      message,
    );
  });

  it('needs a database url', () => {
    expect(() => parseSeedArgs(['--scale', '1', '--seed', 's'], {}, today)).toThrow(/DATABASE_URL/);
  });
});
