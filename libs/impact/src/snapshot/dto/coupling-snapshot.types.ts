import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { CouplingLevel, IndicatorDirection } from '../../graphql-enums';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../../platform-indicators/platform-indicator.catalog';
import { CouplingAbsence } from '../coupling-absence';
import { CouplingSnapshot } from '../coupling-snapshot.entity';
import { ProjectContribution } from '../project-contribution.entity';

@ObjectType('IndicatorTrace', { description: 'Where an indicator value came from.' })
export class IndicatorTraceType {
  @Field(() => String, {
    nullable: true,
    description:
      '`official-statistic`, the platform source, or null when no source computes it yet.',
  })
  source!: string | null;

  @Field(() => Int, {
    description: 'Records behind the value (sales, bids, ...; 1 for an imported statistic).',
  })
  recordCount!: number;

  @Field(() => Float, { nullable: true, description: 'Numerator of a RATIO indicator.' })
  numerator?: number | null;

  @Field(() => Float, { nullable: true, description: 'Denominator of a RATIO indicator.' })
  denominator?: number | null;

  @Field(() => Int, { nullable: true, description: 'Projects with a part in the value.' })
  contributorCount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The import that set an official statistic.',
  })
  importId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@ObjectType('ValueBounds', { description: 'Min and max over the panel.' })
export class BoundsType {
  @Field(() => Float)
  min!: number;

  @Field(() => Float)
  max!: number;
}

@ObjectType({ description: 'One indicator of a snapshot: from raw value to obstacle degree.' })
export class SnapshotIndicator {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  subsystem!: string;

  @Field(() => IndicatorSource)
  source!: IndicatorSource;

  @Field(() => IndicatorAggregation, { nullable: true })
  aggregation!: IndicatorAggregation | null;

  @Field(() => IndicatorDirection)
  direction!: IndicatorDirection;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => Float, { description: 'Raw value x (a RATIO as numerator ÷ denominator).' })
  raw!: number;

  @Field(() => Float, { description: "Standardised value x'." })
  standardized!: number;

  @Field(() => Float, { description: 'Weight w within its subsystem.' })
  weight!: number;

  @Field(() => BoundsType, {
    nullable: true,
    description: 'Panel min and max of x used to standardise.',
  })
  bounds!: BoundsType | null;

  @Field(() => Float, { description: "Obstacle degree w·(1 − x')." })
  obstacle!: number;

  @Field(() => Float, { description: 'Obstacle degree divided by the sum over indicators.' })
  obstacleNormalized!: number;

  @Field(() => IndicatorTraceType)
  trace!: IndicatorTraceType;
}

@ObjectType({ description: 'One subsystem (U1, U2, ...) of a snapshot.' })
export class SnapshotSubsystem {
  @Field()
  name!: string;

  @Field()
  label!: string;

  @Field(() => Float, { description: 'Score Σ w·x′ × scoreScale.' })
  score!: number;

  @Field(() => Float, {
    description: 'U: the score after optional standardisation; C, T and D use it.',
  })
  value!: number;

  @Field(() => Float, { description: 'α: the subsystem weight in T.' })
  weight!: number;

  @Field(() => BoundsType, {
    nullable: true,
    description: 'Score bounds, when scores are re-standardised.',
  })
  scoreBounds!: BoundsType | null;

  @Field(() => Float, { description: 'Obstacle degree α·(1 − U).' })
  obstacle!: number;

  @Field(() => Float)
  obstacleNormalized!: number;
}

@ObjectType('CouplingPanel', {
  description: 'The sample panel the bounds and weights were derived from.',
})
export class PanelSummaryType {
  @Field(() => Int)
  sampleCount!: number;

  @Field(() => Int)
  cityCount!: number;

  @Field()
  firstPeriod!: string;

  @Field()
  lastPeriod!: string;

  @Field(() => [String], { description: 'Samples left out for a missing official statistic.' })
  excluded!: string[];
}

@ObjectType('CouplingWarning')
export class CouplingWarningType {
  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true, description: 'The indicator (or subsystem) concerned.' })
  indicator?: string | null;
}

