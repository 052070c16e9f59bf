import { registerEnumType } from '@nestjs/graphql';

export enum BidState {
  SUBMITTED = 'SUBMITTED',
  REVISED = 'REVISED',
  WITHDRAWN = 'WITHDRAWN',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(BidState, { name: 'BidState' });

/** Bids still in the running: they can be revised, withdrawn, accepted or rejected. */
export const ACTIVE_BID_STATES: readonly BidState[] = [BidState.SUBMITTED, BidState.REVISED];
