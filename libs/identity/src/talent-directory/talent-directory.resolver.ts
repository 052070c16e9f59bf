import { Args, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Viewer } from '@cc/auth';
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
  @Query(() => TalentDirectoryConnection, {
    description:
      'Find a teammate: talents with a profile who have not hidden themselves, by name, discipline or university. Public fields only; 30 searches a minute per user.',
  })
  talentDirectory(@Args() args: TalentDirectoryArgs, @CurrentViewer() viewer: Viewer) {
    return this.directory.search(viewer, args);
  }
}
