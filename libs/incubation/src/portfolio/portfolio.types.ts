import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProjectState } from '@cc/marketplace';
import { ApplicationState } from '../application/application-state';
import { KpiMetric } from '../kpi/kpi-metric.entity';

export enum KpiTrend {
  UP = 'UP',
  DOWN = 'DOWN',
  FLAT = 'FLAT',
  /** Only one period reported so far. */
  NEW = 'NEW',
}
registerEnumType(KpiTrend, { name: 'KpiTrend' });

@ObjectType()
export class ProjectCouplingPoint {
  @Field()
  period!: string;

  @Field(() => Float, { description: "ΔD: the city's coordination degree with minus without it." })
  deltaD!: number;
}

@ObjectType()
export class PortfolioProject {
  @Field(() => ID)
  projectId!: string;

  @Field()
  title!: string;

  @Field(() => ProjectState)
  state!: ProjectState;

  @Field(() => Int)
  unitsDelivered!: number;

  @Field(() => Int)
  unitsSold!: number;

  @Field(() => Float, { description: 'Sales revenue to date, yuan.' })
  revenue!: number;

  @Field(() => [ProjectCouplingPoint], {
    description: "Its contribution to the city's coupling metrics, per period (impact domain).",
  })
  coupling!: ProjectCouplingPoint[];
}

@ObjectType()
export class PortfolioKpi {
  @Field(() => KpiMetric)
  metric!: KpiMetric;

  @Field({ description: 'The latest reported period.' })
  period!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { nullable: true, description: 'The value in the report before.' })
  previousValue!: number | null;

  @Field(() => KpiTrend)
  trend!: KpiTrend;

  @Field(() => [Float], { description: 'The last periods’ values, oldest first (up to 4).' })
  recent!: number[];
}

/** One team of the incubator's portfolio. */
@ObjectType()
export class PortfolioEntry {
  @Field(() => ID, { description: 'The application id.' })
  id!: string;

  @Field(() => ID)
  cohortId!: string;

  @Field()
  cohortName!: string;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  @Field({ description: 'The team’s name, or the talent’s when applying alone.' })
  teamName!: string;

  @Field(() => ApplicationState)
  state!: ApplicationState;

  @Field(() => Date, { nullable: true })
  admittedAt!: Date | null;

  @Field(() => [PortfolioProject])
  projects!: PortfolioProject[];

  @Field(() => [PortfolioKpi])
  latestKpis!: PortfolioKpi[];

  @Field(() => Int)
  milestonesTotal!: number;

  @Field(() => Int)
  milestonesDone!: number;

  @Field(() => Int)
  milestonesOverdue!: number;

  @Field(() => Int)
  unitsDelivered!: number;

  @Field(() => Int)
  unitsSold!: number;

  @Field(() => Float, { description: 'Sales revenue to date, yuan.' })
  revenue!: number;

  @Field(() => Float, { nullable: true, description: 'Units sold ÷ delivered; null if none.' })
  sellThrough!: number | null;

  @Field(() => Float, {
    description: "Sum over its projects of the latest period's ΔD (0 before any snapshot).",
  })
  couplingDeltaD!: number;
}

@ObjectType()
export class CohortSummary {
  @Field(() => ID)
  cohortId!: string;

  @Field()
  cohortName!: string;

  @Field(() => Int)
  teams!: number;

  @Field(() => Float)
  revenueTotal!: number;

  @Field(() => Float, { nullable: true })
  revenueMedian!: number | null;

  @Field(() => Int)
  unitsSoldTotal!: number;

  @Field(() => Float, { nullable: true })
  unitsSoldMedian!: number | null;

  @Field(() => Float, { nullable: true })
  sellThroughMedian!: number | null;

  @Field(() => Int)
  milestonesDone!: number;

  @Field(() => Int)
  milestonesOverdue!: number;
}

/** An incubator in an official's city, in aggregate: no team is named. */
@ObjectType()
export class IncubatorAggregate {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  cohorts!: number;

  @Field(() => Int, { description: 'Teams admitted now.' })
  activeVentures!: number;

  @Field(() => Int)
  graduated!: number;

  @Field(() => Float)
  revenueTotal!: number;

  @Field(() => Float, { nullable: true })
  revenueMedian!: number | null;

  @Field(() => Int)
  unitsSoldTotal!: number;

  @Field(() => Int)
  milestonesDone!: number;
}
