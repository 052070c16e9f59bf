import { ResourceKind } from '../city-catalogue';
import { ManufacturerRef, OutletRef, OutletType } from '../seed-context';

/**
 * What the planted manufacturer fits need, per Shenyang district: projects there require these
 * processes, materials and certifications; good fits cover them all in the same district with
 * capacity, a low MOQ, short lead times and a strong record; bad fits miss something observable.
 */
export interface FitProfile {
  district: string;
  processes: string[];
  materials: string[];
  certifications: string[];
}

export const FIT_PROFILES: readonly FitProfile[] = [
  {
    district: 'Tiexi',
    processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
    materials: ['brass', 'wood'],
    certifications: ['ISO 9001'],
  },
  {
    district: 'Shenhe',
    processes: ['CERAMICS', 'PRINTING_PACKAGING'],
    materials: ['porcelain', 'paper'],
    certifications: ['ISO 9001'],
  },
  {
    district: 'Dadong',
    processes: ['EMBROIDERY', 'TEXTILE_SEWING'],
    materials: ['silk', 'cotton'],
    certifications: ['OEKO-TEX'],
  },
  {
    district: 'Huanggu',
    processes: ['THREE_D_PRINTING', 'PRINTING_PACKAGING'],
    materials: ['resin', 'paper'],
    certifications: ['GB 6675'],
  },
];

/** Themes of the planted outlet fits, with the good outlets' types and districts. */
export const OUTLET_FIT_THEMES: readonly {
  kind: ResourceKind;
  label: string;
  goodOutlets: readonly (readonly [OutletType, string])[];
}[] = [
  {
    kind: 'PALACE_QING_CULTURE',
    label: 'Imperial Palace',
    goodOutlets: [
      ['MUSEUM', 'Shenhe'],
      ['MUSEUM', 'Shenhe'],
      ['MUSEUM', 'Huanggu'],
      ['SCENIC_SPOT', 'Dadong'],
      ['SCENIC_SPOT', 'Huanggu'],
      ['SCENIC_SPOT', 'Shenhe'],
    ],
  },
  {
    kind: 'INDUSTRIAL_HERITAGE',
    label: 'Tiexi Industrial',
    goodOutlets: [
      ['MUSEUM', 'Tiexi'],
      ['MUSEUM', 'Tiexi'],
      ['BUSINESS_DISTRICT', 'Tiexi'],
      ['BUSINESS_DISTRICT', 'Heping'],
      ['SCENIC_SPOT', 'Tiexi'],
      ['MUSEUM', 'Dadong'],
    ],
  },
];

export interface PlantedPeople {
  manufacturers: {
    profile: FitProfile;
    good: ManufacturerRef[];
    bad: ManufacturerRef[];
    /** The bad fit whose only flaw is its record: late deliveries, poor reviews. */
    poorRecord: ManufacturerRef;
  }[];
  goodOutlets: Map<ResourceKind, OutletRef[]>;
  badOutlets: OutletRef[];
}
