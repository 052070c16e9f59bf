import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { IdentityLoaders, User } from '@cc/identity';
import { Project } from './project.entity';

/** Who a project belongs to, batched per request through identity's loaders. */
@Resolver(() => Project)
export class ProjectOwnerResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField(() => User, { description: 'The talent who created the project.' })
  async owner(
    @Parent() project: Project,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<User | null> {
    return this.identity.user(loaders).load(project.ownerUserId);
  }
}