@ObjectType()
export class CouplingSnapshotConnection extends ConnectionType(CouplingSnapshot) {}

@ObjectType({ description: 'Indicators and subsystems of a snapshot, the largest obstacle first.' })
export class ObstacleRanking {
  @Field(() => CouplingSnapshot)
  snapshot!: CouplingSnapshot;

  @Field(() => [SnapshotIndicator])
  indicators!: SnapshotIndicator[];

  @Field(() => [SnapshotSubsystem])
  subsystems!: SnapshotSubsystem[];
}

@ObjectType()
export class SimulatedSubsystem {
  @Field()
  name!: string;

  @Field(() => Float)
  baseValue!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => Float)
  delta!: number;
}

@ObjectType()
export class SimulatedIndicator {
  @Field()
  key!: string;

  @Field(() => Float)
  baseRaw!: number;

  @Field(() => Float)
  raw!: number;

  @Field(() => Float)
  standardized!: number;
}

@ObjectType({
  description: 'A what-if on a snapshot, with its frozen bounds and weights. Nothing is written.',
})
export class CouplingSimulation {
  @Field(() => CouplingSnapshot, { description: 'The snapshot the changes apply to.' })
  base!: CouplingSnapshot;

  @Field(() => [SimulatedIndicator], { description: 'The changed indicators.' })
  indicators!: SimulatedIndicator[];

  @Field(() => [SimulatedSubsystem])
  subsystems!: SimulatedSubsystem[];

  @Field(() => Float)
  couplingDegree!: number;

  @Field(() => Float)
  coordinationIndex!: number;

  @Field(() => Float)
  coordinationDegree!: number;

  @Field(() => CouplingLevel)
  level!: CouplingLevel;

  @Field(() => Float, { description: 'D(simulated) − D(base).' })
  deltaD!: number;

  @Field(() => [ID], { description: 'The projects taken out.' })
  removedProjects!: string[];

  @Field(() => [String], {
    description: 'The hypothetical projects put in, by label (or "added project n").',
  })
  addedProjects!: string[];

  @Field(() => [CouplingWarningType], {
    description:
      'CLIPPED_AT_GOALPOST (a value beyond the bounds, clipped), U_CLIPPED, PROJECT_WITHOUT_PARTS (an added project with no parts), PROJECT_WITHOUT_ACTIVITY (a removed project with no activity in the period).',
  })
  warnings!: CouplingWarningType[];
}

@ObjectType({ description: 'ΔU of one subsystem: U − U(without the project).' })
export class SubsystemDelta {
  @Field()
  name!: string;

  @Field(() => Float)
  delta!: number;
}

@ObjectType({
  description:
    "A project's additive part of one platform indicator: `amount` of a SUM, `numerator` and `denominator` of a RATIO.",
})
export class ContributionPart {
  @Field()
  indicator!: string;

  @Field(() => IndicatorAggregation)
  aggregation!: IndicatorAggregation;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => Float, { nullable: true })
  numerator!: number | null;

  @Field(() => Float, { nullable: true })
  denominator!: number | null;
}

@ObjectType('ContributionShares', {
  description:
    'The additive attribution: each distinct item (outlet, brand × outlet, resource) shared by k projects counts 1/k to each, so the parts add up to the totals. Its ΔD is D − D(without these shares).',
})
export class ContributionSharesType {
  @Field(() => [ContributionPart])
  parts!: ContributionPart[];

  @Field(() => [SubsystemDelta])
  deltaU!: SubsystemDelta[];

  @Field(() => Float)
  deltaD!: number;
}

@ObjectType()
export class ProjectContributionConnection extends ConnectionType(ProjectContribution) {}

@ObjectType({
  description: 'A city in one period: the snapshot, or why there is none (never a bare null).',
})
export class CouplingPeriodResult {
  @Field(() => CouplingSnapshot, { nullable: true })
  snapshot!: CouplingSnapshot | null;

  @Field(() => CouplingAbsence, { nullable: true, description: 'Set when there is no snapshot.' })
  absence!: CouplingAbsence | null;
}
