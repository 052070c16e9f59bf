import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneKind {
  PROTOTYPE = 'PROTOTYPE',
  FIRST_PRODUCTION_ORDER = 'FIRST_PRODUCTION_ORDER',
  FIRST_PLACEMENT = 'FIRST_PLACEMENT',
  FIRST_1000_UNITS_SOLD = 'FIRST_1000_UNITS_SOLD',
  CUSTOM = 'CUSTOM',
}
registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  valuesMap: {
    PROTOTYPE: { description: 'Ticked when a sample of one of the team’s projects is approved.' },
    FIRST_PRODUCTION_ORDER: {
      description: 'Ticked when a bid on one of its projects is accepted.',
    },
    FIRST_PLACEMENT: {
      description: 'Ticked when a product of one of its projects is first placed.',
    },
    FIRST_1000_UNITS_SOLD: {
      description: 'Ticked by the sale that takes one of its projects to 1,000 units sold.',
    },
    CUSTOM: { description: 'The incubator’s own; marked with evidence.' },
  },
});

export enum CompletionSource {
  MANUAL = 'MANUAL',
  PLATFORM_EVENT = 'PLATFORM_EVENT',
}
registerEnumType(CompletionSource, { name: 'MilestoneCompletionSource' });
