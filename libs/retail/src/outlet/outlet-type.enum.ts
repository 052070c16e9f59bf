import { registerEnumType } from '@nestjs/graphql';

export enum OutletType {
  SCENIC_SPOT = 'SCENIC_SPOT',
  MUSEUM = 'MUSEUM',
  BUSINESS_DISTRICT = 'BUSINESS_DISTRICT',
  COMMUNITY = 'COMMUNITY',
  ONLINE = 'ONLINE',
}
registerEnumType(OutletType, { name: 'OutletType' });
