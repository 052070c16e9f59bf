import { httpLoad } from './http-load';
import { interleaved, PairedResult } from './interleaved';

export interface GraphqlPair {
  apiUrl: string;
  bareUrl: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
  pairs: number;
}

/**
 * One GraphQL read against the API and against its bare baseline: both must give the same JSON
 * (or the comparison means nothing), both are warmed, then loaded in interleaved pairs.
 */
export async function compareGraphqlReads(pair: GraphqlPair): Promise<PairedResult> {
  const body = JSON.stringify({ query: pair.query, variables: pair.variables });
  const headers = { 'content-type': 'application/json', ...pair.headers };
  const [fromApi, fromBare] = await Promise.all(
    [pair.apiUrl, pair.bareUrl].map((url) =>
      fetch(`${url}/graphql`, { method: 'POST', headers, body }).then((response) =>
        response.text(),
      ),
    ),
  );
  if (JSON.stringify(JSON.parse(fromApi)) !== JSON.stringify(JSON.parse(fromBare)))
    throw new Error(
      `the API and the baseline disagree, the comparison would be void: ${fromApi.slice(0, 300)} vs ${fromBare.slice(0, 300)}`,
    );
  const load = (url: string) =>
    httpLoad({
      url: `${url}/graphql`,
      connections: pair.connections,
      durationSeconds: pair.durationSeconds,
      headers: pair.headers,
      body,
    });
  await load(pair.apiUrl);
  await load(pair.bareUrl); // warm both before measuring
  return interleaved(
    pair.pairs,
    () => load(pair.apiUrl),
    () => load(pair.bareUrl),
  );
}
