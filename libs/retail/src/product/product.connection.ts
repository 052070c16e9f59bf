import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Product } from './product.entity';

@ObjectType()
export class ProductConnection extends ConnectionType(Product) {}
