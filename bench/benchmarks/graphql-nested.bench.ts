import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { compareGraphqlReads } from '../support/graphql-pair';
import { serveApi, serveBaseline } from '../support/processes';
import { seedPlacements } from '../fixtures/placements.fixture';
import { seedProjects } from '../fixtures/projects.fixture';

const QUERY = `query($organizationId: ID!) {
  placements(filter: { organizationId: $organizationId }, first: 100) { edges { node {
    id state viewerActions product { id sku name brand } outlet { id name type }
  } } }
}`;

/** A retailer signs up through the API (a real session and token); the rest is seeded in SQL. */
async function signUpRetailer(apiUrl: string): Promise<{ userId: string; token: string }> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
      variables: {
        input: {
          email: 'retailer@bench.local',
          password: 'bench-retailer-password-1',
          displayName: 'Bench Retailer',
          roles: ['RETAILER'],
        },
      },
    }),
  });
  const { data, errors } = (await response.json()) as {
    data?: { signUp: { accessToken: string; user: { id: string } } };
    errors?: unknown;
  };
  if (!data) throw new Error(`signUp failed: ${JSON.stringify(errors)}`);
  return { userId: data.signUp.user.id, token: data.signUp.accessToken };
}

/**
 * `placements(first: 100)` with product, outlet and `viewerActions` as their retailer, through
 * the production API against the same JSON from one bare SQL statement.
 */
export const graphqlNested: Benchmark = {
  name: 'graphql-nested',
  async run({ services, appEnv, scale, pairs, durationSeconds, log }) {
    const placements = 1000 * scale;
    log(`seeding ${placements} projects with a product and a placement each`);
    await withClient(services.databaseUrl, (client) => seedProjects(client, placements));

    const api = await serveApi(appEnv);
    const bare = await serveBaseline('bare-projects.server.ts', {
      DATABASE_URL: services.databaseUrl,
      JWT_SECRET: appEnv.JWT_SECRET,
    });
    try {
      const viewer = await signUpRetailer(api.url);
      const organizationId = await withClient(services.databaseUrl, (client) =>
        seedPlacements(client, viewer.userId),
      );
      const result = await compareGraphqlReads({
        api,
        bare,
        query: QUERY,
        variables: { organizationId },
        headers: { authorization: `Bearer ${viewer.token}` },
        connections: 50,
        durationSeconds,
        pairs,
      });
      return {
        name: 'graphql-nested',
        project:
          "placements(first: 100) with product, outlet and viewerActions, as the outlets' retailer, API in production mode, 50 connections",
        baseline: 'the same JSON from Fastify + JWT check + one hand-written SQL statement',
        unit: 'req/s',
        target: { min: 0.5 },
        scale: `${placements} placements`,
        result,
      };
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
    }
  },
};
