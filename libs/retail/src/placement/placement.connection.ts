import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Placement } from './placement.entity';

@ObjectType()
export class PlacementConnection extends ConnectionType(Placement) {}
