import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { CulturalResource } from './cultural-resource.entity';

@ObjectType()
export class CulturalResourceConnection extends ConnectionType(CulturalResource) {}
