export { ImpactModule } from './impact.module';
export { ImpactErrorCode, ImpactException } from './impact.exception';
export {
  COUPLING_RECOMPUTE_DEBOUNCE_MS,
  COUPLING_RECOMPUTE_WINDOW_MS,
  CouplingRecomputeRequester,
} from './coupling-jobs/coupling-recompute.requester';
export {
  COUPLING_INPUTS_DEBOUNCE_MS,
  CouplingInputsChangedJob,
  CouplingInputsChangedJobData,
  couplingInputsChanged,
} from './coupling-jobs/coupling-inputs-changed.job';
export {
  RecomputeCouplingJob,
  RecomputeCouplingJobData,
} from './coupling-jobs/recompute-coupling.job';
export { RebuildCouplingJob, RebuildCouplingJobData } from './coupling-jobs/rebuild-coupling.job';
export {
  PLATFORM_INDICATORS,
  PlatformIndicatorSpec,
  IndicatorAggregation,
  IndicatorSource,
} from './platform-indicators/platform-indicator.catalog';
export {
  PlatformIndicatorPart,
  PlatformIndicatorProvider,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from './platform-indicators/platform-indicator-source';
export { PlatformIndicatorRegistry } from './platform-indicators/platform-indicator.registry';
export { ImpactLoaders } from './impact.loaders';
export { CouplingSnapshotStatus } from './graphql-enums';
export { ProjectContribution } from './snapshot/project-contribution.entity';
export { ProjectContributionService } from './snapshot/project-contribution.service';
export * from './period';
