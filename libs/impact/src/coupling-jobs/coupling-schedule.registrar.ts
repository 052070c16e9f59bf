import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QueueName, QueueService, QueueWorkerHost } from '@cc/queue';
import { RebuildCouplingJob } from './rebuild-coupling.job';

export const NIGHTLY_REBUILD_SCHEDULER_ID = 'coupling-nightly-rebuild';
/** 03:30 every night, Shenyang time. */
export const NIGHTLY_REBUILD_PATTERN = '30 3 * * *';
export const NIGHTLY_REBUILD_TIME_ZONE = 'Asia/Shanghai';

/**
 * Registers the nightly full rebuild with BullMQ's job scheduler when a worker boots, and again
 * after every reconnect to Redis (see `QueueService.upsertSchedule`). Idempotent, so every
 * worker may do it. The API process (no QueueWorkerHost) does not.
 */
@Injectable()
export class CouplingScheduleRegistrar implements OnApplicationBootstrap {
  private readonly logger = new Logger(CouplingScheduleRegistrar.name);

  constructor(
    private readonly queue: QueueService,
    @Optional() private readonly workerHost?: QueueWorkerHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.workerHost) return;
    const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULT_JOB_OPTIONS;
    await this.queue.upsertSchedule(
      QueueName.COUPLING,
      NIGHTLY_REBUILD_SCHEDULER_ID,
      { pattern: NIGHTLY_REBUILD_PATTERN, tz: NIGHTLY_REBUILD_TIME_ZONE },
      {
        name: RebuildCouplingJob.name,
        data: { reason: 'nightly', requestId: 'nightly' },
        opts: { attempts, backoff, removeOnComplete, removeOnFail },
      },
    );
    this.logger.log(
      `nightly coupling rebuild scheduled (${NIGHTLY_REBUILD_PATTERN} ${NIGHTLY_REBUILD_TIME_ZONE})`,
    );
  }
}
