import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryRunner } from 'typeorm';
import { CouplingSnapshotStatus } from '../graphql-enums';
import { CouplingRun, CouplingRunStatus, RunSkipReason } from './coupling-run.entity';
import { CouplingSnapshot } from './coupling-snapshot.entity';
import { ProjectContribution } from './project-contribution.entity';
import type { SnapshotContent } from './snapshot-assembly';

/** Rows per INSERT statement. */
const BATCH = 200;

export interface RunOutcome {
  basisHash: string;
  inputsHash: string;
  sampleCount: number;
  /** See `CouplingRun.inputsSnapshot`. */
  inputsSnapshot: string;
}

/**
 * Writes panel runs. A run's snapshots and contributions are inserted, the version's pointer
 * is switched to it, and the superseded live rows are pruned, all in one transaction: readers
 * (one statement each, reading the pointer and the rows together) see the old run or the new
 * one, never a mix. PUBLISHED rows are never touched. The caller holds the version's lock.
 */
@Injectable()
export class CouplingRunWriter {
  /** Starts the next run of a version (committed at once, so a failure is on record). */
  async start(manager: EntityManager, versionId: string, trigger: string): Promise<CouplingRun> {
    const [{ next }] = await manager.query(
      'SELECT coalesce(max(sequence), 0) + 1 AS next FROM coupling_run WHERE system_version_id = $1',
      [versionId],
    );
    return manager.save(
      manager.create(CouplingRun, {
        systemVersionId: versionId,
        sequence: Number(next),
        trigger,
        status: CouplingRunStatus.RUNNING,
      }),
    );
  }

  async skipped(
    manager: EntityManager,
    run: CouplingRun,
    reason: RunSkipReason,
    sampleCount: number,
  ): Promise<void> {
    await manager.update(CouplingRun, run.id, {
      status: CouplingRunStatus.SKIPPED,
      skipReason: reason,
      sampleCount,
      finishedAt: new Date(),
    });
  }

  async failed(manager: EntityManager, run: CouplingRun): Promise<void> {
    await manager.update(CouplingRun, run.id, {
      status: CouplingRunStatus.FAILED,
      finishedAt: new Date(),
    });
  }

  /** Writes every snapshot and contribution of the run and makes it current, atomically. */
  async complete(
    runner: QueryRunner,
    run: CouplingRun,
    contents: readonly SnapshotContent[],
    outcome: RunOutcome,
  ): Promise<{ contributions: number }> {
    return this.inTransaction(runner, async (manager) => {
      const contributions = await this.insert(manager, run, contents, new Date());
      await this.switchTo(manager, run, contents.length, outcome);
      return { contributions };
    });
  }

  /**
   * A run that recomputed only some periods: their new contents are written, every other live
   * row of `previousRunId` is copied into the run as it was (in SQL, no recomputation), and the
   * run is made current, atomically. Readers see the same shape as after a full run.
   */
  async completePeriods(
    runner: QueryRunner,
    run: CouplingRun,
    changed: readonly SnapshotContent[],
    previousRunId: string,
    outcome: RunOutcome,
  ): Promise<{ contributions: number; snapshots: number }> {
    return this.inTransaction(runner, async (manager) => {
      const computedAt = new Date();
      const contributions = await this.insert(manager, run, changed, computedAt);
      const copied = await this.copyUnchanged(manager, run, previousRunId, changed, computedAt);
      await this.switchTo(manager, run, changed.length + copied, outcome);
      return { contributions, snapshots: changed.length + copied };
    });
  }

