import { registerEnumType } from '@nestjs/graphql';

/** What changed, for a refresh: the side whose features and pairs are recomputed. */
export enum MatchSubject {
  PROJECT = 'PROJECT',
  MANUFACTURER = 'MANUFACTURER',
  PRODUCT = 'PRODUCT',
  OUTLET = 'OUTLET',
  TALENT = 'TALENT',
}
registerEnumType(MatchSubject, { name: 'MatchSubject' });
