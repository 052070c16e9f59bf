import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName } from '@cc/queue';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { PlatformIndicatorRegistry } from '../platform-indicators/platform-indicator.registry';
import { CouplingRecomputeService, RecomputeSummary } from './coupling-recompute.service';

export interface RebuildCouplingJobData {
  /** `nightly`, or who asked. */
  reason: string;
  /** Unique per manual request; scheduler runs get their ids from BullMQ. */
  requestId: string;
}

export interface RebuildSummary {
  /** Sources whose per-period facts were recomputed from their rows first. */
  factsRebuilt: string[];
  versions: RecomputeSummary[];
}

/**
 * The full rebuild: recomputes every source's per-period facts from the domains' rows (a safety
 * net: facts are written with each change), then every indicator-system version's panel, superseded versions
 * included (event-driven recomputes refresh only the versions in force), one after the other.
 * Runs nightly (`CouplingScheduleRegistrar`) and on demand. Idempotent like each recompute.
 */
@JobProcessor(QueueName.COUPLING)
export class RebuildCouplingJob implements JobHandler<RebuildCouplingJobData, RebuildSummary> {
  static jobId(data: RebuildCouplingJobData): string {
    return `coupling-rebuild.${data.requestId}`;
  }

  /** Manual requests share one: at most one waiting and one running rebuild. */
  static deduplicationId(): string {
    return 'coupling-rebuild';
  }

  constructor(
    private readonly systems: IndicatorSystemService,
    private readonly recompute: CouplingRecomputeService,
    private readonly platform: PlatformIndicatorRegistry,
  ) {}

  async handle(job: Job<RebuildCouplingJobData, RebuildSummary>): Promise<RebuildSummary> {
    const factsRebuilt = await this.platform.rebuildFacts();
    const versionIds = await this.systems.allVersionIds();
    const versions: RecomputeSummary[] = [];
    for (const [i, versionId] of versionIds.entries()) {
      versions.push(
        await this.recompute.recompute(
          versionId,
          (percent) => job.updateProgress(Math.round((100 * i + percent) / versionIds.length)),
          `rebuild: ${job.data.reason}`,
        ),
      );
    }
    await job.updateProgress(100);
    return { factsRebuilt, versions };
  }
}
