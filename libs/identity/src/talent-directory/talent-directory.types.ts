import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs, ConnectionType, Trim } from '@cc/graphql';
import { Discipline } from '../talent-profile/discipline.enum';

/** What the directory shows of a talent: the public profile fields, nothing else. */
@ObjectType()
export class TalentDirectoryEntry {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [Discipline])
  disciplines!: Discipline[];

  @Field(() => String, { nullable: true })
  university!: string | null;
}

@ObjectType()
export class TalentDirectoryConnection extends ConnectionType(TalentDirectoryEntry) {}

@ArgsType()
export class TalentDirectoryArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Part of the display name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  name?: string;

  @Field(() => Discipline, { nullable: true })
  @IsOptional()
  @IsEnum(Discipline)
  discipline?: Discipline;

  @Field(() => String, { nullable: true, description: 'Part of the university name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  university?: string;
}
