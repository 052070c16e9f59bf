import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GovernmentDepartment, Role } from '@cc/auth';
import { ConnectionArgs, Trim } from '@cc/graphql';
import { RoleRequestStatus } from '../role-request.entity';

@InputType({
  description: 'OFFICIAL needs cityId and department (one grant each); other roles take neither.',
})
export class RoleGrantInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => GovernmentDepartment, { nullable: true })
  @IsOptional()
  @IsEnum(GovernmentDepartment)
  department?: GovernmentDepartment;
}

@InputType()
export class RejectRoleRequestInput {
  @Field(() => ID)
  @IsUUID()
  requestId!: string;

  @Field({ nullable: true, description: 'Why, for the requester.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

@ArgsType()
export class RoleRequestsArgs extends ConnectionArgs {
  @Field(() => RoleRequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RoleRequestStatus)
  status?: RoleRequestStatus;
}
