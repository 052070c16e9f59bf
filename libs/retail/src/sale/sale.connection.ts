import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
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
}
