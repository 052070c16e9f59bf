import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { Connection, paginate } from '@cc/graphql';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { CouplingSnapshotService } from './coupling-snapshot.service';
import { CouplingSnapshot } from './coupling-snapshot.entity';
import { ProjectContributionOrder, ProjectContributionsArgs } from './dto/coupling-snapshot.args';
import { ProjectContribution } from './project-contribution.entity';
import { withSnapshotStatus } from './snapshot-status';

function emptyConnection<T>(): Connection<T> {
  return {
    edges: [],
    totalCount: 0,
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  };
}

/**
 * Reading the stored project contributions: the ranking of one city's period for officials,
 * and the contributions of given projects over time (a talent's "my impact"). Never computes:
 * contributions are written with their snapshot by the recompute job.
 */
@Injectable()
export class ProjectContributionService {
  constructor(
    @InjectRepository(ProjectContribution)
    private readonly contributions: Repository<ProjectContribution>,
    private readonly snapshots: CouplingSnapshotService,
    private readonly systems: IndicatorSystemService,
  ) {}

  /**
   * The projects of the snapshot shown for (city, period) — the latest PUBLISHED revision,
   * else the LIVE one, or the `status` asked — ranked by ΔD. OFFICIAL of the city or ADMIN
   * (checked when the snapshot is resolved). Empty before the first computation.
   */
  async ranking(
    viewer: Viewer,
    args: ProjectContributionsArgs,
  ): Promise<Connection<ProjectContribution>> {
    const { cityId, period, version, status, orderBy, ...page } = args;
    const snapshot = await this.snapshots.get(viewer, { cityId, period, version, status });
    if (!snapshot) return emptyConnection();
    const query = this.contributions
      .createQueryBuilder('contribution')
      .where('contribution.snapshot_id = :snapshotId', { snapshotId: snapshot.id });
    return paginate(query, page, {
      column: 'contribution.delta_d',
      direction: orderBy === ProjectContributionOrder.DELTA_D_ASC ? 'ASC' : 'DESC',
      valueOf: (contribution) => contribution.deltaD,
    });
  }

  /**
   * The contributions of these projects in every period, oldest first, from the snapshot shown
   * by default (latest PUBLISHED revision, else LIVE): under the given indicator-system version,
   * or else, per project's city, the version in force there. The caller decides who may see
   * which projects.
   */
  async forProjects(
    projectIds: readonly string[],
    versionNumber?: number | null,
  ): Promise<ProjectContribution[]> {
    if (!projectIds.length) return [];
    const ids = [...new Set(projectIds)];
    const query = this.contributions
      .createQueryBuilder('contribution')
      .innerJoin(CouplingSnapshot, 'snapshot', 'snapshot.id = contribution.snapshot_id')
      .where('contribution.project_id = ANY(:ids)', { ids });
    if (versionNumber !== undefined && versionNumber !== null) {
      query.andWhere(
        'contribution.system_version_id = (SELECT v.id FROM indicator_system_version v WHERE v.version = :versionNumber)',
        { versionNumber },
      );
    } else {
      const cities: { city_id: string }[] = await this.contributions.query(
        'SELECT DISTINCT city_id FROM project_contribution WHERE project_id = ANY($1::uuid[])',
        [ids],
      );
      const scopes: string[] = [];
      for (const { city_id: cityId } of cities) {
        const version = await this.systems.activeFor(cityId);
        if (version) scopes.push(`${cityId}/${version.id}`);
      }
      if (!scopes.length) return [];
      query.andWhere(
        "(contribution.city_id::text || '/' || contribution.system_version_id::text) = ANY(:scopes)",
        { scopes },
      );
    }
    return withSnapshotStatus(query, undefined)
      .orderBy('snapshot.period_start', 'ASC')
      .addOrderBy('contribution.project_id', 'ASC')
      .getMany();
  }
}
