import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  MatchingSource,
  MatchingSourceProvider,
  OutletProfile,
  ProductSnapshot,
  SourceIds,
} from '@cc/matching';

interface OutletRow {
  id: string;
  organization_id: string;
  city_id: string;
  district_id: string;
  type: string;
  themes: string[];
  average_monthly_footfall: number;
  price_band_min_fen: number;
  price_band_max_fen: number;
}

interface ProductRow {
  id: string;
  project_id: string;
  city_id: string;
  themes: string[];
  retail_price_fen: number;
  owner_user_id: string;
  owner_team_id: string | null;
  sold_by_type: Record<string, number> | null;
}

/** What matching needs from retail: outlets, and products with their units sold per outlet type. */
@MatchingSourceProvider()
@Injectable()
export class RetailMatchingSource implements MatchingSource {
  readonly name = 'retail';

  constructor(private readonly db: DataSource) {}

  async outlets(ids: SourceIds): Promise<OutletProfile[]> {
    const rows = await this.db.query<OutletRow[]>(
      `SELECT id, organization_id, city_id, district_id, type::text AS type,
              themes::text[] AS themes, average_monthly_footfall, price_band_min_fen, price_band_max_fen
         FROM outlet WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[])
        ORDER BY id`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      organizationId: row.organization_id,
      cityId: row.city_id,
      districtId: row.district_id,
      type: row.type,
      themes: row.themes,
      averageMonthlyFootfall: row.average_monthly_footfall,
      priceBandMinFen: row.price_band_min_fen,
      priceBandMaxFen: row.price_band_max_fen,
    }));
  }

  async products(ids: SourceIds): Promise<ProductSnapshot[]> {
    const rows = await this.db.query<ProductRow[]>(
      `SELECT p.id, p.project_id, p.city_id, p.themes::text[] AS themes, p.retail_price_fen,
              p.owner_user_id, p.owner_team_id,
              (SELECT jsonb_object_agg(t.type, t.units) FROM (
                 SELECT o.type::text AS type, sum(f.units) AS units
                   FROM placement pl
                   JOIN retail_sale_fact f ON f.placement_id = pl.id
                   JOIN outlet o ON o.id = pl.outlet_id
                  WHERE pl.product_id = p.id GROUP BY o.type) t) AS sold_by_type
         FROM product p WHERE $1::uuid[] IS NULL OR p.id = ANY($1::uuid[])
        ORDER BY p.id`,
      [ids],
    );
    return rows.map((row) => ({
      profile: {
        id: row.id,
        cityId: row.city_id,
        themes: row.themes,
        retailPriceFen: row.retail_price_fen,
      },
      projectId: row.project_id,
      ownerUserId: row.owner_user_id,
      ownerTeamId: row.owner_team_id,
      unitsSoldByOutletType: Object.fromEntries(
        Object.entries(row.sold_by_type ?? {}).map(([type, units]) => [type, Number(units)]),
      ),
    }));
  }
}
