import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  PlatformIndicatorProvider,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from '@cc/impact';
import { BidState } from '../bid/bid-state.enum';
import { ProjectCategory } from '../project/project-category.enum';
import {
  AwardedRow,
  MARKETPLACE_INDICATORS,
  MarketplaceIndicator,
  marketplaceIndicatorValues,
  PERIOD_KEY_FORMAT,
  PUBLISHED_COHORT_INDICATORS,
  PublishedCohortRow,
} from './marketplace-indicator.rows';

/** The local-time period key of a timestamptz column: $2 is the `to_char` pattern, $3 the UTC offset in minutes. */
const periodKey = (column: string) =>
  `to_char((${column} AT TIME ZONE 'UTC') + $3::int * interval '1 minute', $2::text)`;

/**
 * The projects published in each (city, period), each with two flags:
 * - `local`: linked to at least one catalogued cultural resource of the project's own city;
 * - `cross`: cross-disciplinary, i.e. the project is a DIGITAL_EXPERIENCE, or its people span
 *   at least two disciplines, or one of them works in DIGITAL_TECHNOLOGY (DESIGN.md: "members
 *   of ≥ 2 disciplines or digital technology").
 *
 * A project's people are its creator plus, for a team project, the team's current members.
 * Team membership and disciplines live in identity's `team_member` and `talent_profile`; this
 * source reads them directly. That is reporting (a read-only aggregate over another domain's
 * tables, the same rule the identity `Discipline` enum documents), not a dependency on the
 * identity module's behaviour. Identity keeps no membership history, so the shares of a
 * period use membership as it is when the recompute runs; a PUBLISHED snapshot keeps the
 * figures it was published with.
 */
const PUBLISHED_COHORT_SQL = `
WITH published AS (
  SELECT p.id, p.city_id, p.category, p.owner_user_id, p.owner_team_id,
         ${periodKey('p.published_at')} AS period
    FROM project p
   WHERE p.published_at IS NOT NULL
     AND ($1::uuid[] IS NULL OR p.city_id = ANY($1::uuid[]))
),
people AS (
  SELECT pub.id AS project_id, pub.owner_user_id AS user_id FROM published pub
  UNION
  SELECT pub.id, tm.user_id
    FROM published pub
    JOIN team_member tm ON tm.team_id = pub.owner_team_id
),
disciplines AS (
  SELECT people.project_id,
         count(DISTINCT d.discipline) AS distinct_count,
         bool_or(d.discipline = 'DIGITAL_TECHNOLOGY') AS digital
    FROM people
    JOIN talent_profile tp ON tp.user_id = people.user_id
   CROSS JOIN LATERAL unnest(tp.disciplines) AS d(discipline)
   GROUP BY people.project_id
),
flagged AS (
  SELECT pub.id, pub.city_id, pub.period,
         -- a link's foreign key keeps it in the project's city
         EXISTS (SELECT 1 FROM project_cultural_resource link WHERE link.project_id = pub.id)
           AS is_local,
         (pub.category = $4::project_category
           OR coalesce(d.distinct_count, 0) >= 2
           OR coalesce(d.digital, false)) AS is_cross
    FROM published pub
    LEFT JOIN disciplines d ON d.project_id = pub.id
)
SELECT city_id, period,
       jsonb_agg(jsonb_build_object('projectId', id, 'local', is_local, 'cross', is_cross) ORDER BY id)
         AS projects
  FROM flagged
 GROUP BY city_id, period
 ORDER BY city_id, period`;

/**
 * The projects awarded in each (city, period): the award is the accepted bid, and its instant
 * is when the production order was opened (in the same transaction as the acceptance; one order
 * per project, never re-created).
 */
const AWARDED_SQL = `
SELECT p.city_id, ${periodKey('po.created_at')} AS period,
       array_agg(p.id ORDER BY p.id)::text[] AS project_ids
  FROM production_order po
  JOIN bid b ON b.id = po.bid_id AND b.state = $4::bid_state
  JOIN project p ON p.id = po.project_id
 WHERE ($1::uuid[] IS NULL OR p.city_id = ANY($1::uuid[]))
 GROUP BY p.city_id, period
 ORDER BY p.city_id, period`;

/**
 * The marketplace's platform indicators, per (city, period), with each project's additive part:
 *
 * | indicator                  | kind  | per project                                             |
 * | -------------------------- | ----- | ------------------------------------------------------- |
 * | `projects_published`       | SUM   | 1 in the period of its `published_at`                   |
 * | `bids_awarded`             | SUM   | 1 in the period its bid was accepted                    |
 * | `local_culture_share`      | RATIO | { 0 or 1 linked to a local resource, 1 } when published |
 * | `cross_disciplinary_share` | RATIO | { 0 or 1 cross-disciplinary, 1 } when published         |
 *
 * The shares are over the projects published in the period. A published project counts in its
 * period even if it is cancelled later: publication is a fact of that period.
 * The marketplace sends `notifyCouplingInputsChanged` on publish and award (`MarketplaceEvents`).
 */
@PlatformIndicatorProvider()
@Injectable()
export class MarketplaceIndicatorSource implements PlatformIndicatorSource {
  readonly name = 'marketplace';
  readonly indicators = MARKETPLACE_INDICATORS;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]> {
    const wanted = new Set(query.indicators);
    const params = (category: string) => [
      query.cityIds ? [...query.cityIds] : null,
      PERIOD_KEY_FORMAT[query.granularity],
      query.utcOffsetMinutes,
      category,
    ];
    const published: PublishedCohortRow[] = PUBLISHED_COHORT_INDICATORS.some((key) =>
      wanted.has(key),
    )
      ? await this.dataSource.query(
          PUBLISHED_COHORT_SQL,
          params(ProjectCategory.DIGITAL_EXPERIENCE),
        )
      : [];
    const awarded: AwardedRow[] = wanted.has(MarketplaceIndicator.BIDS_AWARDED)
      ? await this.dataSource.query(AWARDED_SQL, params(BidState.ACCEPTED))
      : [];
    return marketplaceIndicatorValues({
      granularity: query.granularity,
      indicators: query.indicators,
      published,
      awarded,
    });
  }
}
