import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { CohortSummary, PortfolioEntry } from './portfolio.types';

@ObjectType()
export class PortfolioConnection extends ConnectionType(PortfolioEntry) {
  @Field(() => [CohortSummary], { description: 'Totals and medians per cohort, over all pages.' })
  summary!: CohortSummary[];
}
