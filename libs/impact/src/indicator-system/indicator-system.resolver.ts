import { CouplingBasisType, versionBasisType } from './dto/coupling-basis.type';
import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { CatalogLoaders, City } from '@cc/catalog';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { CouplingRecomputeRequester } from '../coupling-jobs/coupling-recompute.requester';
import {
  CouplingVariant,
  IndicatorDirection,
  IndicatorWeightingMethod,
  StandardizationMethod,
  SubsystemWeightingMethod,
} from '../graphql-enums';
import { PLATFORM_INDICATORS } from '../platform-indicators/platform-indicator.catalog';
import { PlatformIndicatorRegistry } from '../platform-indicators/platform-indicator.registry';
import { CreateIndicatorSystemVersionInput } from './dto/create-indicator-system-version.input';
import { IndicatorSystemArgs, IndicatorSystemVersionsArgs } from './dto/indicator-system.args';
import {
  CouplingMethodType,
  IndicatorSubsystemType,
  IndicatorSystemVersionConnection,
  PlatformIndicatorInfo,
  StandardizationType,
} from './dto/indicator-system.types';
import { IndicatorSystemVersion } from './indicator-system-version.entity';
import { IndicatorSystemService } from './indicator-system.service';

function standardizationOf(value: {
  method: string;
  range?: readonly number[];
}): StandardizationType {
  return value.method === 'minmax'
    ? { method: StandardizationMethod.MINMAX, range: [...(value.range ?? [0, 1])] }
    : { method: StandardizationMethod.NONE, range: null };
}

@Resolver(() => IndicatorSystemVersion)
export class IndicatorSystemResolver {
  constructor(
    private readonly systems: IndicatorSystemService,
    private readonly recompute: CouplingRecomputeRequester,
    private readonly registry: PlatformIndicatorRegistry,
    private readonly catalogLoaders: CatalogLoaders,
  ) {}

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Mutation(() => IndicatorSystemVersion, {
    description:
      'A new version of the indicator system (versions are never edited). OFFICIAL for their city, ADMIN for any city or all.',
  })
  async createIndicatorSystemVersion(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateIndicatorSystemVersionInput,
  ): Promise<IndicatorSystemVersion> {
    const version = await this.systems.create(viewer, input);
    await this.recompute.requestForVersion(
      version.id,
      `indicator system version ${version.version}`,
    );
    return version;
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => IndicatorSystemVersionConnection, {
    description:
      'Indicator-system versions you may see (global ones and your cities\u2019), newest first.',
  })
  indicatorSystemVersions(
    @CurrentViewer() viewer: Viewer,
    @Args() { cityId, ...page }: IndicatorSystemVersionsArgs,
  ) {
    return this.systems.list(viewer, cityId, page);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => IndicatorSystemVersion, {
    description: 'One version by number, or the one in force (for a city, or globally).',
  })
  indicatorSystem(@CurrentViewer() viewer: Viewer, @Args() args: IndicatorSystemArgs) {
    return this.systems.resolve(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => [PlatformIndicatorInfo], {
    description: 'The indicators the platform computes, and whether each is available yet.',
  })
  platformIndicators(): PlatformIndicatorInfo[] {
    return PLATFORM_INDICATORS.map((spec) => ({
      ...spec,
      available: this.registry.sourceFor(spec.key) !== undefined,
    }));
  }

  @ResolveField(() => CouplingBasisType, {
    description:
      'The basis (goalposts and weights) live numbers are computed on; fixedAt is null until fixed.',
  })
  basis(@Parent() version: IndicatorSystemVersion): CouplingBasisType {
    return versionBasisType(version.basisSpec, version.basis);
  }

  @ResolveField(() => City, { nullable: true })
  city(@Parent() version: IndicatorSystemVersion, @Loaders() loaders: LoaderRegistry) {
    return version.cityId ? this.catalogLoaders.city(loaders).load(version.cityId) : null;
  }

  @ResolveField(() => [IndicatorSubsystemType], {
    description: 'Subsystems (U1, U2, ...) and their indicators.',
  })
  subsystems(@Parent() version: IndicatorSystemVersion): IndicatorSubsystemType[] {
    const model = this.systems.modelOf(version);
    const indicatorWeights =
      model.indicatorWeights.method === 'fixed' ? model.indicatorWeights.weights : null;
    const subsystemWeights =
      model.subsystemWeights.method === 'fixed' ? model.subsystemWeights.weights : null;
    return version.subsystems.map((subsystem) => ({
      ...subsystem,
      fixedWeight: subsystemWeights?.[subsystem.name] ?? null,
      indicators: version.indicators
        .filter((indicator) => indicator.subsystem === subsystem.name)
        .map((indicator) => ({
          ...indicator,
          direction:
            indicator.direction === 'negative'
              ? IndicatorDirection.NEGATIVE
              : IndicatorDirection.POSITIVE,
          fixedWeight: indicatorWeights?.[indicator.key] ?? null,
        })),
    }));
  }

  @ResolveField(() => CouplingMethodType)
  method(@Parent() version: IndicatorSystemVersion): CouplingMethodType {
    const model = this.systems.modelOf(version);
    return {
      standardization: standardizationOf(model.standardization),
      indicatorWeighting:
        model.indicatorWeights.method === 'fixed'
          ? IndicatorWeightingMethod.FIXED
          : IndicatorWeightingMethod.ENTROPY,
      scoreScale: model.scoreScale,
      scoreStandardization: standardizationOf(model.scoreStandardization),
      subsystemWeighting: model.subsystemWeights.method.toUpperCase() as SubsystemWeightingMethod,
      coupling: {
        variant: model.coupling.variant.toUpperCase() as CouplingVariant,
        productFloor: model.coupling.productFloor,
      },
    };
  }

  @ResolveField(() => String, {
    description: 'The model as JSON, exactly what the coupling CLI reads (`--model model.json`).',
  })
  modelJson(@Parent() version: IndicatorSystemVersion): string {
    return JSON.stringify(version.model, null, 2);
  }
}
