import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GovernmentDepartment } from '@cc/auth';
import { Trim } from '@cc/graphql';

@InputType({ description: 'The city and department an official asks to be granted.' })
export class OfficialRoleRequestInput {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field(() => GovernmentDepartment)
  @IsEnum(GovernmentDepartment)
  department!: GovernmentDepartment;

  @Field({ nullable: true, description: 'e.g. position and office, for the ADMIN to check.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}
