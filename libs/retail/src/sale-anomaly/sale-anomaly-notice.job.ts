import { Job } from 'bullmq';
import { IdentityAudience } from '@cc/identity';
import { NotificationKind, NotificationService } from '@cc/notification';
import { JobHandler, JobProcessor, OutboxEntry, QueueName } from '@cc/queue';

export enum SaleAnomalyAudience {
  /** Every official of the city: a sale there was held for their review. */
  CITY_OFFICIALS = 'CITY_OFFICIALS',
  /** Every member of the selling organization: an official decided on its held sale. */
  ORGANIZATION = 'ORGANIZATION',
}

export interface SaleAnomalyNoticeJobData {
  audience: SaleAnomalyAudience;
  /** What the notice is about (an anomaly, or an import that held rows): names the job. */
  ref: string;
  cityId: string;
  organizationId: string;
  title: string;
  body: string;
  payload: Record<string, string>;
}

/**
 * Tells officials that a sale was held, and the retailer that it was reviewed. Written to the
 * outbox in the transaction that holds or reviews the sale, so nobody hears of a change that
 * rolled back and no notice is lost while Redis is down. Recipients are read when it runs.
 */
@JobProcessor(QueueName.DOMAIN_EVENTS)
export class SaleAnomalyNoticeJob implements JobHandler<SaleAnomalyNoticeJobData, number> {
  static jobId(data: SaleAnomalyNoticeJobData): string {
    return `sale-anomaly-notice.${data.audience}.${data.ref}`;
  }

  constructor(
    private readonly audience: IdentityAudience,
    private readonly notifications: NotificationService,
  ) {}

  async handle(job: Job<SaleAnomalyNoticeJobData, number>): Promise<number> {
    const { audience, cityId, organizationId, title, body, payload } = job.data;
    const recipients =
      audience === SaleAnomalyAudience.CITY_OFFICIALS
        ? await this.audience.officialsOfCity(cityId)
        : await this.audience.membersOfOrganization(organizationId);
    const sent = await this.notifications.notify(recipients, {
      kind: NotificationKind.GENERAL,
      title,
      body,
      payload,
    });
    return sent.length;
  }
}

export function saleAnomalyNotice(
  data: SaleAnomalyNoticeJobData,
): OutboxEntry<SaleAnomalyNoticeJobData> {
  return { job: SaleAnomalyNoticeJob, data };
}
