import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** `(id: ID!)`, validated so a malformed id is BAD_USER_INPUT naming `id`, never a SQL error. */
@ArgsType()
export class CatalogIdArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ArgsType()
export class CityIdArgs {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;
}
