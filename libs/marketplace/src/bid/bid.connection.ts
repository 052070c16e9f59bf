import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Bid } from './bid.entity';

@ObjectType()
export class BidConnection extends ConnectionType(Bid) {}
