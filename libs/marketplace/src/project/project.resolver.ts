import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Role, Roles, Viewer } from '@cc/auth';
import { CatalogLoaders, City, CulturalResource } from '@cc/catalog';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { CancelProjectInput } from './dto/cancel-project.input';
import { CreateProjectInput, UpdateProjectInput } from './dto/project.inputs';
import { ProjectCancellationService } from './project-cancellation.service';
import { ProjectsArgs } from './dto/projects.args';
import { ProjectConnection } from './project.connection';
import { Project } from './project.entity';
import { allowedNextStates, ProjectState } from './project-state';
import { ProjectService } from './project.service';

@Resolver(() => Project)
export class ProjectResolver {
  constructor(
    private readonly projectService: ProjectService,
    private readonly cancellation: ProjectCancellationService,
    private readonly catalog: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => ProjectConnection, {
    description: 'Published projects, and the viewer’s own drafts.',
  })
  projects(@Args() args: ProjectsArgs, @CurrentViewer({ optional: true }) viewer?: Viewer) {
    return this.projectService.list(viewer, args);
  }

  @Public()
  @Query(() => Project)
  project(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<Project> {
    return this.projectService.getVisible(viewer, id);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Project, {
    description: 'Create a DRAFT project, as yourself or for one of your teams.',
  })
  createProject(
    @Args('input') input: CreateProjectInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Project> {
    return this.projectService.create(viewer, input);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Project, { description: 'Edit a DRAFT project you own.' })
  updateProject(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateProjectInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Project> {
    return this.projectService.update(viewer, id, input);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Project, { description: 'Open a DRAFT project for sealed bids.' })
  publishProject(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Project> {
    return this.projectService.publish(viewer, id);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Project, {
    description:
      'Cancel a project before it reaches the market. Open bids are rejected; an unfinished production order is cancelled with the reason and who bears what, and its manufacturer is told.',
  })
  cancelProject(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
    @Args('input', { type: () => CancelProjectInput, nullable: true }) input?: CancelProjectInput,
  ): Promise<Project> {
    return this.cancellation.cancel(viewer, id, input ?? {});
  }

  @ResolveField(() => [ProjectState], { description: 'States this project may move to next.' })
  allowedNextStates(@Parent() project: Project): readonly ProjectState[] {
    return allowedNextStates(project.state);
  }

  @ResolveField(() => City)
  city(@Parent() project: Project, @Loaders() loaders: LoaderRegistry): Promise<City | null> {
    return this.catalog.city(loaders).load(project.cityId);
  }

  @ResolveField(() => [CulturalResource])
  async culturalResources(
    @Parent() project: Project,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CulturalResource[]> {
    const resources = await this.catalog
      .culturalResource(loaders)
      .loadMany(project.culturalResourceIds);
    return resources.filter(
      (resource): resource is CulturalResource => resource !== null && !(resource instanceof Error),
    );
  }
}
