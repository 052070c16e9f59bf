import { Client } from 'pg';
import { quartersEndingAt } from '../../seed/src/calendar';
import {
  DemoQueryInputs,
  myImpactQuery,
  snapshotSeriesQuery,
  topContributionsQuery,
} from '../../seed/src/demo-queries';
import { DEMO_LOGINS } from '../../seed/src/generators/people.generator';
import { DEMO_PASSWORD, seedDatabase } from '../../seed/src/seed';

export const DEMO_SEED = 'shenyang';

/** Seeds the scale-1 demo city when the database has no city yet. Returns whether it did. */
export async function seedDemoCityIfEmpty(
  databaseUrl: string,
  say: (line: string) => void,
): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM city');
    if (Number(rows[0].count) > 0) return false;
  } finally {
    await client.end();
  }
  const result = await seedDatabase(databaseUrl, { scale: 1, seed: DEMO_SEED, now: new Date() });
  say(
    `loaded the demo city: ${result.totalRows} rows in ${(result.elapsedMs / 1000).toFixed(1)} s`,
  );
  return true;
}

/** Shenyang's id and the 8 quarters of the demo history, when the demo city is there. */
export async function demoQueryInputs(databaseUrl: string): Promise<DemoQueryInputs | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; demo: boolean }>(
      `SELECT c.id, EXISTS (SELECT 1 FROM user_account WHERE email = $1) AS demo
         FROM city c WHERE c.code = 'shenyang'`,
      [DEMO_LOGINS.official],
    );
    if (!rows[0]?.demo) return null;
    const quarters = quartersEndingAt(new Date(), 8);
    return { cityId: rows[0].id, firstPeriod: quarters[0].key, lastPeriod: quarters[7].key };
  } finally {
    await client.end();
  }
}

async function graphql<T>(url: string, query: string, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.map((e) => e.message).join('; '));
  return body.data;
}

async function login(url: string, email: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    url,
    `mutation { login(email: "${email}", password: "${DEMO_PASSWORD}") { accessToken } }`,
  );
  return data.login.accessToken;
}

/**
 * Waits, through the public GraphQL API, until the worker has computed Shenyang's 8 quarters and
 * the last quarter's project contributions; asks for one full rebuild first if they are missing.
 */
export async function waitForCouplingResults(
  graphqlUrl: string,
  inputs: DemoQueryInputs,
  say: (line: string) => void,
  timeoutMs = 300_000,
): Promise<void> {
  const official = await login(graphqlUrl, DEMO_LOGINS.official);
  const ready = async () => {
    const series = await graphql<{ couplingSnapshots: { edges: unknown[] } }>(
      graphqlUrl,
      snapshotSeriesQuery(inputs),
      official,
    );
    if (series.couplingSnapshots.edges.length < 8) return false;
    const top = await graphql<{ projectContributions: { totalCount: number } }>(
      graphqlUrl,
      topContributionsQuery(inputs),
      official,
    );
    return top.projectContributions.totalCount > 0;
  };
  if (await ready()) return;
  const admin = await login(graphqlUrl, DEMO_LOGINS.admin);
  await graphql(graphqlUrl, 'mutation { requestCouplingRebuild }', admin);
  say('the worker is computing coupling snapshots and project contributions…');
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline)
      throw new Error(`coupling results were not ready within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The part of the banner that shows the demo city: logins per role and three queries to paste. */
export function demoCityBanner(inputs: DemoQueryInputs): string {
  const logins = Object.entries(DEMO_LOGINS)
    .map(([role, email]) => `    ${role.padEnd(13)} ${email}`)
    .join('\n');
  return `  Demo logins (password for all: ${DEMO_PASSWORD}):
${logins}

  Log in with  mutation { login(email: "...", password: "${DEMO_PASSWORD}") { accessToken } }
  and send the token as the header  Authorization: Bearer <accessToken>

  1. As the official: Shenyang's coupling C, T, D and level, ${inputs.firstPeriod}–${inputs.lastPeriod}
    ${snapshotSeriesQuery(inputs)}

  2. As the official: the projects that moved D most in ${inputs.lastPeriod}
    ${topContributionsQuery(inputs)}

  3. As the talent: what your projects added to the city's coupling
    ${myImpactQuery()}
`;
}
