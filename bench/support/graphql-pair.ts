import { httpLoad } from './http-load';
import { interleaved, PairedResult, Sample } from './interleaved';
import { Served, treeCpuSeconds } from './processes';

export interface GraphqlPair {
  api: Served;
  bare: Served;
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
    [pair.api.url, pair.bare.url].map((url) =>
      fetch(`${url}/graphql`, { method: 'POST', headers, body }).then((response) =>
        response.text(),
      ),
    ),
  );
  if (JSON.stringify(JSON.parse(fromApi)) !== JSON.stringify(JSON.parse(fromBare)))
    throw new Error(
      `the API and the baseline disagree, the comparison would be void: ${fromApi.slice(0, 300)} vs ${fromBare.slice(0, 300)}`,
    );
  // The server's CPU per request says what a req/s ratio on a shared machine cannot: how much
  // work each side does, whatever share of the cores it got.
  const load = async (server: Served): Promise<Sample> => {
    const cpuBefore = treeCpuSeconds(server.process.pid!);
    const sample = await httpLoad({
      url: `${server.url}/graphql`,
      connections: pair.connections,
      durationSeconds: pair.durationSeconds,
      headers: pair.headers,
      body,
    });
    const cpu = treeCpuSeconds(server.process.pid!) - cpuBefore;
    const requests = sample.details?.requests ?? 0;
    const cpuMsPerRequest = requests ? Number(((1000 * cpu) / requests).toFixed(2)) : 0;
    return { ...sample, details: { ...sample.details, cpuMsPerRequest } };
  };
  await load(pair.api);
  await load(pair.bare); // warm both before measuring
  return interleaved(
    pair.pairs,
    () => load(pair.api),
    () => load(pair.bare),
  );
}
