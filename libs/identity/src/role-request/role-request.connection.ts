import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { RoleRequest } from './role-request.entity';

@ObjectType()
export class RoleRequestConnection extends ConnectionType(RoleRequest) {}
