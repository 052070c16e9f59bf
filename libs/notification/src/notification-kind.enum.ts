import { registerEnumType } from '@nestjs/graphql';

/** What happened. New kinds need a migration (`ALTER TYPE notification_kind ADD VALUE`). */
export enum NotificationKind {
  BID_SUBMITTED = 'BID_SUBMITTED',
  BID_ACCEPTED = 'BID_ACCEPTED',
  BID_REJECTED = 'BID_REJECTED',
  PRODUCTION_MILESTONE = 'PRODUCTION_MILESTONE',
  TEAM_INVITATION = 'TEAM_INVITATION',
  GENERAL = 'GENERAL',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    BID_SUBMITTED: { description: 'A manufacturer bid on your project (to its owners).' },
    BID_ACCEPTED: { description: 'Your bid was accepted (to the bidder).' },
    BID_REJECTED: { description: 'Your bid was rejected (to the bidder).' },
    PRODUCTION_MILESTONE: { description: 'A production order moved to its next milestone.' },
    TEAM_INVITATION: { description: 'A team member invited you to their team (to the talent).' },
    GENERAL: { description: 'Anything else worth telling the user.' },
  },
});
