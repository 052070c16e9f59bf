import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Not, Repository } from 'typeorm';
import { byKeys, LoaderRegistry, Loaders } from '@cc/graphql';
import { ProjectContribution } from '@cc/impact';
import { Project } from '../project/project.entity';
import { ProjectState } from '../project/project-state';

/** Projects by id for contribution rows, batched per request. Drafts are never returned. */
@Injectable()
export class ContributionProjectLoader {
  constructor(@InjectRepository(Project) private readonly projects: Repository<Project>) {}

  load(loaders: LoaderRegistry): DataLoader<string, Project | null> {
    return loaders.get('marketplace.contributionProjectById', async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.projects.findBy({ id: In([...ids]), state: Not(ProjectState.DRAFT) }),
        (project) => project.id,
      ),
    );
  }
}

/** Adds the marketplace project (title, state, ...) to the impact domain's contribution type. */
@Resolver(() => ProjectContribution)
export class ContributionProjectResolver {
  constructor(private readonly projects: ContributionProjectLoader) {}

  @ResolveField(() => Project, {
    nullable: true,
    description: 'The project (published projects are public; contributions exist only for them).',
  })
  project(
    @Parent() contribution: ProjectContribution,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Project | null> {
    return this.projects.load(loaders).load(contribution.projectId);
  }
}
