import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from '@cc/catalog';
import {
  ManufacturerTrackRecord,
  MatchingSource,
  MatchingSourceProvider,
  ProjectSnapshot,
  SourceIds,
} from '@cc/matching';
import { ProjectState } from '../project/project-state';

interface ProjectRow {
  id: string;
  city_id: string;
  state: ProjectState;
  owner_user_id: string;
  owner_team_id: string | null;
  category: string;
  processes: string[];
  materials: string[];
  required_certifications: string[];
  quantity: number;
  delivery_deadline: Date;
  cultural_resource_ids: string[];
}

interface RecordRow {
  organization_id: string;
  review_count: number | null;
  score_sum: number | null;
  delivered_orders: number | null;
  on_time_orders: number | null;
  lead_time_days: number | null;
  categories: string[];
  resource_ids: string[];
}

/**
 * What matching needs from the marketplace: projects' needs (drafts stay private), manufacturers'
 * track records and experience, and units delivered per project (for sell-through).
 */
@MatchingSourceProvider()
@Injectable()
export class MarketplaceMatchingSource implements MatchingSource {
  readonly name = 'marketplace';

  constructor(
    private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async projects(ids: SourceIds): Promise<ProjectSnapshot[]> {
    const rows = await this.db.query<ProjectRow[]>(
      `SELECT id, city_id, state, owner_user_id, owner_team_id, category::text AS category,
              processes::text[] AS processes, materials, required_certifications, quantity,
              delivery_deadline,
              ARRAY(SELECT link.cultural_resource_id FROM project_cultural_resource link
                     WHERE link.project_id = project.id ORDER BY link.position) AS cultural_resource_ids
         FROM project
        WHERE state <> 'DRAFT' AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
        ORDER BY id`,
      [ids],
    );
    const resources = new Map(
      (
        await this.catalog.culturalResourcesByIds([
          ...new Set(rows.flatMap((row) => row.cultural_resource_ids)),
        ])
      ).map((resource) => [resource.id, resource]),
    );
    return rows.map((row) => {
      const linked = row.cultural_resource_ids.flatMap((id) => resources.get(id) ?? []);
      return {
        needs: {
          id: row.id,
          cityId: row.city_id,
          districtIds: sortedUnique(linked.flatMap((r) => (r.districtId ? [r.districtId] : []))),
          category: row.category,
          processes: row.processes,
          materials: row.materials,
          certifications: row.required_certifications,
          quantity: row.quantity,
          deliveryDeadline: new Date(row.delivery_deadline).toISOString(),
          resourceKinds: sortedUnique(linked.map((r) => r.kind)),
        },
        open: row.state === ProjectState.OPEN_FOR_BIDS,
        ownerUserId: row.owner_user_id,
        ownerTeamId: row.owner_team_id,
      };
    });
  }

  /** Rating and on-time rate from the kept record; lead time is the median of its bids. */
  async manufacturerTrackRecords(
    organizationIds: readonly string[],
  ): Promise<Map<string, ManufacturerTrackRecord>> {
    const rows = await this.db.query<RecordRow[]>(
      `SELECT o.organization_id, r.review_count, r.score_sum, r.delivered_orders, r.on_time_orders,
              (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY b.lead_time_days)
                 FROM bid b WHERE b.organization_id = o.organization_id) AS lead_time_days,
              ARRAY(SELECT DISTINCT p.category::text FROM production_order po
                      JOIN project p ON p.id = po.project_id
                     WHERE po.organization_id = o.organization_id) AS categories,
              ARRAY(SELECT DISTINCT link.cultural_resource_id FROM production_order po
                      JOIN project_cultural_resource link ON link.project_id = po.project_id
                     WHERE po.organization_id = o.organization_id) AS resource_ids
         FROM unnest($1::uuid[]) AS o(organization_id)
         LEFT JOIN manufacturer_record r ON r.organization_id = o.organization_id`,
      [organizationIds],
    );
    const resources = new Map(
      (
        await this.catalog.culturalResourcesByIds([
          ...new Set(rows.flatMap((row) => row.resource_ids)),
        ])
      ).map((resource) => [resource.id, resource.kind as string]),
    );
    return new Map(
      rows.map((row) => [
        row.organization_id,
        {
          typicalLeadTimeDays: row.lead_time_days,
          rating: row.review_count ? (row.score_sum ?? 0) / (3 * row.review_count) : null,
          onTimeRate: row.delivered_orders
            ? (row.on_time_orders ?? 0) / row.delivered_orders
            : null,
          completedOrders: row.delivered_orders ?? 0,
          experienceKinds: sortedUnique(row.resource_ids.flatMap((id) => resources.get(id) ?? [])),
          experienceCategories: sortedUnique(row.categories),
        },
      ]),
    );
  }

  async unitsDelivered(projectIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ project_id: string; units: string }[]>(
      `SELECT project_id, sum(quantity_delivered) AS units FROM production_order
        WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
      [projectIds],
    );
    return new Map(rows.map((row) => [row.project_id, Number(row.units)]));
  }
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
