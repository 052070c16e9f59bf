import { registerEnumType } from '@nestjs/graphql';

/** Where an indicator's values come from. */
export enum IndicatorSource {
  /** Aggregated by the platform from its own records, per city and period, with project parts. */
  PLATFORM = 'PLATFORM',
  /** Imported by officials (e.g. yearbook figures); no project decomposition. */
  OFFICIAL_STATISTIC = 'OFFICIAL_STATISTIC',
}
registerEnumType(IndicatorSource, { name: 'IndicatorSource' });

/** How a platform indicator is aggregated over projects. */
export enum IndicatorAggregation {
  /** A sum: each project's part is a number, and the parts add up to the total. */
  SUM = 'SUM',
  /** A ratio of two sums: each project has a numerator and a denominator part. */
  RATIO = 'RATIO',
}
registerEnumType(IndicatorAggregation, { name: 'IndicatorAggregation' });

export const CULTURAL_SOFT_POWER = 'cultural_soft_power';
export const TALENT_INNOVATION = 'talent_innovation';

export interface PlatformIndicatorSpec {
  key: string;
  label: string;
  /** The subsystem it belongs to in the default system (a new version may place it elsewhere). */
  defaultSubsystem: string;
  aggregation: IndicatorAggregation;
  unit: string;
  description: string;
  /** The domain whose records it is computed from; it registers the source. */
  providedBy: string;
}

/**
 * Every indicator the platform can compute from its own records (DESIGN.md "Default indicator
 * system"). An indicator system may use only these keys as PLATFORM indicators. Computing them
 * is the job of `PlatformIndicatorSource`s registered by the marketplace, retail and incubation
 * domains; until a source for a key is registered, its value is 0 in every sample (and the
 * snapshot's trace says no source is registered), never a made-up number.
 */
export const PLATFORM_INDICATORS: readonly PlatformIndicatorSpec[] = [
  {
    key: 'resource_activation',
    label: 'Cultural-resource activation',
    defaultSubsystem: CULTURAL_SOFT_POWER,
    aggregation: IndicatorAggregation.RATIO,
    unit: 'share',
    description:
      "Share of the city's catalogued cultural resources with a product that sold in the period.",
    providedBy: 'retail',
  },
  {
    key: 'creative_sales_revenue',
    label: 'Creative sales revenue',
    defaultSubsystem: CULTURAL_SOFT_POWER,
    aggregation: IndicatorAggregation.SUM,
    unit: 'CNY',
    description: 'Revenue of sales of platform products in the city in the period.',
    providedBy: 'retail',
  },
  {
    key: 'products_in_market',
    label: 'Products in market',
    defaultSubsystem: CULTURAL_SOFT_POWER,
    aggregation: IndicatorAggregation.SUM,
    unit: 'products',
    description: 'Products placed at an outlet of the city during the period.',
    providedBy: 'retail',
  },
  {
    key: 'brand_reach',
    label: 'Brand reach',
    defaultSubsystem: CULTURAL_SOFT_POWER,
    aggregation: IndicatorAggregation.SUM,
    unit: 'brand × outlet pairs',
    description: 'Distinct brand × outlet pairs with sales in the period.',
    providedBy: 'retail',
  },
  {
    key: 'scene_coverage',
    label: 'Scene coverage',
    defaultSubsystem: CULTURAL_SOFT_POWER,
    aggregation: IndicatorAggregation.SUM,
    unit: 'outlets',
    description:
      'Distinct outlets (scenic spots, museums, business districts, communities) selling local products in the period.',
    providedBy: 'retail',
  },
  {
    key: 'projects_published',
    label: 'Projects published',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.SUM,
    unit: 'projects',
    description: 'Projects of the city opened for bids in the period.',
    providedBy: 'marketplace',
  },
  {
    key: 'bids_awarded',
    label: 'Bids awarded',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.SUM,
    unit: 'bids',
    description: 'Projects of the city whose bid was accepted in the period.',
    providedBy: 'marketplace',
  },
  {
    key: 'sell_through',
    label: 'Sell-through',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.RATIO,
    unit: 'share',
    description:
      'Units sold in the period ÷ units in market during it (delivered by its end, not sold before it), over the products of the city: delivered, unsold products count.',
    providedBy: 'retail',
  },
  {
    key: 'active_incubated_ventures',
    label: 'Active incubated ventures',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.SUM,
    unit: 'ventures',
    description:
      "Teams admitted to a cohort of the city's incubators and not withdrawn in the period.",
    providedBy: 'incubation',
  },
  {
    key: 'cross_disciplinary_share',
    label: 'Cross-disciplinary share',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.RATIO,
    unit: 'share',
    description:
      'Share of the projects published in the period that are digital experiences or whose people span at least two disciplines or include digital technology.',
    providedBy: 'marketplace',
  },
  {
    key: 'local_culture_share',
    label: 'Local-culture share',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.RATIO,
    unit: 'share',
    description:
      'Share of the projects published in the period that are linked to a cultural resource of their city.',
    providedBy: 'marketplace',
  },
  {
    key: 'talent_earnings',
    label: 'Talent earnings',
    defaultSubsystem: TALENT_INNOVATION,
    aggregation: IndicatorAggregation.SUM,
    unit: 'CNY',
    description:
      "Talents' earnings (royalties and settlements) from the city's sales in the period.",
    providedBy: 'retail',
  },
];

const BY_KEY = new Map(PLATFORM_INDICATORS.map((spec) => [spec.key, spec]));

export function platformIndicatorSpec(key: string): PlatformIndicatorSpec | undefined {
  return BY_KEY.get(key);
}

export const PLATFORM_INDICATOR_KEYS: readonly string[] = PLATFORM_INDICATORS.map((s) => s.key);
