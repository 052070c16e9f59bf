import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { MAX_MARK_READ_IDS } from '../notification.constants';

/** Exactly one of `ids` and `all: true` (checked in the resolver). */
@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Notifications to mark read (at most ${MAX_MARK_READ_IDS}).`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MARK_READ_IDS)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field({ nullable: true, description: 'Mark every unread notification read.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}
