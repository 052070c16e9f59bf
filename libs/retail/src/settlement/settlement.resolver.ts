import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Viewer } from '@cc/auth';
import { settlementCsv } from './settlement-csv';
import { SettlementStatement } from './settlement-statement.types';
import { SettlementService } from './settlement.service';
import { ParseIdPipe } from '@cc/graphql';

@Resolver(() => SettlementStatement)
export class SettlementResolver {
  constructor(private readonly settlements: SettlementService) {}

  @Authenticated()
  @Query(() => SettlementStatement, {
    description:
      'A party’s settlement for a period: an organization (as retailer and as heritage owner), a team (makers’ proceeds) or a talent (royalty shares).',
  })
  settlementStatement(
    @Args('partyId', { type: () => ID }, ParseIdPipe) partyId: string,
    @Args('period', { description: 'A quarter (2026-Q3), month (2026-09) or year (2026).' })
    period: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SettlementStatement> {
    return this.settlements.statement(viewer, partyId, period);
  }

  @ResolveField(() => String, { description: 'The statement as CSV (amounts in whole fen).' })
  csv(@Parent() statement: SettlementStatement): string {
    return settlementCsv(statement);
  }
}
