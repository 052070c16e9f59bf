import { registerEnumType } from '@nestjs/graphql';

/**
 * A talent's field. The coupling indicators count projects whose members span two or more
 * disciplines, or include DIGITAL_TECHNOLOGY, as cross-disciplinary.
 */
export enum Discipline {
  PRODUCT_DESIGN = 'PRODUCT_DESIGN',
  VISUAL_COMMUNICATION = 'VISUAL_COMMUNICATION',
  FINE_ARTS = 'FINE_ARTS',
  TRADITIONAL_CRAFTS = 'TRADITIONAL_CRAFTS',
  FASHION_TEXTILE = 'FASHION_TEXTILE',
  ARCHITECTURE_SPACE = 'ARCHITECTURE_SPACE',
  ANIMATION_GAMES = 'ANIMATION_GAMES',
  DIGITAL_TECHNOLOGY = 'DIGITAL_TECHNOLOGY',
  MARKETING_BUSINESS = 'MARKETING_BUSINESS',
  CULTURAL_HERITAGE_HISTORY = 'CULTURAL_HERITAGE_HISTORY',
  LITERATURE_MEDIA = 'LITERATURE_MEDIA',
  OTHER = 'OTHER',
}
registerEnumType(Discipline, { name: 'Discipline' });
