export { IncubationErrorCode, IncubationException } from './incubation.exception';
export { INCUBATION_ENTITIES, IncubationModule, IncubationWorkerModule } from './incubation.module';
export { ProjectEventJob } from './milestone/project-event.job';
export { MilestoneKind } from './milestone/milestone-kind.enum';
export { ApplicationState, APPLICATION_TRANSITIONS } from './application/application-state';
export { KpiCadence } from './program/kpi-cadence.enum';
export {
  INCUBATION_INDICATORS,
  IncubationIndicatorSource,
} from './indicators/incubation-indicator.source';
export { ACTIVE_INCUBATED_VENTURES } from './incubation-events';
