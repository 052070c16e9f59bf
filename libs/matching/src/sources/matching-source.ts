import { SetMetadata } from '@nestjs/common';
import {
  ManufacturerProfile,
  OutletProfile,
  ProductProfile,
  ProjectNeeds,
  TalentProfileFeatures,
} from '../scoring/match-features';

export const MATCHING_SOURCE = Symbol('MATCHING_SOURCE');

/**
 * Marks a provider as a matching source. Domains own their tables: each one exposes what matching
 * needs through such a provider in its own module (as they feed the coupling panel through
 * `@PlatformIndicatorProvider()`), so matching never reads their tables and never imports them.
 * The worker imports those modules; matching finds the sources at start-up.
 */
export const MatchingSourceProvider = (): ClassDecorator => SetMetadata(MATCHING_SOURCE, true);

/** `null` asks for every record (the full rebuild); otherwise only those ids (missing ones are left out). */
export type SourceIds = readonly string[] | null;

export interface ProjectSnapshot {
  needs: ProjectNeeds;
  /** Open for bids: the only projects that get manufacturer matches and appear in feeds. */
  open: boolean;
  ownerUserId: string;
  ownerTeamId: string | null;
}

/** A manufacturer's capability profile, without its track record (identity owns this part). */
export type ManufacturerBase = Omit<ManufacturerProfile, keyof ManufacturerTrackRecord>;

/** What the marketplace knows of a manufacturer's history. */
export interface ManufacturerTrackRecord {
  typicalLeadTimeDays: number | null;
  rating: number | null;
  onTimeRate: number | null;
  completedOrders: number;
  experienceKinds: string[];
  experienceCategories: string[];
}

export interface ProductSnapshot {
  profile: Omit<ProductProfile, 'sellThroughByOutletType'>;
  projectId: string;
  ownerUserId: string;
  ownerTeamId: string | null;
  /** Units sold, by the type of the outlet that sold them. */
  unitsSoldByOutletType: Record<string, number>;
}

export interface TalentSnapshot {
  features: TalentProfileFeatures;
  teamIds: string[];
}

/**
 * What a source may provide; each implements the parts its domain owns. Results must be
 * deterministic and use the identifiers of the other domains as they are.
 */
export interface MatchingSource {
  readonly name: string;
  projects?(ids: SourceIds): Promise<ProjectSnapshot[]>;
  /** Manufacturer organizations with their capability profile. */
  manufacturers?(ids: SourceIds): Promise<ManufacturerBase[]>;
  /** Track records by organization id; organizations with none may be left out. */
  manufacturerTrackRecords?(
    organizationIds: readonly string[],
  ): Promise<Map<string, ManufacturerTrackRecord>>;
  /** Units delivered by each project's production order. */
  unitsDelivered?(projectIds: readonly string[]): Promise<Map<string, number>>;
  outlets?(ids: SourceIds): Promise<OutletProfile[]>;
  products?(ids: SourceIds): Promise<ProductSnapshot[]>;
  talents?(userIds: SourceIds): Promise<TalentSnapshot[]>;
}
