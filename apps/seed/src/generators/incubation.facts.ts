import { Client } from 'pg';

export interface PlatformEvent {
  at: Date;
  ref: string;
  projectId: string;
  evidence: string;
}

/** The milestone ticker's evidence wording per event kind (libs/incubation MilestoneTicker). */
const EVIDENCE: Record<string, string> = {
  SAMPLE_APPROVED: 'Sample approved on production order',
  BID_ACCEPTED: 'Bid accepted',
  PLACEMENT_STARTED: 'Product placed at an outlet, placement',
  SALE_RECORDED: '1000 units sold, reached with sale',
};

/**
 * What the history already wrote, read back inside the seeding transaction for the incubation
 * generator: every query is ordered, so the same seed reads the same facts.
 */
export class IncubationFacts {
  constructor(private readonly client: Pick<Client, 'query'>) {}

  /** Teams owning projects in the city, best-selling first, with their projects. */
  async teamsBySales(cityId: string): Promise<{ teamId: string; projectIds: string[] }[]> {
    const { rows } = await this.client.query<{ team_id: string; project_ids: string[] }>(
      `SELECT p.owner_team_id AS team_id, array_agg(p.id ORDER BY p.id)::text[] AS project_ids,
              coalesce(sum((SELECT sum(s.amount_fen) FROM sale s JOIN product pr ON pr.id = s.product_id
                             WHERE pr.project_id = p.id)), 0) AS revenue
         FROM project p
        WHERE p.city_id = $1 AND p.owner_team_id IS NOT NULL AND p.state <> 'DRAFT'
        GROUP BY p.owner_team_id ORDER BY revenue DESC, p.owner_team_id`,
      [cityId],
    );
    return rows.map((row) => ({ teamId: row.team_id, projectIds: row.project_ids }));
  }

  /**
   * The first event of each kind on the projects that ticks a milestone of a team admitted at
   * `from` and in the cohort until `until`: production events at any time before `until` (the
   * admission catch-up ticks earlier ones), placements and the 1,000th unit only while admitted.
   */
  async firstEvents(
    projectIds: string[],
    from: Date,
    until: Date,
  ): Promise<Map<string, PlatformEvent>> {
    const { rows } = await this.client.query<{
      kind: string;
      at: Date;
      ref: string;
      project_id: string;
    }>(
      `(SELECT 'BID_ACCEPTED' AS kind, po.created_at AS at, po.bid_id::text AS ref, po.project_id
          FROM production_order po WHERE po.project_id = ANY($1::uuid[]) AND po.created_at < $3
         ORDER BY po.created_at, po.id LIMIT 1)
       UNION ALL
       (SELECT 'SAMPLE_APPROVED', m.created_at, po.id::text, po.project_id
          FROM production_milestone m JOIN production_order po ON po.id = m.order_id
         WHERE po.project_id = ANY($1::uuid[]) AND m.stage = 'SAMPLE_APPROVED' AND m.created_at < $3
         ORDER BY m.created_at, m.id LIMIT 1)
       UNION ALL
       (SELECT 'PLACEMENT_STARTED', pl.activated_at, pl.id::text, pl.project_id
          FROM placement pl WHERE pl.project_id = ANY($1::uuid[])
           AND pl.activated_at >= $2 AND pl.activated_at < $3
         ORDER BY pl.activated_at, pl.id LIMIT 1)
       UNION ALL
       (SELECT 'SALE_RECORDED', s.sold_at, s.id::text, s.project_id
          FROM (SELECT s.id, s.sold_at, pr.project_id,
                       sum(s.quantity) OVER (PARTITION BY pr.project_id ORDER BY s.sold_at, s.id) AS units
                  FROM sale s JOIN product pr ON pr.id = s.product_id
                 WHERE pr.project_id = ANY($1::uuid[])) s
         WHERE s.units >= 1000 AND s.sold_at >= $2 AND s.sold_at < $3
         ORDER BY s.sold_at, s.id LIMIT 1)`,
      [projectIds, from, until],
    );
    return new Map(
      rows.map((row) => [
        row.kind,
        { at: row.at, ref: row.ref, projectId: row.project_id, evidence: EVIDENCE[row.kind] },
      ]),
    );
  }

  /** Units and revenue of the projects' sales in [from, to). */
  async sales(
    projectIds: string[],
    from: Date,
    to: Date,
  ): Promise<{ units: number; revenueFen: number }> {
    const { rows } = await this.client.query<{ units: string; revenue: string }>(
      `SELECT coalesce(sum(s.quantity), 0)::bigint AS units, coalesce(sum(s.amount_fen), 0)::bigint AS revenue
         FROM sale s JOIN product pr ON pr.id = s.product_id
        WHERE pr.project_id = ANY($1::uuid[]) AND s.sold_at >= $2 AND s.sold_at < $3`,
      [projectIds, from, to],
    );
    return { units: Number(rows[0].units), revenueFen: Number(rows[0].revenue) };
  }
}
