import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Only those not yet read.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
