import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CouplingError } from '@cc/coupling';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { CouplingSnapshotStatus } from '../graphql-enums';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../period';
import { IndicatorSource } from '../platform-indicators/platform-indicator.catalog';
import { PlatformIndicatorRegistry } from '../platform-indicators/platform-indicator.registry';
import { CouplingSnapshot } from '../snapshot/coupling-snapshot.entity';
import { ProjectContribution } from '../snapshot/project-contribution.entity';
import { assembleSnapshots, SnapshotContent, summarizePanel } from '../snapshot/snapshot-assembly';
import { BasisOrigin, BasisSpec } from '../indicator-system/indicator-system-basis';
import { deriveStoredBasis, evaluateOnBasis } from './coupling-basis';
import { buildPanel, StatisticValue } from './coupling-panel';

/** Namespace of the per-version advisory lock (pg_advisory_lock(int, int)). */
export const COUPLING_LOCK_NAMESPACE = 0x1c5_0002;

export interface RecomputeSummary {
  versionId: string;
  version: number;
  sampleCount: number;
  excludedCount: number;
  snapshotsWritten: number;
  snapshotsUnchanged: number;
  contributionsWritten: number;
  /** Why nothing was computed (e.g. fewer than 2 samples for entropy weights). */
  skipped?: string;
}

export type ProgressReporter = (percent: number) => Promise<unknown> | unknown;

/**
 * Recomputes one indicator-system version's whole panel and writes the live snapshots that
 * changed. Entropy weights and min-max bounds depend on every sample, so one changed value can
 * move every snapshot of the panel; unchanged ones (same content hash) are not touched.
 *
 * - One version at a time: a session advisory lock per version (released if the worker dies).
 * - Each snapshot and its contributions are written in one transaction, so a crash leaves no
 *   half-written snapshot; the retried job finishes the rest.
 * - Idempotent: a second run over the same data writes nothing, so rows stay identical.
 * - A PUBLISHED snapshot is never written; new results go into a new LIVE revision.
 */
@Injectable()
export class CouplingRecomputeService {
  private readonly logger = new Logger(CouplingRecomputeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: IndicatorSystemService,
    private readonly platform: PlatformIndicatorRegistry,
  ) {}

