import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from '@cc/queue';

/**
 * A queue of this test file's key space (QUEUE_PREFIX, see test-app.ts) on a connection of its
 * own, for reading jobs' states and reasons as the queue board would; `closeObserver` ends both.
 */
export function observeQueue(name: QueueName): Queue {
  return new Queue(name, {
    connection: new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null }),
    prefix: process.env.QUEUE_PREFIX,
  });
}

export async function closeObserver(queue: Queue): Promise<void> {
  await queue.close();
  await (queue.opts.connection as Redis).quit();
}
