import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName } from '@cc/queue';
import { SalesImportProcessor } from './sales-import.processor';

export interface ProcessSalesImportJobData {
  importId: string;
}

/**
 * Attempts of an import job, with exponential backoff from 1 s: retries come after 1, 2, 4, 8
 * and 16 s, so an import rides out a database or network outage of up to about 30 s.
 */
export const SALES_IMPORT_ATTEMPTS = 6;

/** Reads an uploaded sales CSV into `sale`, in the worker (see `SalesImportProcessor`). */
@JobProcessor(QueueName.IMPORTS)
export class ProcessSalesImportJob implements JobHandler<ProcessSalesImportJobData> {
  static jobId(data: ProcessSalesImportJobData): string {
    return `sales-import.${data.importId}`;
  }

  constructor(private readonly processor: SalesImportProcessor) {}

  async handle(job: Job<ProcessSalesImportJobData>): Promise<void> {
    await this.processor.process(job.data.importId);
  }

  /**
   * The job failed for good (attempts spent, or its worker stalled too often): the import says
   * FAILED with the reason, instead of QUEUED or PROCESSING for ever. The uploader can retry it.
   */
  async onFinalFailure(job: Job<ProcessSalesImportJobData>, reason: string): Promise<void> {
    const why = /stalled/i.test(reason)
      ? 'the worker processing it stopped responding'
      : `it failed ${job.attemptsMade} times (last error: ${reason})`;
    await this.processor.giveUp(
      job.data.importId,
      `the import could not be completed: ${why}. Rows imported so far are kept; retry it with retrySalesImport`,
    );
  }
}
