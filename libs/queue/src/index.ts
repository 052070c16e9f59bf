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
  projectEventJobId,
  publishProjectEvent,
} from './project-event';
