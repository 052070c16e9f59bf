import { registerEnumType } from '@nestjs/graphql';

export enum PlacementTermsType {
  /** The retailer pays the makers a fixed unit price for each unit sold. */
  WHOLESALE = 'WHOLESALE',
  /** The retailer keeps a commission on the sales amount and pays the makers the rest. */
  CONSIGNMENT = 'CONSIGNMENT',
}
registerEnumType(PlacementTermsType, { name: 'PlacementTermsType' });
