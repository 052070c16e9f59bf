import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName } from '@cc/queue';
import { SalesImportProcessor } from './sales-import.processor';

export interface ProcessSalesImportJobData {
  importId: string;
}

/** Reads an uploaded sales CSV into `sale`, in the worker (see `SalesImportProcessor`). */
@JobProcessor(QueueName.IMPORTS)
export class ProcessSalesImportJob implements JobHandler<ProcessSalesImportJobData> {
  static jobId(data: ProcessSalesImportJobData): string {
    return `sales-import.${data.importId}`;
  }

  constructor(private readonly processor: SalesImportProcessor) {}

  async handle(job: Job<ProcessSalesImportJobData>): Promise<void> {
    try {
      await this.processor.process(job.data.importId);
    } catch (error) {
      // After the last attempt the import says so, instead of staying PROCESSING for ever.
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await this.processor.giveUp(
          job.data.importId,
          'the import could not be completed; rows imported so far are kept. Upload the file again to finish it',
        );
      }
      throw error;
    }
  }
}
