import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { SaleAnomaly } from './sale-anomaly.entity';

@ObjectType()
export class SaleAnomalyConnection extends ConnectionType(SaleAnomaly) {}
