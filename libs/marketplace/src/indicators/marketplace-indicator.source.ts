import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DisciplineReader } from '@cc/identity';
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
  crossDisciplinary,
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
 * The projects published in each (city, period), each with its `local` flag (linked to at
 * least one catalogued cultural resource of the project's own city) and what decides `cross`
 * (`crossDisciplinary`): whether it is a DIGITAL_EXPERIENCE, its creator and its team.
 */
const PUBLISHED_COHORT_SQL = `
WITH published AS (
  SELECT p.id, p.city_id, p.category, p.owner_user_id, p.owner_team_id,
         ${periodKey('p.published_at')} AS period
    FROM project p
   WHERE p.published_at IS NOT NULL
     AND ($1::uuid[] IS NULL OR p.city_id = ANY($1::uuid[]))
)
SELECT city_id, period,
       jsonb_agg(jsonb_build_object(
         'projectId', pub.id,
         -- a link's foreign key keeps it in the project's city
         'local', EXISTS (SELECT 1 FROM project_cultural_resource link WHERE link.project_id = pub.id),
         'digitalExperience', pub.category = $4::project_category,
         'ownerUserId', pub.owner_user_id,
         'ownerTeamId', pub.owner_team_id) ORDER BY pub.id) AS projects
  FROM published pub
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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly disciplines: DisciplineReader,
  ) {}

  async collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]> {
    const wanted = new Set(query.indicators);
    const params = (category: string) => [
      query.cityIds ? [...query.cityIds] : null,
      PERIOD_KEY_FORMAT[query.granularity],
      query.utcOffsetMinutes,
      category,
    ];
    const published = PUBLISHED_COHORT_INDICATORS.some((key) => wanted.has(key))
      ? await this.withCrossFlags(
          await this.dataSource.query(
            PUBLISHED_COHORT_SQL,
            params(ProjectCategory.DIGITAL_EXPERIENCE),
          ),
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

  /**
   * Team membership and disciplines are identity's: one batched call to its exported
   * `DisciplineReader` for all the projects' creators and teams, rather than a membership fact
   * the marketplace keeps from identity events. A fact fed by queued events lags the change and
   * must order join/leave events itself; the reader is as current as identity (the shares use
   * membership as it is when the recompute runs, as before; a PUBLISHED snapshot keeps the
   * figures it was published with) and costs one round trip per collect.
   */
  private async withCrossFlags(rows: PublishedCohortQueryRow[]): Promise<PublishedCohortRow[]> {
    const projects = rows.flatMap((row) => row.projects);
    const known = await this.disciplines.of({
      userIds: [...new Set(projects.map((p) => p.ownerUserId))],
      teamIds: [...new Set(projects.flatMap((p) => (p.ownerTeamId ? [p.ownerTeamId] : [])))],
    });
    return rows.map((row) => ({
      city_id: row.city_id,
      period: row.period,
      projects: row.projects.map((p) => ({
        projectId: p.projectId,
        local: p.local,
        cross: crossDisciplinary(p.digitalExperience, [
          ...(known.users.get(p.ownerUserId) ?? []),
          ...((p.ownerTeamId && known.teams.get(p.ownerTeamId)) || []),
        ]),
      })),
    }));
  }
}

/** A row of the published-cohort query, before its projects' `cross` flags are known. */
interface PublishedCohortQueryRow {
  city_id: string;
  period: string;
  projects: {
    projectId: string;
    local: boolean;
    digitalExperience: boolean;
    ownerUserId: string;
    ownerTeamId: string | null;
  }[];
}
