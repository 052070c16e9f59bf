import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ManufacturerProfile,
  OutletProfile,
  ProductProfile,
  ProjectNeeds,
  TalentProfileFeatures,
} from '../scoring/match-features';
import { normalizeTerm } from '../scoring/match-result';
import { SellThroughSample } from '../scoring/similar-sell-through';
import { ProjectSnapshot, TalentSnapshot } from '../sources/matching-source';
import { ProductWithOwners } from '../sources/matching-source.registry';
import { col, insertJsonRows } from './json-rows';

export interface StoredProject {
  needs: ProjectNeeds;
  open: boolean;
  ownerUserId: string;
  ownerTeamId: string | null;
}

export interface StoredProduct {
  profile: ProductProfile;
  ownerUserId: string;
  ownerTeamId: string | null;
}

const lower = (terms: readonly string[]) => [...new Set(terms.map(normalizeTerm))];

/**
 * Matching's copy of each side's features, refreshed from the sources. Candidate generation
 * filters on the array columns (GIN); the scorer reads `profile`.
 */
@Injectable()
export class MatchFeatureStore {
  constructor(private readonly db: DataSource) {}

  async saveProjects(rows: readonly ProjectSnapshot[]): Promise<void> {
    await insertJsonRows(
      this.db,
      'match_project',
      {
        id: col.uuid('id'),
        city_id: col.uuid('cityId'),
        open: col.bool('open'),
        owner_user_id: col.uuid('ownerUserId'),
        owner_team_id: col.uuid('ownerTeamId'),
        processes: col.texts('processes'),
        materials: col.texts('materials'),
        profile: col.json('profile'),
        refreshed_at: 'now()',
      },
      rows.map((row) => ({
        id: row.needs.id,
        cityId: row.needs.cityId,
        open: row.open,
        ownerUserId: row.ownerUserId,
        ownerTeamId: row.ownerTeamId,
        processes: row.needs.processes,
        materials: lower(row.needs.materials),
        profile: row.needs,
      })),
      ['id'],
    );
  }

  async saveManufacturers(rows: readonly ManufacturerProfile[]): Promise<void> {
    await insertJsonRows(
      this.db,
      'match_manufacturer',
      {
        organization_id: col.uuid('organizationId'),
        city_id: col.uuid('cityId'),
        processes: col.texts('processes'),
        materials: col.texts('materials'),
        profile: col.json('profile'),
        refreshed_at: 'now()',
      },
      rows.map((row) => ({ ...row, materials: lower(row.materials), profile: row })),
      ['organization_id'],
    );
  }

  async saveOutlets(rows: readonly OutletProfile[]): Promise<void> {
    await insertJsonRows(
      this.db,
      'match_outlet',
      {
        id: col.uuid('id'),
        organization_id: col.uuid('organizationId'),
        city_id: col.uuid('cityId'),
        type: col.text('type'),
        themes: col.texts('themes'),
        profile: col.json('profile'),
        refreshed_at: 'now()',
      },
      rows.map((row) => ({ ...row, profile: row })),
      ['id'],
    );
  }

  async saveProducts(rows: readonly ProductWithOwners[]): Promise<void> {
    await insertJsonRows(
      this.db,
      'match_product',
      {
        id: col.uuid('id'),
        city_id: col.uuid('cityId'),
        owner_user_id: col.uuid('ownerUserId'),
        owner_team_id: col.uuid('ownerTeamId'),
        themes: col.texts('themes'),
        profile: col.json('profile'),
        refreshed_at: 'now()',
      },
      rows.map((row) => ({ ...row, ...row.profile })),
      ['id'],
    );
  }

  async saveTalents(rows: readonly TalentSnapshot[]): Promise<void> {
    await insertJsonRows(
      this.db,
      'match_talent',
      {
        user_id: col.uuid('userId'),
        disciplines: col.texts('disciplines'),
        team_ids: col.uuids('teamIds'),
        profile: col.json('profile'),
        refreshed_at: 'now()',
      },
      rows.map((row) => ({ ...row.features, teamIds: row.teamIds, profile: row.features })),
      ['user_id'],
    );
  }

