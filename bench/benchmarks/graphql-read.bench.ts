import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { compareGraphqlReads } from '../support/graphql-pair';
import { serveApi, serveBaseline } from '../support/processes';
import { seedProjects } from '../fixtures/projects.fixture';

const QUERY = `{ projects(first: 20) { totalCount edges { node {
  id title state createdAt owner { id displayName } culturalResources { id name } bidCount
} } } }`;

/** `projects(first: 20)` through the production API against the same JSON from bare SQL. */
export const graphqlRead: Benchmark = {
  name: 'graphql-read',
  async run({ services, appEnv, scale, pairs, durationSeconds, log }) {
    const projects = 1000 * scale;
    log(`seeding ${projects} projects`);
    await withClient(services.databaseUrl, (client) => seedProjects(client, projects));

    const api = await serveApi(appEnv);
    const bare = await serveBaseline('bare-projects.server.ts', {
      DATABASE_URL: services.databaseUrl,
    });
    try {
      const result = await compareGraphqlReads({
        api,
        bare,
        query: QUERY,
        connections: 50,
        durationSeconds,
        pairs,
      });
      return {
        name: 'graphql-read',
        project:
          'projects(first: 20) with owner, cultural resources, bid count and totalCount, API in production mode, 50 connections',
        baseline: 'the same JSON from Fastify + one hand-written SQL statement',
        unit: 'req/s',
        target: { min: 0.6 },
        scale: `${projects} projects`,
        result,
      };
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
    }
  },
};
