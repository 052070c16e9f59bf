import {
  allowedPlacementActions,
  movePlacement,
  PlacementAction,
  placementActionsFor,
  PlacementSide,
  PlacementState,
} from './placement-state';

const { MAKERS, RETAILER } = PlacementSide;
const { ACCEPT, DECLINE, WITHDRAW, END } = PlacementAction;

describe('placement state machine', () => {
  it('lets the counterpart answer, the proposer withdraw, and either side end', () => {
    expect(movePlacement(PlacementState.OFFERED, ACCEPT, RETAILER, MAKERS)).toEqual({
      ok: true,
      to: PlacementState.ACTIVE,
    });
    expect(movePlacement(PlacementState.REQUESTED, DECLINE, MAKERS, RETAILER)).toEqual({
      ok: true,
      to: PlacementState.DECLINED,
    });
    expect(movePlacement(PlacementState.OFFERED, WITHDRAW, MAKERS, MAKERS)).toEqual({
      ok: true,
      to: PlacementState.WITHDRAWN,
    });
    for (const side of [MAKERS, RETAILER]) {
      expect(movePlacement(PlacementState.ACTIVE, END, side, RETAILER)).toEqual({
        ok: true,
        to: PlacementState.ENDED,
      });
    }
  });

  it('says which side must act when the wrong one tries', () => {
    expect(movePlacement(PlacementState.OFFERED, ACCEPT, MAKERS, MAKERS)).toEqual({
      ok: false,
      reason: 'WRONG_SIDE',
      side: RETAILER,
    });
    expect(movePlacement(PlacementState.REQUESTED, WITHDRAW, MAKERS, RETAILER)).toEqual({
      ok: false,
      reason: 'WRONG_SIDE',
      side: RETAILER,
    });
  });

  it('refuses moves out of final states and names what is allowed', () => {
    for (const state of [PlacementState.DECLINED, PlacementState.WITHDRAWN, PlacementState.ENDED]) {
      expect(allowedPlacementActions(state)).toEqual([]);
      expect(movePlacement(state, END, MAKERS, MAKERS)).toEqual({
        ok: false,
        reason: 'ILLEGAL',
        allowed: [],
      });
    }
    expect(movePlacement(PlacementState.ACTIVE, ACCEPT, RETAILER, MAKERS)).toEqual({
      ok: false,
      reason: 'ILLEGAL',
      allowed: [END],
    });
  });

  it('lists the actions each side has', () => {
    expect(placementActionsFor(PlacementState.OFFERED, MAKERS, MAKERS)).toEqual([WITHDRAW]);
    expect(placementActionsFor(PlacementState.OFFERED, RETAILER, MAKERS)).toEqual([
      ACCEPT,
      DECLINE,
    ]);
    expect(placementActionsFor(PlacementState.ACTIVE, MAKERS, RETAILER)).toEqual([END]);
  });
});
