import { parseArgs } from 'node:util';

export interface SeedArgs {
  scale: number;
  seed: string;
  databaseUrl: string;
  now: Date;
}

export class SeedArgsError extends Error {}

export const SEED_USAGE =
  'usage: npm run seed -- --scale N --seed S [--database-url URL] [--now ISO-8601]\n' +
  '  --scale         1 is the demo (~1,000 projects, ~10,000 sales); 100 is ~100,000 projects, ~1,000,000 sales\n' +
  '  --seed          any text; the same seed, scale and --now give the same rows\n' +
  '  --database-url  default: $DATABASE_URL; the database must be empty (migrations are applied)\n' +
  '  --now           the instant the history ends (default: the start of today, UTC)';

/** Parses the command line; `today` is the default end of the history. */
export function parseSeedArgs(argv: string[], env: NodeJS.ProcessEnv, today: Date): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        'database-url': { type: 'string' },
        now: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new SeedArgsError((error as Error).message);
  }
  const scale = Number(values.scale);
  if (values.scale === undefined || !Number.isFinite(scale) || scale <= 0 || scale > 1000) {
    throw new SeedArgsError('--scale must be a number above 0 and at most 1000');
  }
  if (!values.seed) throw new SeedArgsError('--seed is required');
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  if (!databaseUrl) throw new SeedArgsError('--database-url or DATABASE_URL is required');
  const now = values.now ? new Date(values.now) : startOfDay(today);
  if (Number.isNaN(now.getTime())) throw new SeedArgsError(`--now "${values.now}" is not a date`);
  return { scale, seed: values.seed, databaseUrl, now };
}

function startOfDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
