import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CouplingError, CouplingErrorCode } from '@cc/coupling';
import { DataSource, QueryRunner } from 'typeorm';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../period';
import { IndicatorSource } from '../platform-indicators/platform-indicator.catalog';
import { PlatformIndicatorRegistry } from '../platform-indicators/platform-indicator.registry';
import { CouplingRun, CouplingRunStatus, RunSkipReason } from '../snapshot/coupling-run.entity';
import type { PanelSummary } from '../snapshot/coupling-snapshot.entity';
import { CouplingRunWriter } from '../snapshot/coupling-run.writer';
import { hashOf } from '../stable-json';
import { assembleSnapshots, SnapshotContent, summarizePanel } from '../snapshot/snapshot-assembly';
import { BasisOrigin, BasisSpec } from '../indicator-system/indicator-system-basis';
import {
  BasisEvaluation,
  deriveStoredBasis,
  evaluateOnBasis,
  MIN_BASELINE_SAMPLES,
} from './coupling-basis';
import { periodsCovering } from './period-scope';
import { buildPanel, Panel, StatisticValue } from './coupling-panel';

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
  /** The run that holds the numbers (new, or the current one when nothing changed). */
  runId?: string;
  /** Why nothing was computed (e.g. fewer than 2 samples for entropy weights). */
  skipped?: string;
}

const NO_SAMPLES: RunSkipReason = {
  code: 'NO_DATA',
  message: 'the panel has no samples: no city has a value of these indicators yet',
};

/** Why the engine refused, with the count and the minimum for too few samples. */
function skipReasonOf(error: CouplingError, sampleCount: number): RunSkipReason {
  const reason: RunSkipReason = { code: error.code, message: error.message };
  if (error.code === CouplingErrorCode.TOO_FEW_SAMPLES) {
    const counts = /has (\d+) sample|got (\d+)/.exec(error.message);
    reason.sampleCount = counts ? Number(counts[1] ?? counts[2]) : sampleCount;
    reason.minimum = MIN_BASELINE_SAMPLES;
  }
  return reason;
}

export type ProgressReporter = (percent: number) => Promise<unknown> | unknown;

/**
 * Recomputes one indicator-system version's whole panel as a new run (see `CouplingRunWriter`):
 * evaluated on the version's basis, written whole and made current in one transaction.
 *
 * - One version at a time: a session advisory lock per version (released if the worker dies).
 * - A crash leaves the current run as it was; the failed run is on record, the retry makes a
 *   new one.
 * - Idempotent: when the panel (inputs hash) and the basis are those of the current run, no run
 *   is made.
 * - A run that cannot compute (no samples, too few) is recorded as SKIPPED with its reason; the
 *   officials' API shows that reason instead of an empty answer.
 */
@Injectable()
export class CouplingRecomputeService {
  private readonly logger = new Logger(CouplingRecomputeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: IndicatorSystemService,
    private readonly platform: PlatformIndicatorRegistry,
    private readonly runs: CouplingRunWriter,
  ) {}

