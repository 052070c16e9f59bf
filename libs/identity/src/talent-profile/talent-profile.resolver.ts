import {
  Args,
  Field,
  ID,
  ArgsType,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { IdentityLoaders } from '../identity.loaders';
import { User } from '../user/user.entity';
import { UpsertTalentProfileInput } from './dto/upsert-talent-profile.input';
import { AbilitySelfAssessment, TalentProfile } from './talent-profile.entity';
import { visibleTalentProfile } from './talent-profile.privacy';
import { TalentProfileService } from './talent-profile.service';

@ArgsType()
class TalentProfileArgs {
  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@Resolver(() => TalentProfile)
export class TalentProfileResolver {
  constructor(
    private readonly profiles: TalentProfileService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Authenticated()
  @Query(() => TalentProfile, { nullable: true })
  async talentProfile(
    @Args() { userId }: TalentProfileArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<TalentProfile | null> {
    return visibleTalentProfile(viewer, await this.profiles.byUser(userId));
  }

  @Roles(Role.TALENT)
  @Mutation(() => TalentProfile, {
    description: "Create or update the signed-in talent's profile.",
  })
  upsertTalentProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpsertTalentProfileInput,
  ): Promise<TalentProfile> {
    return this.profiles.upsert(viewer, input);
  }

  @ResolveField(() => User)
  user(@Parent() profile: TalentProfile, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.user(loaders).load(profile.userId);
  }

  @ResolveField(() => AbilitySelfAssessment)
  abilities(@Parent() profile: TalentProfile): AbilitySelfAssessment {
    return {
      creativeThinking: profile.creativeThinking,
      marketInsight: profile.marketInsight,
      entrepreneurialOperation: profile.entrepreneurialOperation,
      crossDisciplinaryIntegration: profile.crossDisciplinaryIntegration,
      localCultureInheritance: profile.localCultureInheritance,
    };
  }
}
