import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { SaleAnomaly } from '../sale-anomaly/sale-anomaly.entity';
import { Sale } from './sale.entity';

@ObjectType()
export class SaleConnection extends ConnectionType(Sale) {}

@ObjectType()
export class RecordSaleResult {
  @Field(() => Sale)
  sale!: Sale;

  @Field({
    description:
      'True when this externalId was already recorded with the same details: nothing was added.',
  })
  alreadyRecorded!: boolean;

  @Field({
    description:
      "True when the sale is held for an official's review (see review for why): recorded, not counted in the city's metrics or settlement until accepted.",
  })
  held!: boolean;

  @Field(() => SaleAnomaly, {
    nullable: true,
    description: 'Why the sale was held and where its review stands; null when it counted at once.',
  })
  review!: SaleAnomaly | null;
}
