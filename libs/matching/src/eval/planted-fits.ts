import { PlantedCase } from './ranking-metrics';

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export class PlantedFitsMissing extends Error {
  override readonly name = 'PlantedFitsMissing';
}

interface RawFit {
  good?: unknown;
  bad?: unknown;
  relevance?: unknown;
  [key: string]: unknown;
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];

/** Grades as written by the generator (id → 0–1); anything else in the map is dropped. */
const grades = (value: unknown): Record<string, number> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value).filter(
          (entry): entry is [string, number] =>
            typeof entry[1] === 'number' && Number.isFinite(entry[1]) && entry[1] > 0,
        ),
      )
    : undefined;

/**
 * Reads the fits the demo generator planted (table `seed_fixture`, keys `manufacturer_fits` and
 * `outlet_fits`), with the generator's graded relevance where it wrote one. Only the evaluation
 * reads them; the scorer never does.
 */
export async function loadPlantedFits(
  query: Query,
): Promise<{ manufacturers: PlantedCase[]; outlets: PlantedCase[] }> {
  const [{ present }] = (await query(
    `SELECT to_regclass('public.seed_fixture') IS NOT NULL AS present`,
  )) as { present: boolean }[];
  if (!present) {
    throw new PlantedFitsMissing(
      'The table seed_fixture is absent: this database has no demo city with planted fits. Run `npm run seed` first, then `npm run eval:matching` again.',
    );
  }
  const rows = (await query(
    `SELECT key, value FROM seed_fixture WHERE key IN ('manufacturer_fits', 'outlet_fits')`,
  )) as { key: string; value: unknown }[];
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const cases = (key: string, subject: string): PlantedCase[] => {
    const value = byKey.get(key);
    if (!Array.isArray(value)) {
      throw new PlantedFitsMissing(
        `seed_fixture has no "${key}" list. Run \`npm run seed\` first (a generator that plants fits).`,
      );
    }
    return (value as RawFit[]).map((fit) => {
      const relevance = grades(fit.relevance);
      return {
        subjectId: String(fit[subject]),
        good: ids(fit.good),
        bad: ids(fit.bad),
        ...(relevance ? { relevance } : {}),
      };
    });
  };
  return {
    manufacturers: cases('manufacturer_fits', 'projectId'),
    outlets: cases('outlet_fits', 'productId'),
  };
}
