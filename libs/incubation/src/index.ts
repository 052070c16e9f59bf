export { IncubationErrorCode, IncubationException } from './incubation.exception';
export { INCUBATION_ENTITIES, IncubationModule } from './incubation.module';
export { ApplicationState, APPLICATION_TRANSITIONS } from './application/application-state';
export { KpiCadence } from './program/kpi-cadence.enum';
