import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { User } from './user.entity';

@ObjectType()
export class UserConnection extends ConnectionType(User) {}
