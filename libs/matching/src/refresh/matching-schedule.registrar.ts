import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, QueueName, QueueService, QueueWorkerHost } from '@cc/queue';
import { RebuildMatchesJob, requestMatchingRebuild } from './rebuild-matches.job';

export const MATCHING_NIGHTLY_SCHEDULER_ID = 'matching-nightly-rebuild';
/** 04:00 every night, Shenyang time (after the coupling rebuild). */
export const MATCHING_NIGHTLY_PATTERN = '0 4 * * *';

/**
 * When a worker boots: registers the nightly full rebuild (idempotent, so every worker may), and
 * requests a rebuild at once if matching has never run on this database (a demo city loaded in
 * SQL, or matching newly deployed), so matches exist without waiting for events.
 */
@Injectable()
export class MatchingScheduleRegistrar implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingScheduleRegistrar.name);

  constructor(
    private readonly queue: QueueService,
    private readonly db: DataSource,
    @Optional() private readonly workerHost?: QueueWorkerHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.workerHost) return;
    const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
    await this.queue.queue(QueueName.MATCHING).upsertJobScheduler(
      MATCHING_NIGHTLY_SCHEDULER_ID,
      { pattern: MATCHING_NIGHTLY_PATTERN, tz: 'Asia/Shanghai' },
      {
        name: RebuildMatchesJob.name,
        data: { reason: 'nightly', requestId: 'nightly' },
        opts: { attempts, backoff, removeOnComplete, removeOnFail },
      },
    );
    const [{ empty }] = await this.db.query<{ empty: boolean }[]>(
      `SELECT NOT EXISTS (SELECT 1 FROM match_project) AND NOT EXISTS (SELECT 1 FROM match_manufacturer)
          AND NOT EXISTS (SELECT 1 FROM match_outlet) AND NOT EXISTS (SELECT 1 FROM match_product) AS empty`,
    );
    if (empty) {
      await requestMatchingRebuild(this.queue, 'first start');
      this.logger.log('matching has no data yet: full rebuild requested');
    }
  }
}
