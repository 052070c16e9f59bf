import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ConnectionType } from '@cc/graphql';

@ObjectType({ description: 'One weighted part of a match score.' })
export class MatchComponentType {
  @Field({ description: 'e.g. process_coverage, proximity, theme_affinity.' })
  name!: string;

  @Field(() => Float, { description: 'Its share of the score (the weights add up to 1).' })
  weight!: number;

  @Field(() => Float, { description: '0–1.' })
  value!: number;
}

@ObjectType({ description: 'Why a pair scored as it did, or why it is excluded.' })
export class MatchReasonType {
  @Field({ description: 'Stable code, e.g. MISSING_CERTIFICATION, SAME_DISTRICT.' })
  code!: string;

  @Field({ description: 'In English.' })
  message!: string;

  @Field({ description: 'In Chinese.' })
  messageZh!: string;
}

@ObjectType({ isAbstract: true })
export abstract class ScoredMatch {
  @Field(() => Float, { description: 'Weighted mean of the components, 0–1.' })
  score!: number;

  @Field({ description: 'Ruled out by a hard filter (the first reasons say which).' })
  excluded!: boolean;

  @Field(() => [MatchComponentType])
  components!: MatchComponentType[];

  @Field(() => [MatchReasonType])
  reasons!: MatchReasonType[];
}

@ObjectType({ description: "A MANUFACTURER organization ranked for a project's needs." })
export class ManufacturerMatch extends ScoredMatch {
  @Field(() => ID)
  organizationId!: string;
}

@ObjectType({ description: "A project open for bids, ranked for a manufacturer's capabilities." })
export class ProjectMatch extends ScoredMatch {
  @Field(() => ID)
  projectId!: string;
}

@ObjectType({ description: 'An outlet ranked for a product.' })
export class OutletMatch extends ScoredMatch {
  @Field(() => ID)
  outletId!: string;
}

@ObjectType({ description: 'A product ranked for an outlet.' })
export class ProductMatch extends ScoredMatch {
  @Field(() => ID)
  productId!: string;
}

@ObjectType({
  description:
    'A talent who would complement a team. A suggestion is not an addition: invite them, and they join once they accept.',
})
export class TeammateSuggestion extends ScoredMatch {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field(() => [String])
  disciplines!: string[];
}

export enum MatchPairKind {
  PROJECT_MANUFACTURER = 'PROJECT_MANUFACTURER',
  PRODUCT_OUTLET = 'PRODUCT_OUTLET',
  TEAM_TALENT = 'TEAM_TALENT',
  PROJECT_TALENT = 'PROJECT_TALENT',
}
registerEnumType(MatchPairKind, { name: 'MatchPairKind' });

@ObjectType({
  description: 'The score of any pair, computed now, with why it is excluded if it is.',
})
export class MatchExplanation extends ScoredMatch {
  @Field(() => MatchPairKind)
  kind!: MatchPairKind;

  @Field(() => ID, { description: 'The project, product or team.' })
  subjectId!: string;

  @Field(() => ID, { description: 'The manufacturer organization, outlet or talent (user).' })
  candidateId!: string;
}

@ObjectType()
export class ManufacturerMatchConnection extends ConnectionType(ManufacturerMatch) {}

@ObjectType()
export class ProjectMatchConnection extends ConnectionType(ProjectMatch) {}

@ObjectType()
export class OutletMatchConnection extends ConnectionType(OutletMatch) {}

@ObjectType()
export class ProductMatchConnection extends ConnectionType(ProductMatch) {}

export const MAX_MATCHES_PAGE = 50;

/** Forward pages of ranked matches, best first. */
@ArgsType()
export class MatchPageArgs {
  @Field(() => Int, { defaultValue: 10, description: `Page size (1–${MAX_MATCHES_PAGE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_MATCHES_PAGE)
  first!: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The endCursor of the previous page. Pages run forward only (no last/before): a ranking is read from the best down and re-read from the top when scores change. pageInfo.hasPreviousPage says whether anything ranks above this page.',
  })
  @IsOptional()
  @IsString()
  after?: string;
}

@ArgsType()
export class RecommendedManufacturersArgs extends MatchPageArgs {
  @Field(() => ID, { description: 'A project open for bids that you own.' })
  @IsUUID()
  projectId!: string;
}

@ArgsType()
export class RecommendedOutletsArgs extends MatchPageArgs {
  @Field(() => ID, { description: 'A product you make.' })
  @IsUUID()
  productId!: string;
}

@ArgsType()
export class RecommendedProductsArgs extends MatchPageArgs {
  @Field(() => ID, { description: 'An outlet of your retailer organization.' })
  @IsUUID()
  outletId!: string;
}

@ArgsType()
export class RecommendedProjectsArgs extends MatchPageArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The MANUFACTURER organization (you must be a member). Optional when you belong to exactly one.',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class SuggestedTeammatesArgs {
  @Field(() => ID, { nullable: true, description: 'For this project (its owners and team).' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'For this team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field(() => Int, { defaultValue: 10, description: `How many (1–${MAX_MATCHES_PAGE}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_MATCHES_PAGE)
  first!: number;
}
