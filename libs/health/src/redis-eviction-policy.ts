import Redis from 'ioredis';

/**
 * BullMQ needs `maxmemory-policy noeviction`: any other policy lets Redis drop queue keys under
 * memory pressure (jobs, locks, schedulers vanish silently). Returns the problem in one line, or
 * null when the policy is right. Managed Redis often disables CONFIG; INFO carries it too.
 */
export async function evictionPolicyProblem(redis: Redis): Promise<string | null> {
  const info = await redis.info('memory');
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
  if (!policy || policy === 'noeviction') return null;
  return `Redis maxmemory-policy is ${policy}: under memory pressure Redis may evict queue keys and jobs are lost. Set maxmemory-policy noeviction`;
}
