import type { ConsistencyCheck } from './consistency-checks';

/** A KPI report's period (`2026-Q3` or `2026-07`) as its window in China Standard Time. */
const PERIOD_WINDOW = `
  CROSS JOIN LATERAL (SELECT CASE WHEN r.period LIKE '%-Q%'
      THEN make_date(split_part(r.period, '-Q', 1)::int, split_part(r.period, '-Q', 2)::int * 3 - 2, 1)
      ELSE to_date(r.period, 'YYYY-MM') END AS first_day,
    CASE WHEN r.period LIKE '%-Q%' THEN interval '3 months' ELSE interval '1 month' END AS length) p
  CROSS JOIN LATERAL (SELECT p.first_day::timestamp AT TIME ZONE 'Asia/Shanghai' AS starts,
    (p.first_day + p.length)::timestamp AT TIME ZONE 'Asia/Shanghai' AS ends) w`;

/** The incubation rules of libs/incubation/README.md, as SQL over the seeded rows. */
export const INCUBATION_CHECKS: readonly ConsistencyCheck[] = [
  {
    name: 'programs belong to an INCUBATOR organization in its city, created by a member',
    sql: `SELECT pg.id FROM incubation_program pg JOIN organization o ON o.id = pg.organization_id
          WHERE o.kind <> 'INCUBATOR' OR o.city_id <> pg.city_id OR NOT EXISTS (
            SELECT 1 FROM organization_member om WHERE om.organization_id = o.id AND om.user_id = pg.created_by_user_id)
          UNION ALL
          SELECT c.id FROM incubation_cohort c JOIN incubation_program pg ON pg.id = c.program_id
          WHERE c.organization_id <> pg.organization_id OR c.city_id <> pg.city_id`,
  },
  {
    name: 'a cohort’s admitted count is its admitted and graduated applications, within capacity',
    sql: `SELECT c.id FROM incubation_cohort c
          WHERE c.admitted_count > c.capacity OR c.admitted_count <> (SELECT count(*) FROM incubation_application a
                  WHERE a.cohort_id = c.id AND a.state IN ('ADMITTED', 'GRADUATED'))`,
  },
  {
    name: 'applications: by a team member, for the team’s projects, with the dates of their state',
    sql: `SELECT a.id FROM incubation_application a
          WHERE NOT EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = a.team_id AND tm.user_id = a.applicant_user_id)
             OR EXISTS (SELECT 1 FROM unnest(a.project_ids) pid LEFT JOIN project p ON p.id = pid
                         WHERE p.owner_team_id IS DISTINCT FROM a.team_id)
             OR NOT CASE a.state
                  WHEN 'SUBMITTED' THEN a.decided_at IS NULL AND a.admitted_at IS NULL AND a.ended_at IS NULL
                  WHEN 'REJECTED' THEN a.decided_at IS NOT NULL AND a.admitted_at IS NULL AND a.ended_at IS NULL
                  WHEN 'ADMITTED' THEN a.admitted_at IS NOT NULL AND a.decided_at IS NOT NULL AND a.ended_at IS NULL
                  ELSE a.decided_at IS NOT NULL AND (a.state = 'WITHDRAWN' OR a.admitted_at IS NOT NULL)
                   AND a.ended_at >= coalesce(a.admitted_at, a.decided_at) END`,
  },
  {
    name: 'a platform-ticked milestone names an event that happened on the team’s project while it could tick',
    sql: `SELECT mc.id FROM incubation_milestone_completion mc
            JOIN incubation_milestone m ON m.id = mc.milestone_id
            JOIN incubation_application a ON a.id = mc.application_id
          WHERE m.cohort_id <> a.cohort_id OR a.admitted_at IS NULL
             OR mc.completed_at > coalesce(a.ended_at, now())
             OR (mc.source = 'MANUAL' AND mc.marked_by_user_id IS NULL)
             OR (mc.source = 'PLATFORM_EVENT' AND (NOT (mc.project_id = ANY(a.project_ids)) OR NOT CASE mc.event_kind
                  WHEN 'BID_ACCEPTED' THEN m.kind = 'FIRST_PRODUCTION_ORDER' AND EXISTS (SELECT 1 FROM bid b
                    WHERE b.id::text = mc.event_ref AND b.state = 'ACCEPTED' AND b.project_id = mc.project_id)
                  WHEN 'SAMPLE_APPROVED' THEN m.kind = 'PROTOTYPE' AND EXISTS (SELECT 1 FROM production_order po
                    JOIN production_milestone pm ON pm.order_id = po.id AND pm.stage = 'SAMPLE_APPROVED'
                    WHERE po.id::text = mc.event_ref AND po.project_id = mc.project_id)
                  WHEN 'PLACEMENT_STARTED' THEN m.kind = 'FIRST_PLACEMENT' AND EXISTS (SELECT 1 FROM placement pl
                    WHERE pl.id::text = mc.event_ref AND pl.project_id = mc.project_id AND pl.activated_at = mc.completed_at)
                  WHEN 'SALE_RECORDED' THEN m.kind = 'FIRST_1000_UNITS_SOLD' AND EXISTS (SELECT 1 FROM sale s
                    JOIN product pr ON pr.id = s.product_id
                    WHERE s.id::text = mc.event_ref AND pr.project_id = mc.project_id AND s.sold_at = mc.completed_at
                      AND (SELECT sum(s2.quantity) FROM sale s2 JOIN product pr2 ON pr2.id = s2.product_id
                            WHERE pr2.project_id = mc.project_id AND (s2.sold_at, s2.id) <= (s.sold_at, s.id)) >= 1000)
                  ELSE false END))`,
  },
  {
    name: 'platform-derived KPI values equal the sales of the team’s projects in the period',
    sql: `SELECT r.id FROM incubation_kpi_value v
            JOIN incubation_kpi_report r ON r.id = v.report_id
            JOIN incubation_kpi_metric k ON k.id = v.metric_id
            JOIN incubation_application a ON a.id = r.application_id ${PERIOD_WINDOW}
            CROSS JOIN LATERAL (SELECT coalesce(sum(s.quantity), 0) AS units, coalesce(sum(s.amount_fen), 0) AS fen
                                  FROM sale s JOIN product pr ON pr.id = s.product_id
                                 WHERE pr.project_id = ANY(a.project_ids) AND s.sold_at >= w.starts AND s.sold_at < w.ends) t
          WHERE k.cohort_id <> a.cohort_id
             OR v.platform_derived <> (k.kind IN ('REVENUE', 'UNITS_SOLD', 'PRODUCTION_ORDERS', 'PLACEMENTS'))
             OR (k.kind = 'REVENUE' AND v.value <> t.fen / 100.0)
             OR (k.kind = 'UNITS_SOLD' AND v.value <> t.units)`,
  },
  {
    name: 'KPI reports cover periods the team was admitted in, once, with a value per metric',
    sql: `SELECT r.id FROM incubation_kpi_report r
            JOIN incubation_application a ON a.id = r.application_id
            JOIN incubation_cohort c ON c.id = a.cohort_id ${PERIOD_WINDOW}
          WHERE a.admitted_at IS NULL OR w.ends <= greatest(a.admitted_at, c.starts_on::timestamp AT TIME ZONE 'Asia/Shanghai')
             OR w.starts > c.ends_on::timestamp AT TIME ZONE 'Asia/Shanghai' OR r.submitted_at < w.ends
             OR (SELECT count(*) FROM incubation_kpi_value v WHERE v.report_id = r.id)
                <> (SELECT count(*) FROM incubation_kpi_metric k WHERE k.cohort_id = a.cohort_id)`,
  },
];
