import { registerEnumType } from '@nestjs/graphql';

export enum SaleAnomalyStatus {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

registerEnumType(SaleAnomalyStatus, {
  name: 'SaleAnomalyStatus',
  valuesMap: {
    OPEN: {
      description: "Held: recorded, not counted, waiting for an official of the sale's city.",
    },
    ACCEPTED: { description: 'An official accepted it: it counts in the metrics and settlement.' },
    REJECTED: { description: 'An official rejected it: it never counts, and frees its units.' },
  },
});

export enum SaleAnomalyDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}

registerEnumType(SaleAnomalyDecision, { name: 'SaleAnomalyDecision' });
