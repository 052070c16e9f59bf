export { JobClass, JobHandler, JobProcessor } from './job-processor.decorator';
export { CpuSlices } from './cpu-slices';
export { DEFAULT_JOB_OPTIONS, QueueName } from './queue.constants';
export { QueueModule } from './queue.module';
export { QueueService } from './queue.service';
export { QueueWorkerHost } from './queue-worker.host';
export {
  PROJECT_EVENT_JOB,
  ProjectEventData,
  ProjectEventKind,
  PROJECT_EVENT,
  projectEvent,
  projectEventJobId,
} from './project-event';
export { OutboxEntry, OutboxJob, OutboxJobOptions, OutboxWriter } from './outbox/outbox.writer';
export { OUTBOX_BATCH_SIZE, OutboxBacklog, OutboxRelay } from './outbox/outbox.relay';
