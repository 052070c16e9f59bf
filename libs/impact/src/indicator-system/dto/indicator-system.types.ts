import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import {
  CouplingVariant,
  IndicatorDirection,
  IndicatorWeightingMethod,
  StandardizationMethod,
  SubsystemWeightingMethod,
} from '../../graphql-enums';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../../platform-indicators/platform-indicator.catalog';
import { IndicatorSystemVersion } from '../indicator-system-version.entity';

@ObjectType('IndicatorDefinition')
export class IndicatorDefinitionType {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  subsystem!: string;

  @Field(() => IndicatorDirection)
  direction!: IndicatorDirection;

  @Field(() => IndicatorSource)
  source!: IndicatorSource;

  @Field(() => IndicatorAggregation, { nullable: true })
  aggregation!: IndicatorAggregation | null;

  @Field(() => Float, { nullable: true, description: 'The fixed weight, when weighting is FIXED.' })
  fixedWeight!: number | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;
}

@ObjectType('IndicatorSubsystem')
export class IndicatorSubsystemType {
  @Field()
  name!: string;

  @Field()
  label!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The fixed α, when subsystem weighting is FIXED.',
  })
  fixedWeight!: number | null;

  @Field(() => [IndicatorDefinitionType])
  indicators!: IndicatorDefinitionType[];
}

@ObjectType('Standardization')
export class StandardizationType {
  @Field(() => StandardizationMethod)
  method!: StandardizationMethod;

  @Field(() => [Float], { nullable: true, description: '[a, b] of MINMAX.' })
  range!: number[] | null;
}

@ObjectType('CouplingOptions')
export class CouplingOptionsType {
  @Field(() => CouplingVariant)
  variant!: CouplingVariant;

  @Field(() => Float)
  productFloor!: number;
}

@ObjectType('CouplingMethod', { description: 'How the coupling model of a version is computed.' })
export class CouplingMethodType {
  @Field(() => StandardizationType)
  standardization!: StandardizationType;

  @Field(() => IndicatorWeightingMethod)
  indicatorWeighting!: IndicatorWeightingMethod;

  @Field(() => Float)
  scoreScale!: number;

  @Field(() => StandardizationType)
  scoreStandardization!: StandardizationType;

  @Field(() => SubsystemWeightingMethod)
  subsystemWeighting!: SubsystemWeightingMethod;

  @Field(() => CouplingOptionsType)
  coupling!: CouplingOptionsType;
}

@ObjectType()
export class IndicatorSystemVersionConnection extends ConnectionType(IndicatorSystemVersion) {}

@ObjectType({ description: 'An indicator the platform can compute from its own records.' })
export class PlatformIndicatorInfo {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field()
  defaultSubsystem!: string;

  @Field(() => IndicatorAggregation)
  aggregation!: IndicatorAggregation;

  @Field()
  unit!: string;

  @Field()
  description!: string;

  @Field({ description: 'The domain that computes it.' })
  providedBy!: string;

  @Field({
    description: 'False until that domain registers its source: until then the value is 0.',
  })
  available!: boolean;
}
