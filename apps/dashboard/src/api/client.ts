import type { Connection } from './queries';

export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Speaks GraphQL over HTTP to the api that serves the dashboard, with the session's token. */
export class GraphqlClient {
  /**
   * `renew` is asked for a fresh access token when the api refuses the current one; without one
   * (or when it gives none) the error goes to the caller.
   */
  constructor(
    private readonly endpoint: string,
    private token?: string,
    private readonly renew?: () => Promise<string | undefined>,
  ) {}

  setToken(token: string | undefined): void {
    this.token = token;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.send<T>(query, variables);
    } catch (error) {
      const refused = error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED';
      if (!refused || !this.token || !this.renew) throw error;
      const token = await this.renew();
      if (!token) throw error;
      this.token = token;
      return this.send<T>(query, variables);
    }
  }

  private async send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as GraphqlResponse<T>;
    const error = body.errors?.[0];
    if (error) {
      throw new GraphqlRequestError(error.message, error.extensions?.code);
    }
    if (!response.ok || !body.data) {
      throw new GraphqlRequestError(`the api answered ${response.status}`, undefined);
    }
    return body.data;
  }

  /** Follows a Relay connection to its end. */
  async all<T, R>(
    query: string,
    variables: Record<string, unknown>,
    connectionOf: (result: R) => Connection<T>,
  ): Promise<T[]> {
    const nodes: T[] = [];
    let after: string | null = null;
    for (;;) {
      const page = connectionOf(await this.request<R>(query, { ...variables, after }));
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return nodes;
      after = page.pageInfo.endCursor;
    }
  }
}
