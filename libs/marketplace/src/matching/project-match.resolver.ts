import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { byKeys, LoaderRegistry, Loaders } from '@cc/graphql';
import { ProjectMatch } from '@cc/matching';
import { Project } from '../project/project.entity';
import { ProjectState } from '../project/project-state';

/** Adds the project (public once published) to a manufacturer's feed, batched per request. */
@Resolver(() => ProjectMatch)
export class ProjectMatchResolver {
  constructor(@InjectRepository(Project) private readonly projects: Repository<Project>) {}

  @ResolveField(() => Project, { nullable: true })
  project(
    @Parent() match: ProjectMatch,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Project | null> {
    return loaders
      .get('marketplace.matchedProjectById', async (ids: readonly string[]) =>
        byKeys(
          ids,
          await this.projects.findBy({ id: In([...ids]), state: Not(ProjectState.DRAFT) }),
          (project) => project.id,
        ),
      )
      .load(match.projectId);
  }
}
