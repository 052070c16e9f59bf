import { registerEnumType } from '@nestjs/graphql';

export enum ProjectCategory {
  PRODUCT = 'PRODUCT',
  IP_BRAND = 'IP_BRAND',
  DIGITAL_EXPERIENCE = 'DIGITAL_EXPERIENCE',
}
registerEnumType(ProjectCategory, { name: 'ProjectCategory' });
