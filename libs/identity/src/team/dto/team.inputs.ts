import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@cc/graphql';
import { TeamRole } from '../team.entity';

@InputType()
export class CreateTeamInput {
  @Field()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

@InputType()
export class TeamMemberInput {
  @Field(() => ID)
  @IsUUID()
  teamId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class SetTeamMemberRoleInput extends TeamMemberInput {
  @Field(() => TeamRole)
  @IsEnum(TeamRole, { message: 'role must be LEAD or MEMBER' })
  role!: TeamRole;
}
