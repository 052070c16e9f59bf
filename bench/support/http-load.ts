import autocannon from 'autocannon';
import { Sample } from './interleaved';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections (a paced load); unset, as fast as answered. */
  overallRate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fixed body, or one per request (e.g. unique sale ids). */
  body?: string | (() => string);
}

export class LoadFailedError extends Error {}

/**
 * Drives an HTTP endpoint with autocannon and returns requests/s. Non-2xx answers, socket
 * errors and timeouts, and GraphQL `errors` in a 200 answer are all failures: a benchmark that
 * counted a refused request as served would measure nothing. Any failure fails the run.
 */
export async function httpLoad(options: LoadOptions): Promise<Sample> {
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const body = options.body;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(options.overallRate && { overallRate: options.overallRate }),
    requests: [
      {
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(typeof body === 'function'
          ? { setupRequest: (request) => ({ ...request, body: body() }) }
          : { body }),
        onResponse: (status, responseBody) => {
          if (status === 200 && responseBody.includes('"errors"')) {
            graphqlErrors += 1;
            firstError ??= responseBody.slice(0, 300);
          }
        },
      },
    ],
  });
  const failures = result.non2xx + result.errors + result.timeouts + graphqlErrors;
  if (failures > 0) {
    throw new LoadFailedError(
      `${options.url}: ${failures} failed requests (non-2xx ${result.non2xx}, errors ${result.errors}, ` +
        `timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors})${firstError ? `: ${firstError}` : ''}`,
    );
  }
  return {
    value: result.requests.average,
    details: {
      requests: result.requests.total,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
    },
  };
}