  async recompute(
    versionId: string,
    progress: ProgressReporter = () => undefined,
  ): Promise<RecomputeSummary> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [
        COUPLING_LOCK_NAMESPACE,
        versionId,
      ]);
      try {
        return await this.recomputeLocked(runner, versionId, progress);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
          COUPLING_LOCK_NAMESPACE,
          versionId,
        ]);
      }
    } finally {
      await runner.release();
    }
  }

  private async recomputeLocked(
    runner: QueryRunner,
    versionId: string,
    progress: ProgressReporter,
  ): Promise<RecomputeSummary> {
    const version = await runner.manager.findOneBy(IndicatorSystemVersion, { id: versionId });
    if (!version) {
      // Versions are never deleted; a missing one was never committed. Nothing to do.
      return this.summary(
        { id: versionId, version: 0 },
        { skipped: 'no such indicator system version' },
      );
    }
    const model = this.systems.modelOf(version);
    const cityIds = version.cityId ? [version.cityId] : null;
    const officialKeys = version.indicators
      .filter((i) => i.source === IndicatorSource.OFFICIAL_STATISTIC)
      .map((i) => i.key);
    const platformKeys = version.indicators
      .filter((i) => i.source === IndicatorSource.PLATFORM)
      .map((i) => i.key);

    const statistics: StatisticValue[] = officialKeys.length
      ? (
          await runner.query(
            `SELECT city_id, period, indicator, value, import_id FROM official_statistic
              WHERE granularity = $1 AND indicator = ANY($2::text[])
                AND ($3::uuid IS NULL OR city_id = $3::uuid)
              ORDER BY city_id, period, indicator`,
            [version.periodGranularity, officialKeys, version.cityId],
          )
        ).map(
          (row: {
            city_id: string;
            period: string;
            indicator: string;
            value: number;
            import_id: string;
          }) => ({
            cityId: row.city_id,
            period: row.period,
            indicator: row.indicator,
            value: row.value,
            importId: row.import_id,
          }),
        )
      : [];
    const platform = await this.platform.collect(
      {
        granularity: version.periodGranularity,
        cityIds,
        utcOffsetMinutes: DEFAULT_UTC_OFFSET_MINUTES,
      },
      platformKeys,
    );
    await progress(10);

    const panel = buildPanel({
      indicators: version.indicators,
      statistics,
      platformValues: platform.values,
      platformSourceOf: platform.sourceOf,
    });
    if (panel.samples.length === 0) {
      return this.summary(version, {
        excludedCount: panel.excluded.length,
        skipped: 'the panel has no samples',
      });
    }
    let contents: SnapshotContent[];
    try {
      let basis = version.basis;
      let provisional: { spec: BasisSpec; note: string } | undefined;
      if (!basis && version.basisSpec.origin === BasisOrigin.BASELINE) {
        const derived = deriveStoredBasis(version.basisSpec, model, panel.samples, new Date());
        if ('basis' in derived) {
          basis = await this.systems.fixBasis(runner.manager, version.id, derived.basis);
        } else {
          provisional = { spec: version.basisSpec, note: derived.notYet };
        }
      }
      const onBasis = evaluateOnBasis(model, panel.samples, basis, provisional);
      contents = assembleSnapshots(
        onBasis.model,
        panel.samples,
        onBasis.evaluation,
        summarizePanel(panel.samples, panel.excluded),
        onBasis.basis,
      );
    } catch (error) {
      if (!(error instanceof CouplingError)) throw error;
      // Bad data, not a transient failure: retrying would not help. Existing snapshots stay.
      this.logger.warn(`version ${version.version}: ${error.code}: ${error.message}`);
      return this.summary(version, {
        sampleCount: panel.samples.length,
        excludedCount: panel.excluded.length,
        skipped: `${error.code}: ${error.message}`,
      });
    }
    await progress(30);

    let written = 0;
    let contributions = 0;
    for (const [i, content] of contents.entries()) {
      const result = await this.writeSnapshot(runner, version, content);
      if (result.written) {
        written += 1;
        contributions += content.contributions.length;
      }
      if (i % 25 === 24 || i === contents.length - 1) {
        await progress(30 + Math.round((70 * (i + 1)) / contents.length));
      }
    }
    return this.summary(version, {
      sampleCount: panel.samples.length,
      excludedCount: panel.excluded.length,
      snapshotsWritten: written,
      snapshotsUnchanged: contents.length - written,
      contributionsWritten: contributions,
    });
  }

  /** Writes one snapshot and its contributions in one transaction, unless nothing changed. */
  private async writeSnapshot(
    runner: QueryRunner,
    version: IndicatorSystemVersion,
    content: SnapshotContent,
  ): Promise<{ written: boolean }> {
    await runner.startTransaction();
    try {
      const written = await this.upsert(runner.manager, version, content);
      await runner.commitTransaction();
      return { written };
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  private async upsert(
    manager: EntityManager,
    version: IndicatorSystemVersion,
    content: SnapshotContent,
  ): Promise<boolean> {
    const key = { cityId: content.cityId, period: content.period, systemVersionId: version.id };
    // Lock the (city, period, version) rows against a concurrent publish.
    const existing = await manager
      .createQueryBuilder(CouplingSnapshot, 'snapshot')
      .setLock('pessimistic_write')
      .where(
        'snapshot.city_id = :cityId AND snapshot.period = :period AND snapshot.system_version_id = :systemVersionId',
        key,
      )
      .orderBy('snapshot.revision', 'DESC')
      .getMany();
    const live = existing.find((s) => s.status === CouplingSnapshotStatus.LIVE);
    const latest = existing[0];
    if (
      live ? live.contentHash === content.contentHash : latest?.contentHash === content.contentHash
    ) {
      return false;
    }
    const { contributions, ...fields } = content;
    const values = { ...fields, systemVersionId: version.id, computedAt: new Date() };
    let snapshotId: string;
    if (live) {
      await manager.update(CouplingSnapshot, live.id, values);
      await manager.delete(ProjectContribution, { snapshotId: live.id });
      snapshotId = live.id;
    } else {
      const inserted = await manager.save(
        manager.create(CouplingSnapshot, {
          ...values,
          revision: (latest?.revision ?? 0) + 1,
          status: CouplingSnapshotStatus.LIVE,
        }),
      );
      snapshotId = inserted.id;
    }
    if (contributions.length > 0) {
      await manager.insert(
        ProjectContribution,
        contributions.map((c) => ({
          ...c,
          snapshotId,
          cityId: content.cityId,
          period: content.period,
          granularity: content.granularity,
          systemVersionId: version.id,
        })),
      );
    }
    return true;
  }

  private summary(
    version: { id: string; version: number },
    fields: Partial<RecomputeSummary>,
  ): RecomputeSummary {
    return {
      versionId: version.id,
      version: version.version,
      sampleCount: 0,
      excludedCount: 0,
      snapshotsWritten: 0,
      snapshotsUnchanged: 0,
      contributionsWritten: 0,
      ...fields,
    };
  }
}
