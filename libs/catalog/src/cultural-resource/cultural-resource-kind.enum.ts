import { registerEnumType } from '@nestjs/graphql';

export enum CulturalResourceKind {
  INDUSTRIAL_HERITAGE = 'INDUSTRIAL_HERITAGE',
  PALACE_QING_CULTURE = 'PALACE_QING_CULTURE',
  FOLK_CULTURE = 'FOLK_CULTURE',
  REVOLUTIONARY_HISTORY = 'REVOLUTIONARY_HISTORY',
  NATURAL_LANDSCAPE = 'NATURAL_LANDSCAPE',
  OTHER = 'OTHER',
}
registerEnumType(CulturalResourceKind, { name: 'CulturalResourceKind' });
