import { z } from 'zod';

/** Default weights of each score's components (README "Matching" documents them). */
export const DEFAULT_MATCH_WEIGHTS = {
  manufacturer: {
    process_coverage: 0.25,
    material_coverage: 0.1,
    capacity: 0.1,
    moq: 0.05,
    lead_time: 0.1,
    proximity: 0.1,
    track_record: 0.15,
    experience: 0.15,
  },
  outlet: {
    theme_affinity: 0.35,
    outlet_type_fit: 0.2,
    price_fit: 0.2,
    footfall: 0.1,
    sell_through: 0.15,
  },
  teammate: {
    complementarity: 0.5,
    need_fit: 0.35,
    cross_disciplinary: 0.15,
  },
} as const;

type WeightsOf<T> = { [K in keyof T]: number };

export interface MatchWeights {
  manufacturer: WeightsOf<typeof DEFAULT_MATCH_WEIGHTS.manufacturer>;
  outlet: WeightsOf<typeof DEFAULT_MATCH_WEIGHTS.outlet>;
  teammate: WeightsOf<typeof DEFAULT_MATCH_WEIGHTS.teammate>;
}

const weight = z.number().min(0).max(100);
const sideSchema = <T extends Record<string, number>>(defaults: T) =>
  z
    .object(Object.fromEntries(Object.keys(defaults).map((key) => [key, weight.optional()])))
    .strict()
    .optional();

const overridesSchema = z
  .object({
    manufacturer: sideSchema(DEFAULT_MATCH_WEIGHTS.manufacturer),
    outlet: sideSchema(DEFAULT_MATCH_WEIGHTS.outlet),
    teammate: sideSchema(DEFAULT_MATCH_WEIGHTS.teammate),
  })
  .strict();

/**
 * The weights in force: the defaults, with any given in `MATCHING_WEIGHTS` (JSON such as
 * `{"manufacturer":{"proximity":0.2}}`) replacing them. A malformed value throws, naming the
 * problem, so a typo never silently falls back to the defaults.
 */
export function parseMatchWeights(raw: string | undefined): MatchWeights {
  const defaults: MatchWeights = {
    manufacturer: { ...DEFAULT_MATCH_WEIGHTS.manufacturer },
    outlet: { ...DEFAULT_MATCH_WEIGHTS.outlet },
    teammate: { ...DEFAULT_MATCH_WEIGHTS.teammate },
  };
  if (raw === undefined || raw.trim() === '') return defaults;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('MATCHING_WEIGHTS must be JSON, e.g. {"manufacturer":{"proximity":0.2}}');
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`MATCHING_WEIGHTS is invalid: ${problems.join('; ')}`);
  }
  const overrides = parsed.data as Partial<Record<keyof MatchWeights, Record<string, number>>>;
  return {
    manufacturer: { ...defaults.manufacturer, ...overrides.manufacturer },
    outlet: { ...defaults.outlet, ...overrides.outlet },
    teammate: { ...defaults.teammate, ...overrides.teammate },
  };
}
