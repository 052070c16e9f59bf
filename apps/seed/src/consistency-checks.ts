import { Client } from 'pg';
import { INCUBATION_CHECKS } from './incubation-checks';

export interface ConsistencyCheck {
  name: string;
  /** Selects one row per violation. */
  sql: string;
}

/**
 * The invariants the services enforce, as SQL over the seeded rows: each query lists the rows
 * that break one. A seed is consistent when every query returns nothing.
 */
export const CONSISTENCY_CHECKS: readonly ConsistencyCheck[] = [
  {
    name: 'every ACCEPTED bid has exactly one production order, for its project and manufacturer',
    sql: `SELECT b.id FROM bid b
           LEFT JOIN production_order po ON po.bid_id = b.id
                AND po.project_id = b.project_id AND po.organization_id = b.organization_id
          WHERE b.state = 'ACCEPTED' GROUP BY b.id HAVING count(po.id) <> 1`,
  },
  {
    name: 'every production order comes from its project’s accepted bid',
    sql: `SELECT po.id FROM production_order po JOIN bid b ON b.id = po.bid_id
          WHERE b.state <> 'ACCEPTED' OR b.project_id <> po.project_id`,
  },
  {
    name: 'an order is for the project quantity at the bid’s tier price, and the bid’s MOQ covers it',
    sql: `SELECT po.id FROM production_order po
            JOIN project p ON p.id = po.project_id JOIN bid b ON b.id = po.bid_id
          WHERE po.quantity_ordered <> p.quantity OR b.moq > p.quantity
             OR po.unit_price_fen IS DISTINCT FROM (
                  SELECT (t->>'unitPriceFen')::int FROM jsonb_array_elements(b.price_tiers) t
                   WHERE (t->>'minQuantity')::int <= p.quantity
                   ORDER BY (t->>'minQuantity')::int DESC LIMIT 1)`,
  },
  {
    name: 'bids are sealed before the deadline, after publication, with their revision history',
    sql: `SELECT b.id FROM bid b JOIN project p ON p.id = b.project_id
          WHERE p.published_at IS NULL OR b.created_at < p.published_at OR b.created_at >= p.bid_deadline
             OR (SELECT count(*) FROM bid_revision r WHERE r.bid_id = b.id) <> b.revision
             OR NOT EXISTS (SELECT 1 FROM bid_revision r WHERE r.bid_id = b.id AND r.revision = b.revision
                              AND r.price_tiers = b.price_tiers AND r.moq = b.moq
                              AND r.lead_time_days = b.lead_time_days)`,
  },
  {
    name: 'no delivery exceeds its order, and deliveries add up to the delivered units',
    sql: `SELECT po.id FROM production_order po
          WHERE po.quantity_delivered > po.quantity_ordered
             OR po.quantity_delivered <> coalesce((SELECT sum(m.quantity) FROM production_milestone m
                                                    WHERE m.order_id = po.id AND m.stage = 'DELIVERED'), 0)
             OR (po.delivered_at IS NULL) <> (po.quantity_delivered = 0)`,
  },
  {
    name: 'milestones move one stage at a time, in time order, ending at the order’s stage',
    sql: `WITH m AS (
            SELECT order_id, stage, created_at,
                   lag(stage) OVER w AS previous, row_number() OVER w AS n, count(*) OVER (PARTITION BY order_id) AS total
              FROM production_milestone WINDOW w AS (PARTITION BY order_id ORDER BY created_at, stage))
          SELECT m.order_id FROM m JOIN production_order po ON po.id = m.order_id
          WHERE (m.n = 1 AND m.stage <> 'SAMPLE_SUBMITTED')
             OR (m.n > 1 AND NOT (
                  (m.previous = 'SAMPLE_SUBMITTED' AND m.stage = 'SAMPLE_APPROVED') OR
                  (m.previous = 'SAMPLE_APPROVED' AND m.stage = 'MASS_PRODUCTION') OR
                  (m.previous IN ('MASS_PRODUCTION', 'DELIVERED') AND m.stage = 'DELIVERED')))
             OR (m.n = m.total AND m.stage <> po.stage)
             OR m.created_at < po.created_at
          UNION ALL
          SELECT po.id FROM production_order po
          WHERE po.stage <> 'AWAITING_SAMPLE' AND NOT EXISTS (SELECT 1 FROM production_milestone m WHERE m.order_id = po.id)`,
  },
  {
    name: 'no project is in a state its history cannot reach',
    sql: `WITH facts AS (
            SELECT p.id, p.state, p.published_at,
                   EXISTS (SELECT 1 FROM bid b WHERE b.project_id = p.id) AS has_bids,
                   po.stage AS order_stage,
                   EXISTS (SELECT 1 FROM production_milestone m WHERE m.order_id = po.id AND m.stage = 'SAMPLE_APPROVED') AS approved,
                   EXISTS (SELECT 1 FROM placement pl WHERE pl.project_id = p.id AND pl.activated_at IS NOT NULL) AS placed,
                   EXISTS (SELECT 1 FROM placement pl WHERE pl.project_id = p.id AND pl.state IN ('ACTIVE', 'OFFERED', 'REQUESTED')) AS open_placement
              FROM project p LEFT JOIN production_order po ON po.project_id = p.id)
          SELECT id FROM facts WHERE NOT CASE state
            WHEN 'DRAFT' THEN published_at IS NULL AND NOT has_bids AND order_stage IS NULL
            WHEN 'OPEN_FOR_BIDS' THEN published_at IS NOT NULL AND order_stage IS NULL
            WHEN 'AWARDED' THEN order_stage IN ('AWAITING_SAMPLE', 'SAMPLE_SUBMITTED') AND NOT approved
            WHEN 'IN_PRODUCTION' THEN approved AND NOT placed
            WHEN 'IN_MARKET' THEN approved AND placed
            WHEN 'CLOSED' THEN approved AND placed AND NOT open_placement
            WHEN 'CANCELLED' THEN NOT placed
          END`,
  },
  {
    name: 'a project’s owner belongs to its owning team',
    sql: `SELECT p.id FROM project p WHERE p.owner_team_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM team_member tm WHERE tm.team_id = p.owner_team_id AND tm.user_id = p.owner_user_id)`,
  },
  {
    name: 'a product exists only for a delivered order, after the first delivery, with its project’s resources',
    sql: `SELECT pr.id FROM product pr JOIN project p ON p.id = pr.project_id
            LEFT JOIN production_order po ON po.project_id = p.id
          WHERE po.delivered_at IS NULL OR pr.created_at < po.delivered_at
             OR pr.cultural_resource_ids <> ARRAY(SELECT link.cultural_resource_id FROM project_cultural_resource link
                                                   WHERE link.project_id = p.id ORDER BY link.position)
             OR pr.city_id <> p.city_id
             OR pr.owner_user_id <> p.owner_user_id OR pr.owner_team_id IS DISTINCT FROM p.owner_team_id`,
  },
  {
    name: 'placements are consistent with their state, product, outlet and terms',
    sql: `SELECT pl.id FROM placement pl
            JOIN product pr ON pr.id = pl.product_id JOIN outlet o ON o.id = pl.outlet_id
          WHERE pr.project_id <> pl.project_id OR o.organization_id <> pl.organization_id
             OR pl.created_at < pr.created_at
             OR NOT CASE pl.state
                  WHEN 'ACTIVE' THEN pl.activated_at IS NOT NULL AND pl.closed_at IS NULL
                  WHEN 'ENDED' THEN pl.activated_at IS NOT NULL AND pl.closed_at >= pl.activated_at
                  WHEN 'DECLINED' THEN pl.activated_at IS NULL AND pl.closed_at IS NOT NULL
                  WHEN 'WITHDRAWN' THEN pl.activated_at IS NULL AND pl.closed_at IS NOT NULL
                  ELSE pl.activated_at IS NULL AND pl.closed_at IS NULL END
             OR (SELECT sum((s->>'shareBp')::int) FROM jsonb_array_elements(pl.royalty_split) s) <> 10000
             OR EXISTS (SELECT 1 FROM jsonb_array_elements(pl.royalty_split) s
                         WHERE (s->>'userId')::uuid <> pr.owner_user_id AND NOT EXISTS (
                           SELECT 1 FROM team_member tm WHERE tm.team_id = pr.owner_team_id
                              AND tm.user_id = (s->>'userId')::uuid))`,
  },
  {
    name: 'at most one open placement per product and outlet',
    sql: `SELECT product_id FROM placement WHERE state IN ('OFFERED', 'REQUESTED', 'ACTIVE')
          GROUP BY product_id, outlet_id HAVING count(*) > 1`,
  },
  {
    name: 'every sale has a placement of its product at its outlet, active at sold_at',
    sql: `SELECT s.id FROM sale s JOIN placement pl ON pl.id = s.placement_id JOIN outlet o ON o.id = s.outlet_id
          WHERE pl.product_id <> s.product_id OR pl.outlet_id <> s.outlet_id
             OR s.organization_id <> o.organization_id OR s.city_id <> o.city_id
             OR pl.activated_at IS NULL OR s.sold_at < pl.activated_at
             OR (pl.closed_at IS NOT NULL AND s.sold_at >= pl.closed_at)
             OR s.sold_at > now() OR s.amount_fen <> s.quantity::bigint * s.unit_price_fen`,
  },
  {
    name: 'no product sells more units than its order delivered',
    sql: `SELECT pr.id FROM product pr JOIN production_order po ON po.project_id = pr.project_id
          WHERE (SELECT coalesce(sum(quantity), 0) FROM sale s WHERE s.product_id = pr.id) > po.quantity_delivered`,
  },
  {
    name: 'settlements sum to sales in fen: wholesale sales never undercut the wholesale price',
    sql: `SELECT s.id FROM sale s JOIN placement pl ON pl.id = s.placement_id
          WHERE pl.terms_type = 'WHOLESALE' AND s.unit_price_fen < pl.wholesale_unit_price_fen`,
  },
  {
    name: 'reviews follow a delivery, one per side, by that side',
    sql: `SELECT r.id FROM review r JOIN production_order po ON po.id = r.order_id JOIN project p ON p.id = po.project_id
          WHERE po.delivered_at IS NULL OR r.created_at < po.delivered_at
             OR (r.side = 'PROJECT_OWNER' AND r.reviewer_user_id <> p.owner_user_id)
             OR (r.side = 'MANUFACTURER' AND NOT EXISTS (SELECT 1 FROM organization_member om
                   WHERE om.organization_id = po.organization_id AND om.user_id = r.reviewer_user_id))`,
  },
  {
    name: 'manufacturer records match their reviews and deliveries',
    sql: `SELECT mr.organization_id FROM manufacturer_record mr
          WHERE mr.review_count <> (SELECT count(*) FROM review r JOIN production_order po ON po.id = r.order_id
                                     WHERE po.organization_id = mr.organization_id AND r.side = 'PROJECT_OWNER')
             OR mr.delivered_orders <> (SELECT count(*) FROM production_order po
                                         WHERE po.organization_id = mr.organization_id AND po.delivered_at IS NOT NULL)
             OR mr.on_time_orders > mr.delivered_orders`,
  },
  {
    name: 'every city has every official statistic in every seeded quarter',
    sql: `SELECT c.id FROM city c
          WHERE (SELECT count(*) FROM official_statistic os WHERE os.city_id = c.id)
             <> (SELECT count(DISTINCT period) * count(DISTINCT indicator) FROM official_statistic)`,
  },
  {
    name: 'members, bidders and recorders hold the role their actions need',
    sql: `SELECT b.id FROM bid b JOIN organization o ON o.id = b.organization_id
          WHERE o.kind <> 'MANUFACTURER' OR NOT EXISTS (SELECT 1 FROM organization_member om
                  WHERE om.organization_id = o.id AND om.user_id = b.submitted_by_user_id)
          UNION ALL
          SELECT s.id FROM sale s WHERE NOT EXISTS (SELECT 1 FROM organization_member om
                  WHERE om.organization_id = s.organization_id AND om.user_id = s.recorded_by_user_id)
          UNION ALL
          SELECT p.id FROM project p JOIN user_account u ON u.id = p.owner_user_id
          WHERE NOT ('TALENT' = ANY(u.roles))`,
  },
  ...INCUBATION_CHECKS,
  {
    name: 'nothing is updated before it was created',
    sql: ['project', 'bid', 'production_order', 'placement', 'sale', 'product', 'review']
      .map((table) => `SELECT id FROM ${table} WHERE updated_at < created_at`)
      .join(' UNION ALL '),
  },
];

export interface CheckResult {
  name: string;
  violations: number;
  examples: string[];
}

export async function runConsistencyChecks(client: Pick<Client, 'query'>): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of CONSISTENCY_CHECKS) {
    const { rows } = await client.query<Record<string, string>>(check.sql);
    results.push({
      name: check.name,
      violations: rows.length,
      examples: rows.slice(0, 3).map((row) => String(Object.values(row)[0])),
    });
  }
  return results;
}
