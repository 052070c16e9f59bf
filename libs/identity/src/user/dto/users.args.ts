import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '@cc/auth';
import { ConnectionArgs } from '@cc/graphql';

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => Role, { nullable: true, description: 'Only users holding this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}
