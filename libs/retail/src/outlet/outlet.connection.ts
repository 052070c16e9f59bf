import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Outlet } from './outlet.entity';

@ObjectType()
export class OutletConnection extends ConnectionType(Outlet) {}
