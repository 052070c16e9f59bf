import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ManufacturerProfile, OutletProfile, ProductProfile } from '../scoring/match-features';
import {
  MATCHING_SOURCE,
  ManufacturerTrackRecord,
  MatchingSource,
  ProductSnapshot,
  ProjectSnapshot,
  SourceIds,
  TalentSnapshot,
} from './matching-source';

const NO_TRACK_RECORD: ManufacturerTrackRecord = {
  typicalLeadTimeDays: null,
  rating: null,
  onTimeRate: null,
  completedOrders: 0,
  experienceKinds: [],
  experienceCategories: [],
};

export interface ProductWithOwners {
  profile: ProductProfile;
  ownerUserId: string;
  ownerTeamId: string | null;
}

/**
 * Every `@MatchingSourceProvider()` of the application, and the merge of what they say about
 * one subject (a manufacturer's capability from identity and its record from the marketplace;
 * a product's sales from retail and its delivered units from the marketplace). A part no
 * source provides is empty: matching then scores it as unknown.
 */
@Injectable()
export class MatchingSourceRegistry implements OnModuleInit {
  private sources: MatchingSource[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.sources = this.discovery
      .getProviders()
      .filter((w) => w.instance && w.metatype && Reflect.getMetadata(MATCHING_SOURCE, w.metatype))
      .map((w) => w.instance as MatchingSource);
  }

  get names(): string[] {
    return this.sources.map((source) => source.name);
  }

  async projects(ids: SourceIds): Promise<ProjectSnapshot[]> {
    return this.collect((s) => s.projects?.(ids));
  }

  async outlets(ids: SourceIds): Promise<OutletProfile[]> {
    return this.collect((s) => s.outlets?.(ids));
  }

  async talents(ids: SourceIds): Promise<TalentSnapshot[]> {
    return this.collect((s) => s.talents?.(ids));
  }

  async manufacturers(ids: SourceIds): Promise<ManufacturerProfile[]> {
    const bases = await this.collect((s) => s.manufacturers?.(ids));
    const orgIds = bases.map((base) => base.organizationId);
    const records = new Map<string, ManufacturerTrackRecord>();
    for (const source of this.sources) {
      const part = orgIds.length ? await source.manufacturerTrackRecords?.(orgIds) : undefined;
      for (const [id, record] of part ?? []) records.set(id, record);
    }
    return bases.map((base) => ({
      ...base,
      ...(records.get(base.organizationId) ?? NO_TRACK_RECORD),
    }));
  }

  async products(ids: SourceIds): Promise<ProductWithOwners[]> {
    const snapshots: ProductSnapshot[] = await this.collect((s) => s.products?.(ids));
    const projectIds = snapshots.map((snapshot) => snapshot.projectId);
    const delivered = new Map<string, number>();
    for (const source of this.sources) {
      const part = projectIds.length ? await source.unitsDelivered?.(projectIds) : undefined;
      for (const [id, units] of part ?? []) delivered.set(id, units);
    }
    return snapshots.map((snapshot) => ({
      profile: {
        ...snapshot.profile,
        sellThroughByOutletType: sellThroughByType(
          snapshot.unitsSoldByOutletType,
          delivered.get(snapshot.projectId) ?? 0,
        ),
      },
      ownerUserId: snapshot.ownerUserId,
      ownerTeamId: snapshot.ownerTeamId,
    }));
  }

  private async collect<T>(
    call: (source: MatchingSource) => Promise<T[]> | undefined,
  ): Promise<T[]> {
    const rows: T[] = [];
    for (const source of this.sources) rows.push(...((await call(source)) ?? []));
    return rows;
  }
}

/** Units sold at each outlet type ÷ units delivered; nothing for types without sales. */
export function sellThroughByType(
  unitsSold: Record<string, number>,
  unitsDelivered: number,
): Record<string, number> {
  if (unitsDelivered <= 0) return {};
  return Object.fromEntries(
    Object.entries(unitsSold)
      .filter(([, units]) => units > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, units]) => [type, Math.min(1, units / unitsDelivered)]),
  );
}
