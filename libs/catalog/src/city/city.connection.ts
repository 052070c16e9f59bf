import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { City } from './city.entity';

@ObjectType()
export class CityConnection extends ConnectionType(City) {}
