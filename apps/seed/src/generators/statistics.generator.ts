import { SeedContext, stamps, World } from '../seed-context';

/**
 * Yearbook-style official statistics per city and quarter, as an official would import them.
 *
 * Annual magnitudes are rounded from the cities' 2023 Statistical Communiqués on National
 * Economic and Social Development (国民经济和社会发展统计公报) and the provincial statistical
 * yearbooks (辽宁/黑龙江/吉林/陕西/四川统计年鉴): e.g. Shenyang received on the order of 100
 * million tourist visits with ~150 billion CNY tourism revenue, Chengdu and Xi'an roughly twice
 * to three times that; Shenyang has ~500 thousand students in higher education, Xi'an over a
 * million. Quarterly values spread them with a seasonal profile (Harbin peaks in winter), a
 * yearly growth of a few percent and noise. They are plausible magnitudes, not the published
 * quarterly figures.
 */
const ANNUAL: Record<
  string,
  {
    tourists: number;
    tourismRevenue: number;
    culturalValueAdded: number;
    students: number;
    patents: number;
  }
> = {
  // tourists: 10k visits; tourismRevenue, culturalValueAdded: 100M CNY; students: 10k; patents: grants
  shenyang: {
    tourists: 10_500,
    tourismRevenue: 1_500,
    culturalValueAdded: 350,
    students: 50,
    patents: 21_000,
  },
  dalian: {
    tourists: 9_000,
    tourismRevenue: 1_300,
    culturalValueAdded: 300,
    students: 36,
    patents: 17_000,
  },
  harbin: {
    tourists: 13_500,
    tourismRevenue: 1_700,
    culturalValueAdded: 260,
    students: 75,
    patents: 17_500,
  },
  changchun: {
    tourists: 9_500,
    tourismRevenue: 1_500,
    culturalValueAdded: 250,
    students: 60,
    patents: 15_000,
  },
  xian: {
    tourists: 28_000,
    tourismRevenue: 3_100,
    culturalValueAdded: 900,
    students: 130,
    patents: 50_000,
  },
  chengdu: {
    tourists: 28_000,
    tourismRevenue: 3_700,
    culturalValueAdded: 2_000,
    students: 110,
    patents: 60_000,
  },
};

const TOURISM_SEASON = [0.18, 0.26, 0.34, 0.22];
const WINTER_SEASON = [0.34, 0.18, 0.26, 0.22];

export const OFFICIAL_INDICATORS = [
  'tourist_arrivals',
  'tourism_revenue',
  'cultural_industry_value_added',
  'higher_education_students',
  'patents_granted',
] as const;

export function generateStatistics(context: SeedContext, world: World): void {
  const random = context.random.fork('statistics');
  const importId = random.uuid();
  const rows = world.cities.length * context.quarters.length;
  const at = context.now;
  context.add('statistic_import', {
    id: importId,
    imported_by_id: world.officialUserId,
    rows_read: rows,
    rows_accepted: rows,
    rows_rejected: 0,
    values_inserted: rows * OFFICIAL_INDICATORS.length,
    values_updated: 0,
    values_unchanged: 0,
    errors: [],
    created_at: at,
  });
  for (const city of world.cities) {
    const annual = ANNUAL[city.code];
    const season = city.code === 'harbin' ? WINTER_SEASON : TOURISM_SEASON;
    context.quarters.forEach((quarter, i) => {
      const growth = Math.pow(1.05, i / 4);
      const noise = () => 1 + random.normal() * 0.03;
      const share = season[quarter.quarter - 1];
      const values: Record<(typeof OFFICIAL_INDICATORS)[number], number> = {
        tourist_arrivals: Math.round(annual.tourists * share * growth * noise()),
        tourism_revenue: Math.round(annual.tourismRevenue * share * growth * noise() * 10) / 10,
        cultural_industry_value_added:
          Math.round((annual.culturalValueAdded / 4) * growth * noise() * 10) / 10,
        higher_education_students: Math.round(annual.students * Math.pow(1.02, i / 4) * 10) / 10,
        patents_granted: Math.round((annual.patents / 4) * growth * noise()),
      };
      for (const indicator of OFFICIAL_INDICATORS) {
        context.add('official_statistic', {
          ...stamps(random.uuid(), at),
          city_id: city.id,
          period: quarter.key,
          granularity: 'QUARTER',
          period_start: quarter.start,
          indicator,
          value: values[indicator],
          import_id: importId,
        });
      }
    });
  }
}
