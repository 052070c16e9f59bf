import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ParseIdPipe } from '@cc/graphql';
import { Project, ProjectService } from '@cc/marketplace';
import { PlacementClosingService } from './placement-closing.service';

/**
 * Closing a project lives on the retail side: it ends the project's life in the market, and
 * retail sits downstream of the marketplace (as when a first placement puts its project IN_MARKET).
 * The marketplace moves the project; retail ends its placements in the same transaction.
 */
@Resolver(() => Project)
export class ProjectClosingResolver {
  constructor(
    private readonly projects: ProjectService,
    private readonly placements: PlacementClosingService,
  ) {}

  @Roles(Role.TALENT)
  @Mutation(() => Project, {
    description:
      'Close an IN_MARKET project: its active placements end and open placement proposals are withdrawn or declined. Sales made while a placement was active can still be reported.',
  })
  async closeProject(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Shown to the retailers.' })
    reason: string | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Project> {
    return this.projects.close(viewer, id, async (manager) => {
      await this.placements.closeAllOfProject(manager, id, viewer, reason);
    });
  }
}
