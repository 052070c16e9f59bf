import { registerEnumType } from '@nestjs/graphql';

export enum CulturalResourceOrder {
  NAME = 'NAME',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(CulturalResourceOrder, {
  name: 'CulturalResourceOrder',
  description: 'How `culturalResources` is ordered.',
  valuesMap: {
    NAME: { description: 'By name, A to Z.' },
    RELEVANCE: {
      description:
        'Best text match first (full-text rank + trigram similarity of the name + a bonus when the ' +
        'name contains the text), ties by id. Without filter.text this is NAME.',
    },
  },
});
