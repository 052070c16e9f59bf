import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ObjectType } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer, RateLimit } from '@cc/auth';
import { ConnectionType } from '@cc/graphql';
import { ImportOfficialStatisticsInput } from './dto/import-official-statistics.input';
import { OfficialStatisticsArgs } from './dto/official-statistics.args';
import { OfficialStatisticsImportResult } from './dto/official-statistics-import.result';
import { OfficialStatistic } from './official-statistic.entity';
import { OfficialStatisticsService } from './official-statistics.service';

@ObjectType()
export class OfficialStatisticConnection extends ConnectionType(OfficialStatistic) {}

@Resolver(() => OfficialStatistic)
export class OfficialStatisticsResolver {
  constructor(private readonly statistics: OfficialStatisticsService) {}

  @RateLimit('upload')
  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Mutation(() => OfficialStatisticsImportResult, {
    description:
      'Import official statistics (e.g. yearbook figures) from CSV. Bad rows are reported by line; good rows are upserted, so re-importing changes nothing. OFFICIAL of every city in the file, or ADMIN.',
  })
  importOfficialStatistics(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ImportOfficialStatisticsInput,
  ): Promise<OfficialStatisticsImportResult> {
    return this.statistics.import(viewer, input.csv);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => OfficialStatisticConnection, {
    description: "A city's imported statistics, latest period first.",
  })
  officialStatistics(@CurrentViewer() viewer: Viewer, @Args() args: OfficialStatisticsArgs) {
    return this.statistics.list(viewer, args);
  }
}