  /**
   * `changedPeriods` (period keys of any granularity: where the change fell) restricts the run
   * to the live snapshots of the version's periods they cover, when that gives the same numbers
   * as a whole run (see `recomputePeriods`); otherwise, or when omitted, the whole panel is
   * recomputed.
   */
  async recompute(
    versionId: string,
    progress: ProgressReporter = () => undefined,
    trigger = 'direct call',
    changedPeriods?: readonly string[],
  ): Promise<RecomputeSummary> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [
        COUPLING_LOCK_NAMESPACE,
        versionId,
      ]);
      try {
        if (changedPeriods?.length) {
          const partial = await this.recomputePeriods(runner, versionId, changedPeriods, trigger);
          if (partial) return partial;
        }
        return await this.recomputeLocked(runner, versionId, progress, trigger);
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
    trigger: string,
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
    // Before any read: every write committed by now is in the panel read below.
    const [{ snapshot: inputsSnapshot }] = await runner.query(
      'SELECT pg_current_snapshot()::text AS snapshot',
    );
    const panel = await this.loadPanel(runner, version);
    await progress(10);
    const inputsHash = hashOf({ samples: panel.samples, excluded: panel.excluded });
    const counts = { sampleCount: panel.samples.length, excludedCount: panel.excluded.length };

    if (panel.samples.length === 0) {
      const run = await this.runs.start(runner.manager, version.id, trigger);
      await this.runs.skipped(runner.manager, run, NO_SAMPLES, 0);
      return this.summary(version, { ...counts, runId: run.id, skipped: NO_SAMPLES.message });
    }
    let contents: SnapshotContent[];
    let basisHash: string;
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
      basisHash = onBasis.basis.hash;
      contents = assembleSnapshots(
        onBasis.model,
        panel.samples,
        onBasis.evaluation,
        summarizePanel(panel.samples, panel.excluded),
        onBasis.basis,
      );
    } catch (error) {
      if (!(error instanceof CouplingError)) throw error;
      // Bad data, not a transient failure: retrying would not help. The current run stays.
      this.logger.warn(`version ${version.version}: ${error.code}: ${error.message}`);
      const run = await this.runs.start(runner.manager, version.id, trigger);
      await this.runs.skipped(
        runner.manager,
        run,
        skipReasonOf(error, panel.samples.length),
        panel.samples.length,
      );
      return this.summary(version, {
        ...counts,
        runId: run.id,
        skipped: `${error.code}: ${error.message}`,
      });
    }
    await progress(30);

    // Same panel, same basis: the current run already holds these numbers.
    if (version.currentRunId) {
      const current = await runner.manager.findOneBy(CouplingRun, { id: version.currentRunId });
      if (current?.inputsHash === inputsHash && current.basisHash === basisHash) {
        return this.summary(version, {
          ...counts,
          runId: current.id,
          snapshotsUnchanged: contents.length,
        });
      }
    }
    const run = await this.runs.start(runner.manager, version.id, trigger);
    try {
      const { contributions } = await this.runs.complete(runner, run, contents, {
        basisHash,
        inputsHash,
        inputsSnapshot,
        sampleCount: panel.samples.length,
      });
      await progress(100);
      return this.summary(version, {
        ...counts,
        runId: run.id,
        snapshotsWritten: contents.length,
        contributionsWritten: contributions,
      });
    } catch (error) {
      await this.runs.failed(runner.manager, run);
      throw error;
    }
  }

  /**
   * A run that recomputes only the live snapshots of `periods` and copies the rest from the
   * current run. On a stored basis each sample is evaluated on its own (fixed goalposts and
   * weights), so the other periods' numbers cannot move: the result equals a whole run's, at the
   * cost of the changed periods' facts. Returns null when that does not hold and the caller must
   * run the whole panel: no stored basis or no current run yet, or the changed periods gain or
   * lose a sample or an exclusion (the panel summary every snapshot carries would change).
   */
  private async recomputePeriods(
    runner: QueryRunner,
    versionId: string,
    changedPeriods: readonly string[],
    trigger: string,
  ): Promise<RecomputeSummary | null> {
    const version = await runner.manager.findOneBy(IndicatorSystemVersion, { id: versionId });
    if (!version?.basis || !version.currentRunId) return null;
    const covered = changedPeriods.map((key) => periodsCovering(key, version.periodGranularity));
    if (covered.some((keys) => !keys)) return null;
    const periods = [...new Set(covered.flat() as string[])].sort();
    const current = await runner.manager.findOneBy(CouplingRun, { id: version.currentRunId });
    if (current?.status !== CouplingRunStatus.COMPLETED) return null;
    const [{ snapshot: inputsSnapshot }] = await runner.query(
      'SELECT pg_current_snapshot()::text AS snapshot',
    );
    const panel = await this.loadPanel(runner, version, periods);
    const previous: { key: string; content_hash: string; panel: PanelSummary }[] =
      await runner.query(
        `SELECT city_id::text || '/' || period AS key, content_hash, panel FROM coupling_snapshot
          WHERE run_id = $1 AND period = ANY($2::text[])`,
        [current.id, [...periods]],
      );
    const keys = panel.samples.map((sample) => `${sample.cityId}/${sample.period.key}`);
    const sameSamples =
      panel.excluded.length === 0 &&
      previous.length === keys.length &&
      keys.every((key) => previous.some((row) => row.key === key));
    if (!sameSamples || !previous.length) return null;
    let onBasis: BasisEvaluation;
    let contents: SnapshotContent[];
    try {
      onBasis = evaluateOnBasis(this.systems.modelOf(version), panel.samples, version.basis);
      contents = assembleSnapshots(
        onBasis.model,
        panel.samples,
        onBasis.evaluation,
        previous[0].panel,
        onBasis.basis,
      );
    } catch (error) {
      // The whole run records why the engine refused (a SKIPPED run with its reason).
      if (error instanceof CouplingError) return null;
      throw error;
    }
    const hashOfKey = new Map(previous.map((row) => [row.key, row.content_hash]));
    const changed = contents.filter(
      (c) => hashOfKey.get(`${c.cityId}/${c.period}`) !== c.contentHash,
    );
    const counts = { sampleCount: current.sampleCount, excludedCount: 0 };
    if (!changed.length) {
      return this.summary(version, {
        ...counts,
        runId: current.id,
        snapshotsUnchanged: current.snapshotCount,
      });
    }
    const run = await this.runs.start(runner.manager, version.id, trigger);
    try {
      const written = await this.runs.completePeriods(runner, run, changed, current.id, {
        basisHash: onBasis.basis.hash,
        // The panel is the current one with these samples replaced.
        inputsHash: hashOf({ previous: current.inputsHash, changed: panel.samples }),
        inputsSnapshot,
        sampleCount: current.sampleCount,
      });
      return this.summary(version, {
        ...counts,
        runId: run.id,
        snapshotsWritten: changed.length,
        snapshotsUnchanged: written.snapshots - changed.length,
        contributionsWritten: written.contributions,
      });
    } catch (error) {
      await this.runs.failed(runner.manager, run);
      throw error;
    }
  }

  /** Official statistics and platform aggregates of the version's scope, as a panel. */
  private async loadPanel(
    runner: QueryRunner,
    version: IndicatorSystemVersion,
    periods: readonly string[] | null = null,
  ): Promise<Panel> {
    const officialKeys = version.indicators
      .filter((i) => i.source === IndicatorSource.OFFICIAL_STATISTIC)
      .map((i) => i.key);
    const platformKeys = version.indicators
      .filter((i) => i.source === IndicatorSource.PLATFORM)
      .map((i) => i.key);
    const rows: {
      city_id: string;
      period: string;
      indicator: string;
      value: number;
      import_id: string;
    }[] = officialKeys.length
      ? await runner.query(
          `SELECT city_id, period, indicator, value, import_id FROM official_statistic
            WHERE granularity = $1 AND indicator = ANY($2::text[])
              AND ($3::uuid IS NULL OR city_id = $3::uuid)
              AND ($4::text[] IS NULL OR period = ANY($4::text[]))
            ORDER BY city_id, period, indicator`,
          [version.periodGranularity, officialKeys, version.cityId, periods],
        )
      : [];
    const statistics: StatisticValue[] = rows.map((row) => ({
      cityId: row.city_id,
      period: row.period,
      indicator: row.indicator,
      value: row.value,
      importId: row.import_id,
    }));
    const platform = await this.platform.collect(
      {
        granularity: version.periodGranularity,
        cityIds: version.cityId ? [version.cityId] : null,
        utcOffsetMinutes: DEFAULT_UTC_OFFSET_MINUTES,
        periods,
      },
      platformKeys,
    );
    return buildPanel({
      indicators: version.indicators,
      statistics,
      platformValues: platform.values,
      platformSourceOf: platform.sourceOf,
    });
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
