import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, RateLimit } from '@cc/auth';
import {
  TalentDirectoryArgs,
  TalentDirectoryConnection,
  TalentDirectoryEntry,
} from './talent-directory.types';
import { TalentDirectoryService } from './talent-directory.service';

@Resolver(() => TalentDirectoryEntry)
export class TalentDirectoryResolver {
  constructor(private readonly directory: TalentDirectoryService) {}

  @Authenticated()
  @RateLimit('talentDirectory')
  @Query(() => TalentDirectoryConnection, {
    description:
      'Find a teammate: talents with a profile who have not hidden themselves, by name, discipline or university. Public fields only; 30 searches a minute per user.',
  })
  talentDirectory(@Args() args: TalentDirectoryArgs) {
    return this.directory.search(args);
  }
}
