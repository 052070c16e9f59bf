import { registerEnumType } from '@nestjs/graphql';

export enum ApplicationState {
  SUBMITTED = 'SUBMITTED',
  ADMITTED = 'ADMITTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
  GRADUATED = 'GRADUATED',
}
registerEnumType(ApplicationState, { name: 'ApplicationState' });

/** Every legal move of an application, in one place (as the marketplace's project states). */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationState, readonly ApplicationState[]>
> = {
  [ApplicationState.SUBMITTED]: [
    ApplicationState.ADMITTED,
    ApplicationState.REJECTED,
    ApplicationState.WITHDRAWN,
  ],
  [ApplicationState.ADMITTED]: [ApplicationState.WITHDRAWN, ApplicationState.GRADUATED],
  [ApplicationState.REJECTED]: [],
  [ApplicationState.WITHDRAWN]: [],
  [ApplicationState.GRADUATED]: [],
};

/** States holding a seat of the cohort. */
export const SEATED_STATES: readonly ApplicationState[] = [
  ApplicationState.ADMITTED,
  ApplicationState.GRADUATED,
];

export function allowedNextApplicationStates(from: ApplicationState): readonly ApplicationState[] {
  return APPLICATION_TRANSITIONS[from];
}

export function canMoveApplication(from: ApplicationState, to: ApplicationState): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}
