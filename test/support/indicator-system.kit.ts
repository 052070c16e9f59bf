import { GraphqlClient } from './graphql-client';

export interface CreatedVersion {
  id: string;
  version: number;
}

export interface IndicatorInput {
  key: string;
  label: string;
  source: 'OFFICIAL_STATISTIC' | 'PLATFORM';
  direction?: 'POSITIVE' | 'NEGATIVE';
  weight?: number;
}

/** A platform indicator with FIXED weight and EXPLICIT goalposts [0, upper]. */
export interface GoalpostedIndicator {
  key: string;
  label: string;
  upper: number;
  weight?: number;
}

const CREATE_VERSION = `mutation($input: CreateIndicatorSystemVersionInput!) {
  createIndicatorSystemVersion(input: $input) { id version }
}`;

/** Creates an indicator-system version through the real mutation (failing the test on errors). */
export async function createIndicatorSystemVersion(
  client: GraphqlClient,
  input: object,
): Promise<CreatedVersion> {
  const { createIndicatorSystemVersion: created } = await client.data<{
    createIndicatorSystemVersion: CreatedVersion;
  }>(CREATE_VERSION, { input });
  return created;
}

export function officialStatistic(
  key: string,
  label: string,
  extra: Pick<IndicatorInput, 'direction'> = {},
): IndicatorInput {
  return { key, label, source: 'OFFICIAL_STATISTIC', ...extra };
}

/** The two subsystems every test version has: U1 cultural soft power, U2 talent and innovation. */
export function twoSubsystems(u1: IndicatorInput[], u2: IndicatorInput[]) {
  return [
    { name: 'cultural_soft_power', label: 'U1', indicators: u1 },
    { name: 'talent_innovation', label: 'U2', indicators: u2 },
  ];
}

/** One official statistic per subsystem: visitors in U1, patents in U2. */
export function officialPairInput(
  keys: Record<'visitors' | 'patents', string>,
  extra: object = {},
) {
  return {
    subsystems: twoSubsystems(
      [officialStatistic(keys.visitors, 'Visitors')],
      [officialStatistic(keys.patents, 'Patents')],
    ),
    ...extra,
  };
}

/**
 * A city's version of platform indicators only, with FIXED weights and EXPLICIT goalposts, so
 * its scores do not depend on what other cities (or other test files) hold.
 */
export function goalpostedPlatformInput(
  cityId: string,
  u1: GoalpostedIndicator[],
  u2: GoalpostedIndicator[],
) {
  const platform = ({ key, label, weight = 1 }: GoalpostedIndicator): IndicatorInput => ({
    key,
    label,
    source: 'PLATFORM',
    weight,
  });
  return {
    cityId,
    indicatorWeighting: 'FIXED',
    basis: {
      origin: 'EXPLICIT',
      goalposts: [...u1, ...u2].map(({ key, upper }) => ({ indicator: key, lower: 0, upper })),
    },
    subsystems: twoSubsystems(u1.map(platform), u2.map(platform)),
  };
}

/** Creative sales revenue (U1, goalposts [0, revenueUpper]) and sell-through (U2, [0, 1]). */
export function revenueAndSellThroughInput(cityId: string, revenueUpper: number) {
  return goalpostedPlatformInput(
    cityId,
    [{ key: 'creative_sales_revenue', label: 'Revenue', upper: revenueUpper }],
    [{ key: 'sell_through', label: 'Sell-through', upper: 1 }],
  );
}
