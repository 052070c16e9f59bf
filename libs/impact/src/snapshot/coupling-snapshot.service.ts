import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { CouplingError, CouplingWarning, evaluateWhatIf } from '@cc/coupling';
import { Connection, paginate } from '@cc/graphql';
import { CouplingLevel, CouplingSnapshotStatus } from '../graphql-enums';
import { assertCityAccess, visibleCityIds } from '../impact-access';
import { ImpactException } from '../impact.exception';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { Period, periodStart, tryParsePeriod } from '../period';
import { IndicatorSource } from '../platform-indicators/platform-indicator.catalog';
import { explainAbsence, noActiveVersion } from './coupling-absence';
import { CouplingRun } from './coupling-run.entity';
import { CouplingSnapshot } from './coupling-snapshot.entity';
import { ProjectContribution } from './project-contribution.entity';
import { applyProjectChanges } from './simulation-changes';
import { withSnapshotStatus } from './snapshot-status';
import {
  CompareCitiesArgs,
  CouplingSnapshotArgs,
  CouplingSnapshotsArgs,
  PublishCouplingPeriodArgs,
  SimulateCouplingArgs,
} from './dto/coupling-snapshot.args';
import { CouplingPeriodResult, CouplingSimulation } from './dto/coupling-snapshot.types';

/**
 * Reading, publishing and what-if of coupling snapshots. Per (city, period, version) the
 * snapshot shown by default is the latest PUBLISHED revision if there is one (the official
 * figure), else the LIVE one; `status` picks either explicitly.
 */
@Injectable()
export class CouplingSnapshotService {
  constructor(
    @InjectRepository(CouplingSnapshot) private readonly snapshots: Repository<CouplingSnapshot>,
    @InjectRepository(ProjectContribution)
    private readonly contributions: Repository<ProjectContribution>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: IndicatorSystemService,
  ) {}

  async get(viewer: Viewer, args: CouplingSnapshotArgs): Promise<CouplingSnapshot | null> {
    const version = await this.systems.resolve(viewer, {
      version: args.version,
      cityId: args.cityId,
    });
    const period = this.periodFor(version, args.period);
    return withSnapshotStatus(
      this.snapshots
        .createQueryBuilder('snapshot')
        .where('snapshot.city_id = :cityId', { cityId: args.cityId })
        .andWhere('snapshot.period = :period', { period: period.key })
        .andWhere('snapshot.system_version_id = :versionId', { versionId: version.id }),
      args.status,
    ).getOne();
  }

  /** The snapshot, or why there is none (`CouplingAbsence`). */
  async getExplained(viewer: Viewer, args: CouplingSnapshotArgs): Promise<CouplingPeriodResult> {
    assertCityAccess(viewer, args.cityId);
    if (args.version === undefined || args.version === null) {
      if (!(await this.systems.activeFor(args.cityId))) {
        return { snapshot: null, absence: noActiveVersion(args.cityId) };
      }
    }
    const snapshot = await this.get(viewer, args);
    if (snapshot) return { snapshot, absence: null };
    const version = await this.systems.resolve(viewer, {
      version: args.version,
      cityId: args.cityId,
    });
    const latestRun = await this.dataSource.getRepository(CouplingRun).findOne({
      where: { systemVersionId: version.id },
      order: { sequence: 'DESC' },
    });
    return {
      snapshot: null,
      absence: explainAbsence({
        version: version.version,
        period: args.period,
        latestRun,
        hasCurrentRun: version.currentRunId !== null,
        published: args.status === CouplingSnapshotStatus.PUBLISHED,
      }),
    };
  }

  async getOrThrow(viewer: Viewer, args: CouplingSnapshotArgs): Promise<CouplingSnapshot> {
    const snapshot = await this.get(viewer, args);
    if (!snapshot) throw ImpactException.snapshotNotFound(args.cityId, args.period);
    return snapshot;
  }

