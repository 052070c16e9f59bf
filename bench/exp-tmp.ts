import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { benchServices, withClient } from './support/bench-database';
import { httpLoad } from './support/http-load';
import { serve, ROOT, cpuSeconds } from './support/processes';
import { seedProjects } from './fixtures/projects.fixture';
import { seedPlacements } from './fixtures/placements.fixture';

async function main() {
  const log = (l: string) => process.stderr.write(l + '\n');
  const services = await benchServices(log);
  const secret = randomBytes(32).toString('hex');
  const env = {
    DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, QUEUE_PREFIX: services.queuePrefix,
    JWT_SECRET: secret, RATE_LIMITS: 'ip=100000000/60,account=100000000/60,recordSale=100000000/60',
    NODE_ENV: 'production', LOG_LEVEL: 'warn',
  };
  await withClient(services.databaseUrl, (c) => seedProjects(c, 1000));
  const start = (args: string) => serve('sh', ['-c', `exec ${process.execPath} ${args} ${join(ROOT, 'dist/apps/api/src/main.js')} > /dev/null`], env, '/health/ready');
  const apis = [await start(process.env.EXP_A ?? ''), await start(process.env.EXP_B ?? '')];
  const api = apis[0];
  const r = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({
    query: 'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }',
    variables: { input: { email: 'r@bench.local', password: 'bench-retailer-password-1', displayName: 'R', roles: ['RETAILER'] } } }) });
  const { data } = (await r.json()) as any;
  const org = await withClient(services.databaseUrl, (c) => seedPlacements(c, data.signUp.user.id));
  const queries: Record<string, string> = {
    nested: JSON.stringify({ query: `query($organizationId: ID!) { placements(filter: { organizationId: $organizationId }, first: 100) { edges { node { id state viewerActions product { id sku name brand } outlet { id name type } } } } }`, variables: { organizationId: org } }),
    read: JSON.stringify({ query: `{ projects(first: 20) { totalCount edges { node { id title state createdAt owner { id displayName } culturalResources { id name } bidCount } } } }` }),
  };
  const body = queries[process.env.EXP_QUERY ?? 'nested'];
  for (let i = 0; i < Number(process.env.EXP_ROUNDS ?? 3); i++) {
    for (const [name, which] of [['A', apis[0]], ['B', apis[1]]] as const) {
      const before = cpuSeconds(which.process.pid!);
      const s = await httpLoad({ url: `${which.url}/graphql`, connections: 50, durationSeconds: Number(process.env.EXP_SECONDS ?? 5), body, headers: { authorization: `Bearer ${data.signUp.accessToken}` } });
      const cpu = cpuSeconds(which.process.pid!) - before;
      log(`round ${i} ${name}: ${s.value.toFixed(1)} req/s p99 ${s.details?.p99Ms} cpu/req ${((1000 * cpu) / s.details!.requests).toFixed(1)} ms`);
    }
  }
  await apis[1].stop();
  await api.stop();
  await services.close();
}
void main();
