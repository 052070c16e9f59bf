import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../../user/user.entity';

@ObjectType({ description: 'A signed-in session: a short-lived access token and a refresh token.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Good for one `refreshSession`; store it like a password.' })
  refreshToken!: string;

  @Field()
  refreshTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;
}