  /** A city's snapshots from one period to another, oldest first. */
  async timeSeries(
    viewer: Viewer,
    args: CouplingSnapshotsArgs,
  ): Promise<Connection<CouplingSnapshot>> {
    const { cityId, from, to, version: number, status, ...page } = args;
    const version = await this.systems.resolve(viewer, { version: number, cityId });
    const first = this.periodFor(version, from, 'from');
    const last = this.periodFor(version, to, 'to');
    const query = withSnapshotStatus(
      this.snapshots
        .createQueryBuilder('snapshot')
        .where('snapshot.city_id = :cityId', { cityId })
        .andWhere('snapshot.system_version_id = :versionId', { versionId: version.id })
        .andWhere('snapshot.period_start BETWEEN :first AND :last', {
          first: periodStart(first),
          last: periodStart(last),
        }),
      status,
    );
    return paginate(query, page, {
      column: 'snapshot.period_start',
      direction: 'ASC',
      valueOf: (snapshot) => snapshot.periodStart.toISOString(),
    });
  }

  /** Every visible city in one period under one global version, highest D first. */
  async compareCities(
    viewer: Viewer,
    args: CompareCitiesArgs,
  ): Promise<Connection<CouplingSnapshot>> {
    const { period: text, version: number, status, ...page } = args;
    let version: IndicatorSystemVersion | null;
    if (number !== undefined && number !== null) {
      version = await this.systems.resolve(viewer, { version: number });
      if (version.cityId) {
        throw ImpactException.invalidIndicatorSystem(
          `version ${number} belongs to one city; comparing cities needs a global version`,
        );
      }
    } else {
      version = await this.systems.activeFor(null);
      if (!version) throw ImpactException.indicatorSystemNotFound('for all cities');
    }
    const period = this.periodFor(version, text);
    const query = withSnapshotStatus(
      this.snapshots
        .createQueryBuilder('snapshot')
        .where('snapshot.system_version_id = :versionId', { versionId: version.id })
        .andWhere('snapshot.period = :period', { period: period.key }),
      status,
    );
    const cities = visibleCityIds(viewer);
    if (cities) query.andWhere('snapshot.city_id = ANY(:cities)', { cities });
    return paginate(query, page, {
      column: 'snapshot.coordination_degree',
      direction: 'DESC',
      valueOf: (snapshot) => snapshot.coordinationDegree,
    });
  }

  /**
   * Freezes a period for every city of the version, in one transaction: the current run's rows
   * of that period become PUBLISHED and never change again; later runs write new LIVE rows
   * beside them. A global version is published by an ADMIN; a city's version by its officials.
   * Returns the frozen snapshots the viewer may see, highest D first.
   */
  async publish(viewer: Viewer, args: PublishCouplingPeriodArgs): Promise<CouplingSnapshot[]> {
    const version = await this.systems.resolve(viewer, {
      version: args.version,
      cityId: args.cityId,
    });
    if (!version.cityId && !viewer.isAdmin) throw ImpactException.globalPublicationRequiresAdmin();
    const period = this.periodFor(version, args.period);
    const ids = await this.dataSource.transaction(async (manager) => {
      // Locks the pointer: a run cannot become current halfway through the publication.
      const [{ current_run_id: runId }] = await manager.query(
        'SELECT current_run_id FROM indicator_system_version WHERE id = $1 FOR UPDATE',
        [version.id],
      );
      const [rows] = await manager.query(
        `UPDATE coupling_snapshot SET status = 'PUBLISHED', published_at = now(), published_by_id = $3
          WHERE run_id = $1 AND period = $2 AND status = 'LIVE' RETURNING id`,
        [runId, period.key, viewer.userId],
      );
      if (!rows.length) {
        const [published] = await manager.query(
          `SELECT 1 FROM coupling_snapshot WHERE run_id = $1 AND period = $2 LIMIT 1`,
          [runId, period.key],
        );
        if (published) throw ImpactException.nothingToPublish(version.version, period.key);
        throw ImpactException.snapshotNotFound(args.cityId ?? 'any', period.key);
      }
      return (rows as { id: string }[]).map((row) => row.id);
    });
    const query = this.snapshots
      .createQueryBuilder('snapshot')
      .where('snapshot.id = ANY(:ids)', { ids })
      .orderBy('snapshot.coordination_degree', 'DESC')
      .addOrderBy('snapshot.city_id', 'ASC');
    const cities = visibleCityIds(viewer);
    if (cities) query.andWhere('snapshot.city_id = ANY(:cities)', { cities });
    return query.getMany();
  }

