import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { httpLoad } from '../support/http-load';
import { interleaved } from '../support/interleaved';
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
      const body = JSON.stringify({ query: QUERY });
      const load = (url: string) =>
        httpLoad({ url: `${url}/graphql`, connections: 50, durationSeconds, body });
      // Same answer from both, or the comparison means nothing.
      const [fromApi, fromBare] = await Promise.all(
        [api.url, bare.url].map((url) =>
          fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }).then((response) => response.json()),
        ),
      );
      if (JSON.stringify(fromApi) !== JSON.stringify(fromBare))
        throw new Error('the API and the baseline disagree: the comparison would be void');
      await load(api.url);
      await load(bare.url); // warm both before measuring
      const result = await interleaved(
        pairs,
        () => load(api.url),
        () => load(bare.url),
      );
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
