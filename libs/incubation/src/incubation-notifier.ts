import { Injectable, Logger } from '@nestjs/common';
import { NotificationKind, NotificationService } from '@cc/notification';

export interface IncubationMessage {
  title: string;
  body: string;
  payload: Record<string, string>;
}

/**
 * Tells applicants about decisions and overdue reports, after the change committed. A failure
 * is logged, not thrown: the decision stands, notifications are a courtesy on top of it.
 */
@Injectable()
export class IncubationNotifier {
  private readonly logger = new Logger(IncubationNotifier.name);

  constructor(private readonly notifications: NotificationService) {}

  async send(recipients: readonly string[], message: IncubationMessage): Promise<void> {
    try {
      await this.notifications.notify([...new Set(recipients)], {
        kind: NotificationKind.GENERAL,
        ...message,
      });
    } catch (error) {
      this.logger.error({ err: error, title: message.title }, 'could not notify');
    }
  }
}
