import { registerEnumType } from '@nestjs/graphql';

export enum ProjectState {
  DRAFT = 'DRAFT',
  OPEN_FOR_BIDS = 'OPEN_FOR_BIDS',
  AWARDED = 'AWARDED',
  IN_PRODUCTION = 'IN_PRODUCTION',
  IN_MARKET = 'IN_MARKET',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProjectState, { name: 'ProjectState' });

/** Every legal move of a project, in one place. CANCELLED is reachable from any state before IN_MARKET. */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectState, readonly ProjectState[]>> = {
  [ProjectState.DRAFT]: [ProjectState.OPEN_FOR_BIDS, ProjectState.CANCELLED],
  [ProjectState.OPEN_FOR_BIDS]: [ProjectState.AWARDED, ProjectState.CANCELLED],
  [ProjectState.AWARDED]: [ProjectState.IN_PRODUCTION, ProjectState.CANCELLED],
  [ProjectState.IN_PRODUCTION]: [ProjectState.IN_MARKET, ProjectState.CANCELLED],
  [ProjectState.IN_MARKET]: [ProjectState.CLOSED],
  [ProjectState.CLOSED]: [],
  [ProjectState.CANCELLED]: [],
};

export function allowedNextStates(from: ProjectState): readonly ProjectState[] {
  return PROJECT_TRANSITIONS[from];
}

export function canTransition(from: ProjectState, to: ProjectState): boolean {
  return PROJECT_TRANSITIONS[from].includes(to);
}

/** The states from which `to` can be reached in one move (to say what a refused move needs). */
export function statesLeadingTo(to: ProjectState): ProjectState[] {
  return (Object.keys(PROJECT_TRANSITIONS) as ProjectState[]).filter((from) =>
    PROJECT_TRANSITIONS[from].includes(to),
  );
}
