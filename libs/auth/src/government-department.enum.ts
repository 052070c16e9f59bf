import { registerEnumType } from '@nestjs/graphql';

/** The city departments whose policies the coupling evaluation serves. */
export enum GovernmentDepartment {
  CULTURE = 'CULTURE',
  EDUCATION = 'EDUCATION',
  TOURISM = 'TOURISM',
  FINANCE = 'FINANCE',
  SCIENCE_TECHNOLOGY = 'SCIENCE_TECHNOLOGY',
}
registerEnumType(GovernmentDepartment, { name: 'GovernmentDepartment' });