  /**
   * What-if on a snapshot, evaluated with its frozen bounds and weights as goalposts
   * (`evaluateWhatIf`: clipped values and U outside [0, 1] are warnings). Writes nothing. In order: projects taken out (their stored parts subtracted from the
   * platform indicators' totals), hypothetical projects put in (their parts added), then
   * indicator deltas added to the raw values.
   */
  async simulate(viewer: Viewer, args: SimulateCouplingArgs): Promise<CouplingSimulation> {
    const changes = args.changes ?? [];
    const removeProjects = [...new Set(args.removeProjects ?? [])];
    const addProjects = args.addProjects ?? [];
    if (!changes.length && !removeProjects.length && !addProjects.length) {
      throw ImpactException.simulationInvalid(
        'Nothing to simulate: give indicator changes, projects to remove or projects to add',
      );
    }
    const base = await this.getOrThrow(viewer, args);
    const version = (await this.systems.findById(base.systemVersionId))!;
    const model = this.systems.modelOf(version);
    const known = version.indicators.map((indicator) => indicator.key);

    const stored = removeProjects.length
      ? await this.contributions.find({
          where: { snapshotId: base.id, projectId: In(removeProjects) },
        })
      : [];
    const found = new Set(stored.map((c) => c.projectId));
    const warnings: CouplingWarning[] = removeProjects
      .filter((id) => !found.has(id))
      .map((id) => ({
        code: 'PROJECT_WITHOUT_ACTIVITY',
        message: `project ${id} has no activity in ${base.period}: removing it changes nothing`,
        sample: [base.cityId, base.period],
      }));
    addProjects.forEach((project, i) => {
      const empty = project.parts.every(
        (part) => !part.amount && !part.numerator && !part.denominator,
      );
      if (empty) {
        warnings.push({
          code: 'PROJECT_WITHOUT_PARTS',
          message: `${project.label ?? `added project ${i + 1}`} has no raw parts: adding it changes nothing`,
          sample: [base.cityId, base.period],
        });
      }
    });
    const projected = applyProjectChanges({
      indicators: version.indicators,
      rawValues: base.rawValues,
      trace: base.trace,
      removed: stored.map((c) => ({ projectId: c.projectId, parts: c.rawParts })),
      added: addProjects.map((project) => project.parts),
    });
    const values = projected.values;
    const changed = new Set<string>(projected.changed);
    for (const change of changes) {
      if (!(change.indicator in values))
        throw ImpactException.unknownIndicator(change.indicator, known);
      values[change.indicator] += change.delta;
      changed.add(change.indicator);
    }
    for (const key of changed) {
      const indicator = version.indicators.find((i) => i.key === key)!;
      if (indicator.source === IndicatorSource.PLATFORM && values[key] < 0) {
        throw ImpactException.simulationInvalid(
          `${key} would be ${values[key]}: a platform indicator cannot be negative`,
        );
      }
    }
    let whatIf;
    try {
      whatIf = evaluateWhatIf({
        model,
        frozen: base.frozen,
        values,
        id: [base.cityId, base.period],
      });
    } catch (error) {
      if (error instanceof CouplingError) throw ImpactException.simulationInvalid(error.message);
      throw error;
    }
    const result = whatIf.result;
    warnings.push(...whatIf.warnings);
    return {
      base,
      indicators: known
        .filter((key) => changed.has(key))
        .map((key) => ({
          key,
          baseRaw: base.rawValues[key],
          raw: values[key],
          standardized: result.standardized[key],
        })),
      subsystems: version.subsystems.map((s) => ({
        name: s.name,
        baseValue: base.subsystemValues[s.name],
        value: result.U[s.name],
        delta: result.U[s.name] - base.subsystemValues[s.name],
      })),
      couplingDegree: result.C,
      coordinationIndex: result.T,
      coordinationDegree: result.D,
      level: result.level as CouplingLevel,
      deltaD: result.D - base.coordinationDegree,
      removedProjects: removeProjects,
      addedProjects: addProjects.map((project, i) => project.label ?? `added project ${i + 1}`),
      warnings,
    };
  }

  private periodFor(version: IndicatorSystemVersion, text: string, field = 'period'): Period {
    const period = tryParsePeriod(text);
    if (!period) {
      throw ImpactException.invalidPeriod(
        `"${text}" is not a period: use 2026-Q3, 2026-09 or 2026`,
        field,
      );
    }
    if (period.granularity !== version.periodGranularity) {
      throw ImpactException.granularityMismatch(period.key, version.periodGranularity);
    }
    return period;
  }
}