  private async inTransaction<T>(
    runner: QueryRunner,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  private async insert(
    manager: EntityManager,
    run: CouplingRun,
    contents: readonly SnapshotContent[],
    computedAt: Date,
  ): Promise<number> {
    let contributions = 0;
    for (let i = 0; i < contents.length; i += BATCH) {
      const batch = contents.slice(i, i + BATCH);
      const inserted = await manager.insert(
        CouplingSnapshot,
        batch.map(({ contributions: _parts, ...fields }) => ({
          ...fields,
          systemVersionId: run.systemVersionId,
          runId: run.id,
          revision: run.sequence,
          status: CouplingSnapshotStatus.LIVE,
          computedAt,
        })),
      );
      const rows = batch.flatMap((content, j) =>
        content.contributions.map((c) => ({
          ...c,
          snapshotId: inserted.identifiers[j].id as string,
          runId: run.id,
          cityId: content.cityId,
          period: content.period,
          granularity: content.granularity,
          systemVersionId: run.systemVersionId,
        })),
      );
      for (let k = 0; k < rows.length; k += BATCH) {
        await manager.insert(ProjectContribution, rows.slice(k, k + BATCH));
      }
      contributions += rows.length;
    }
    return contributions;
  }

  /** Copies the previous run's live snapshots (and contributions) not in `changed`. */
  private async copyUnchanged(
    manager: EntityManager,
    run: CouplingRun,
    previousRunId: string,
    changed: readonly SnapshotContent[],
    computedAt: Date,
  ): Promise<number> {
    const keep: { id: string }[] = await manager.query(
      `SELECT id FROM coupling_snapshot
        WHERE run_id = $1 AND (city_id::text || '/' || period) <> ALL($2::text[])`,
      [previousRunId, changed.map((c) => `${c.cityId}/${c.period}`)],
    );
    if (!keep.length) return 0;
    const oldIds = keep.map((row) => row.id);
    const newIds = oldIds.map(() => randomUUID());
    const copy = (entity: typeof CouplingSnapshot | typeof ProjectContribution, fixed: string[]) =>
      manager.connection
        .getMetadata(entity)
        .columns.map((column) => column.databaseName)
        .filter((name) => !fixed.includes(name));
    const snapshotColumns = copy(CouplingSnapshot, [
      'id',
      'run_id',
      'revision',
      'computed_at',
      'created_at',
      'status',
      'published_at',
      'published_by_id',
    ]);
    await manager.query(
      `INSERT INTO coupling_snapshot (id, run_id, revision, computed_at, status, ${snapshotColumns.join(', ')})
       SELECT ids.new_id, $3, $4, $5, 'LIVE', ${snapshotColumns.map((c) => `s.${c}`).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[]) AS ids(old_id, new_id)
         JOIN coupling_snapshot s ON s.id = ids.old_id`,
      [oldIds, newIds, run.id, run.sequence, computedAt],
    );
    const contributionColumns = copy(ProjectContribution, ['id', 'snapshot_id', 'run_id']);
    await manager.query(
      `INSERT INTO project_contribution (snapshot_id, run_id, ${contributionColumns.join(', ')})
       SELECT ids.new_id, $3, ${contributionColumns.map((c) => `pc.${c}`).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[]) AS ids(old_id, new_id)
         JOIN project_contribution pc ON pc.snapshot_id = ids.old_id`,
      [oldIds, newIds, run.id],
    );
    return keep.length;
  }

  private async switchTo(
    manager: EntityManager,
    run: CouplingRun,
    snapshotCount: number,
    outcome: RunOutcome,
  ): Promise<void> {
    // The row lock also orders this switch against a concurrent publish of the version.
    const [{ current_run_id: previous }] = await manager.query(
      'SELECT current_run_id FROM indicator_system_version WHERE id = $1 FOR UPDATE',
      [run.systemVersionId],
    );
    await manager.query('UPDATE indicator_system_version SET current_run_id = $2 WHERE id = $1', [
      run.systemVersionId,
      run.id,
    ]);
    await manager.update(CouplingRun, run.id, {
      status: CouplingRunStatus.COMPLETED,
      ...outcome,
      snapshotCount,
      finishedAt: new Date(),
    });
    // Live rows of older runs are history no reader asks for; the previous run's stay one more
    // run, for a reader paging through it. Published rows are kept for ever.
    await manager.query(
      `DELETE FROM coupling_snapshot
        WHERE system_version_id = $1 AND status = 'LIVE' AND run_id <> $2
          AND run_id IS DISTINCT FROM $3::uuid`,
      [run.systemVersionId, run.id, previous],
    );
  }
}
