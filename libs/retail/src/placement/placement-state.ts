import { registerEnumType } from '@nestjs/graphql';

export enum PlacementState {
  /** The makers offered the product to the outlet; the retailer answers. */
  OFFERED = 'OFFERED',
  /** The retailer asked for the product; the makers answer. */
  REQUESTED = 'REQUESTED',
  /** Accepted: the outlet may sell the product under these terms. */
  ACTIVE = 'ACTIVE',
  DECLINED = 'DECLINED',
  /** Taken back by the side that proposed it, before an answer. */
  WITHDRAWN = 'WITHDRAWN',
  ENDED = 'ENDED',
}
registerEnumType(PlacementState, { name: 'PlacementState' });

/** The two sides of a placement: the project's owners, and the outlet's retailer. */
export enum PlacementSide {
  MAKERS = 'MAKERS',
  RETAILER = 'RETAILER',
}
registerEnumType(PlacementSide, { name: 'PlacementSide' });

export enum PlacementAction {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  WITHDRAW = 'WITHDRAW',
  END = 'END',
}
registerEnumType(PlacementAction, { name: 'PlacementAction' });

/** Who may take an action: the side that did not propose, the side that did, or either. */
type Actor = 'COUNTERPART' | 'INITIATOR' | 'EITHER';

const ANSWERS: Partial<Record<PlacementAction, { to: PlacementState; by: Actor }>> = {
  [PlacementAction.ACCEPT]: { to: PlacementState.ACTIVE, by: 'COUNTERPART' },
  [PlacementAction.DECLINE]: { to: PlacementState.DECLINED, by: 'COUNTERPART' },
  [PlacementAction.WITHDRAW]: { to: PlacementState.WITHDRAWN, by: 'INITIATOR' },
};

/** Every legal move of a placement, in one place. */
export const PLACEMENT_TRANSITIONS: Readonly<
  Record<PlacementState, Partial<Record<PlacementAction, { to: PlacementState; by: Actor }>>>
> = {
  [PlacementState.OFFERED]: ANSWERS,
  [PlacementState.REQUESTED]: ANSWERS,
  [PlacementState.ACTIVE]: { [PlacementAction.END]: { to: PlacementState.ENDED, by: 'EITHER' } },
  [PlacementState.DECLINED]: {},
  [PlacementState.WITHDRAWN]: {},
  [PlacementState.ENDED]: {},
};

/** States in which a (product, outlet) pair is taken: at most one placement per pair is open. */
export const OPEN_PLACEMENT_STATES: readonly PlacementState[] = [
  PlacementState.OFFERED,
  PlacementState.REQUESTED,
  PlacementState.ACTIVE,
];

/** The state a new placement starts in, by who proposes it. */
export function initialPlacementState(initiator: PlacementSide): PlacementState {
  return initiator === PlacementSide.MAKERS ? PlacementState.OFFERED : PlacementState.REQUESTED;
}

export type PlacementMove =
  | { ok: true; to: PlacementState }
  | { ok: false; reason: 'ILLEGAL'; allowed: PlacementAction[] }
  | { ok: false; reason: 'WRONG_SIDE'; side: PlacementSide };

/**
 * Decides one move. `ILLEGAL` when the action does not apply to the state at all; `WRONG_SIDE`
 * when it does, but the other side must take it (`side` says which).
 */
export function movePlacement(
  state: PlacementState,
  action: PlacementAction,
  actor: PlacementSide,
  initiator: PlacementSide,
): PlacementMove {
  const rule = PLACEMENT_TRANSITIONS[state][action];
  if (!rule) return { ok: false, reason: 'ILLEGAL', allowed: allowedPlacementActions(state) };
  const counterpart =
    initiator === PlacementSide.MAKERS ? PlacementSide.RETAILER : PlacementSide.MAKERS;
  const required =
    rule.by === 'COUNTERPART' ? counterpart : rule.by === 'INITIATOR' ? initiator : actor;
  if (actor !== required) return { ok: false, reason: 'WRONG_SIDE', side: required };
  return { ok: true, to: rule.to };
}

export function allowedPlacementActions(state: PlacementState): PlacementAction[] {
  return Object.keys(PLACEMENT_TRANSITIONS[state]) as PlacementAction[];
}

/** The actions this side may take now (for the UI). */
export function placementActionsFor(
  state: PlacementState,
  side: PlacementSide,
  initiator: PlacementSide,
): PlacementAction[] {
  return allowedPlacementActions(state).filter(
    (action) => movePlacement(state, action, side, initiator).ok,
  );
}