  /** Forgets the given ids of a side (gone from the source); with `keepOnly`, every other id. */
  async forget(
    side: 'project' | 'manufacturer' | 'outlet' | 'product' | 'talent',
    ids: readonly string[],
    mode: 'these' | 'allBut' = 'these',
  ): Promise<void> {
    const [table, key] = FEATURE_TABLES[side];
    const where = mode === 'these' ? `${key} = ANY($1::uuid[])` : `NOT (${key} = ANY($1::uuid[]))`;
    await this.db.query(`DELETE FROM ${table} WHERE ${where}`, [ids]);
  }

  async project(id: string): Promise<StoredProject | null> {
    const [row] = await this.db.query<
      {
        profile: ProjectNeeds;
        open: boolean;
        owner_user_id: string;
        owner_team_id: string | null;
      }[]
    >(`SELECT profile, open, owner_user_id, owner_team_id FROM match_project WHERE id = $1`, [id]);
    return row
      ? {
          needs: row.profile,
          open: row.open,
          ownerUserId: row.owner_user_id,
          ownerTeamId: row.owner_team_id,
        }
      : null;
  }

  async manufacturer(organizationId: string): Promise<ManufacturerProfile | null> {
    const [row] = await this.db.query<{ profile: ManufacturerProfile }[]>(
      `SELECT profile FROM match_manufacturer WHERE organization_id = $1`,
      [organizationId],
    );
    return row?.profile ?? null;
  }

  async outlet(id: string): Promise<OutletProfile | null> {
    const [row] = await this.db.query<{ profile: OutletProfile }[]>(
      `SELECT profile FROM match_outlet WHERE id = $1`,
      [id],
    );
    return row?.profile ?? null;
  }

  async product(id: string): Promise<StoredProduct | null> {
    const [row] = await this.db.query<
      { profile: ProductProfile; owner_user_id: string; owner_team_id: string | null }[]
    >(`SELECT profile, owner_user_id, owner_team_id FROM match_product WHERE id = $1`, [id]);
    return row
      ? { profile: row.profile, ownerUserId: row.owner_user_id, ownerTeamId: row.owner_team_id }
      : null;
  }

  async talent(userId: string): Promise<TalentProfileFeatures | null> {
    const [row] = await this.db.query<{ profile: TalentProfileFeatures }[]>(
      `SELECT profile FROM match_talent WHERE user_id = $1`,
      [userId],
    );
    return row?.profile ?? null;
  }

  /** Per theme and outlet type: how many products sold there and their mean sell-through. */
  async sellThroughSamples(): Promise<SellThroughSample[]> {
    const rows = await this.db.query<
      { theme: string; outlet_type: string; products: string; mean: number }[]
    >(
      `SELECT t.theme, s.key AS outlet_type, count(*) AS products, avg(s.value::float8) AS mean
         FROM match_product p
        CROSS JOIN LATERAL unnest(p.themes) AS t(theme)
        CROSS JOIN LATERAL jsonb_each_text(p.profile->'sellThroughByOutletType') AS s
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return rows.map((row) => ({
      theme: row.theme,
      outletType: row.outlet_type,
      products: Number(row.products),
      meanSellThrough: Number(row.mean),
    }));
  }

  async teamMembers(teamId: string): Promise<TalentProfileFeatures[]> {
    const rows = await this.db.query<{ profile: TalentProfileFeatures }[]>(
      `SELECT profile FROM match_talent WHERE team_ids @> ARRAY[$1::uuid] ORDER BY user_id`,
      [teamId],
    );
    return rows.map((row) => row.profile);
  }

  async talentsByIds(userIds: readonly string[]): Promise<TalentProfileFeatures[]> {
    const rows = await this.db.query<{ profile: TalentProfileFeatures }[]>(
      `SELECT profile FROM match_talent WHERE user_id = ANY($1::uuid[]) ORDER BY user_id`,
      [userIds],
    );
    return rows.map((row) => row.profile);
  }
}

const FEATURE_TABLES = {
  project: ['match_project', 'id'],
  manufacturer: ['match_manufacturer', 'organization_id'],
  outlet: ['match_outlet', 'id'],
  product: ['match_product', 'id'],
  talent: ['match_talent', 'user_id'],
} as const;
