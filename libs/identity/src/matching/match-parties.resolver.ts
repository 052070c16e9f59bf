import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { ManufacturerMatch, TeammateSuggestion } from '@cc/matching';
import { IdentityLoaders } from '../identity.loaders';
import { Organization } from '../organization/organization.entity';
import { User } from '../user/user.entity';

/** Adds the manufacturer organization to matching's ranked rows, batched per request. */
@Resolver(() => ManufacturerMatch)
export class ManufacturerMatchResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField(() => Organization, { nullable: true })
  organization(
    @Parent() match: ManufacturerMatch,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organization | null> {
    return this.identity.organization(loaders).load(match.organizationId);
  }
}

/** Adds the suggested talent's user (to invite) to matching's suggestions. */
@Resolver(() => TeammateSuggestion)
export class TeammateSuggestionResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField(() => User, { nullable: true })
  user(
    @Parent() suggestion: TeammateSuggestion,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<User | null> {
    return this.identity.user(loaders).load(suggestion.userId);
  }
}
