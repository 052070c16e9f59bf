import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { City } from '../city/city.entity';
import { CulturalResource } from './cultural-resource.entity';

@ObjectType()
export class CulturalResourceConnection extends ConnectionType(CulturalResource) {}

@ObjectType()
export class CityConnection extends ConnectionType(City) {}
