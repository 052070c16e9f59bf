import {
  allowedNextStates,
  canTransition,
  PROJECT_TRANSITIONS,
  ProjectState,
} from './project-state';

describe('project lifecycle', () => {
  it('follows DRAFT → OPEN_FOR_BIDS → AWARDED → IN_PRODUCTION → IN_MARKET → CLOSED', () => {
    const path = [
      ProjectState.DRAFT,
      ProjectState.OPEN_FOR_BIDS,
      ProjectState.AWARDED,
      ProjectState.IN_PRODUCTION,
      ProjectState.IN_MARKET,
      ProjectState.CLOSED,
    ];
    for (let i = 1; i < path.length; i += 1) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('allows CANCELLED from every state before IN_MARKET and from none after', () => {
    const cancellable = Object.values(ProjectState).filter((state) =>
      canTransition(state, ProjectState.CANCELLED),
    );
    expect(cancellable.sort()).toEqual(
      [
        ProjectState.DRAFT,
        ProjectState.OPEN_FOR_BIDS,
        ProjectState.AWARDED,
        ProjectState.IN_PRODUCTION,
      ].sort(),
    );
  });

  it('has no way out of CLOSED or CANCELLED and never skips a step', () => {
    expect(allowedNextStates(ProjectState.CLOSED)).toEqual([]);
    expect(allowedNextStates(ProjectState.CANCELLED)).toEqual([]);
    expect(canTransition(ProjectState.DRAFT, ProjectState.AWARDED)).toBe(false);
    expect(canTransition(ProjectState.OPEN_FOR_BIDS, ProjectState.DRAFT)).toBe(false);
  });

  it('declares every state', () => {
    expect(Object.keys(PROJECT_TRANSITIONS).sort()).toEqual(Object.values(ProjectState).sort());
  });
});
