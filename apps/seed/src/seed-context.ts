import { Quarter } from './calendar';
import { Cell, CopyWriter } from './copy-writer';
import { ResourceKind } from './city-catalogue';
import { Random } from './random';
import { SeedTable } from './seed-tables';

export interface SeedOptions {
  scale: number;
  seed: string;
  /** The instant the city is "now": the last of its 8 quarters contains it; nothing happens after it. */
  now: Date;
}

export interface SeedContext extends SeedOptions {
  random: Random;
  quarters: Quarter[];
  /** Start of the history (the first quarter's start). */
  origin: Date;
  /** The one argon2id hash every demo account shares. */
  passwordHash: string;
  writer: CopyWriter;
  add(table: SeedTable, row: Record<string, Cell>): void;
}

export interface CityRef {
  id: string;
  code: string;
  name: string;
  weight: number;
  universities: string[];
  districts: { id: string; name: string }[];
  resources: { id: string; name: string; kind: ResourceKind; districtId: string }[];
}

export interface TalentRef {
  userId: string;
  cityId: string;
  name: string;
  disciplines: string[];
}

export interface TeamRef {
  id: string;
  cityId: string;
  leadUserId: string;
  memberUserIds: string[];
}

export interface ManufacturerRef {
  id: string;
  cityId: string;
  districtId: string;
  ownerUserId: string;
  processes: string[];
  materials: string[];
  certifications: string[];
  moq: number;
  monthlyCapacity: number;
  /** 0–1: drives on-time delivery and review scores. */
  quality: number;
  /** Typical lead time in days (also stated in the description). */
  leadTimeDays: number;
}

export type OutletType = 'SCENIC_SPOT' | 'MUSEUM' | 'BUSINESS_DISTRICT' | 'COMMUNITY' | 'ONLINE';

export interface OutletRef {
  id: string;
  organizationId: string;
  cityId: string;
  districtId: string;
  type: OutletType;
  themes: ResourceKind[];
  footfall: number;
  priceMin: number;
  priceMax: number;
  recorderUserId: string;
}

export interface RetailerRef {
  id: string;
  cityId: string;
  ownerUserId: string;
}

export interface IncubatorRef {
  organizationId: string;
  cityId: string;
  ownerUserId: string;
}

export interface World {
  cities: CityRef[];
  talents: TalentRef[];
  teams: TeamRef[];
  manufacturers: ManufacturerRef[];
  retailers: RetailerRef[];
  outlets: OutletRef[];
  manufacturersByCity: Map<string, ManufacturerRef[]>;
  outletsByCity: Map<string, OutletRef[]>;
  adminUserId: string;
  officialUserId: string;
  /** The palace museum's retailer: heritage owner of palace products sold in museums. */
  heritageOwnerOrganizationId: string;
  /** The planted flagging district: its projects and outlets fade quarter after quarter. */
  flaggingDistrictId: string;
  demo: {
    talentUserId: string;
    teamId: string;
    /** The demo incubator login's organization (a Shenyang makerspace). */
    incubator: IncubatorRef;
  };
}

/** Timestamps of an entity created at `at` and last changed at `updated` (default: `at`). */
export const stamps = (id: string, at: Date, updated: Date = at) => ({
  id,
  created_at: at,
  updated_at: updated,
});
