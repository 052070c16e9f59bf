import { seedCity, SeededCity } from '../support/catalog.factory';
import { startTestApp, TestApp } from '../support/test-app';

const RESOURCES = `query($cityId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  culturalResources(filter: { cityId: $cityId }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { name district { name } city { code } } }
  }
}`;

interface ResourcePage {
  culturalResources: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
    edges: {
      cursor: string;
      node: { name: string; district: { name: string }; city: { code: string } };
    }[];
  };
}

const names = (page: ResourcePage) => page.culturalResources.edges.map((edge) => edge.node.name);

describe('GraphQL conventions', () => {
  let app: TestApp;
  let city: SeededCity;

  beforeAll(async () => {
    app = await startTestApp();
    city = await seedCity(app.db, 5);
  });

  afterAll(() => app.close());

  describe('client errors', () => {
    it('an unknown field is a 400 BAD_USER_INPUT naming the field', async () => {
      const response = await app.gql.request('{ cities { edges { node { nope } } } }');
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('Cannot query field "nope" on type "City"');
    });

    it('a syntax error is a 400 BAD_USER_INPUT', async () => {
      const response = await app.gql.request('{ cities { ');
      expect(response.status).toBe(400);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('a malformed argument is BAD_USER_INPUT naming the field', async () => {
      const response = await app.gql.request(
        '{ culturalResources(filter: { cityId: "x" }) { totalCount } }',
      );
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
        { field: 'filter.cityId', message: 'cityId must be a UUID' },
      ]);
    });

    it('a missing object is NOT_FOUND', async () => {
      const response = await app.gql.request(
        '{ workerCanary(id: "00000000-0000-4000-8000-000000000000") { id } }',
      );
      expect(response.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN|UNAUTHENTICATED/);
    });

    it('an invalid cursor is BAD_USER_INPUT', async () => {
      const response = await app.gql.request(RESOURCES, { cityId: city.cityId, after: 'garbage' });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_CURSOR',
      });
    });

    it('a page size above the maximum names the argument', async () => {
      const response = await app.gql.request('{ culturalResources(first: 101) { totalCount } }');
      expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
        { field: 'first', message: 'first must not be greater than 100' },
      ]);
    });

    it('malformed JSON is a 400, not a 500', async () => {
      const response = await app.gql.post<{ errors: { extensions: { code: string } }[] }>(
        '{"query": ',
      );
      expect(response.status).toBe(400);
      expect(response.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('Relay connections', () => {
    it('pages forwards with first/after and backwards with last/before', async () => {
      const first = await app.gql.data<ResourcePage>(RESOURCES, { cityId: city.cityId, first: 2 });
      expect(names(first)).toEqual(['R00', 'R01']);
      expect(first.culturalResources.totalCount).toBe(5);
      expect(first.culturalResources.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: false,
      });

      const second = await app.gql.data<ResourcePage>(RESOURCES, {
        cityId: city.cityId,
        first: 2,
        after: first.culturalResources.pageInfo.endCursor,
      });
      expect(names(second)).toEqual(['R02', 'R03']);
      expect(second.culturalResources.pageInfo.hasPreviousPage).toBe(true);

      const last = await app.gql.data<ResourcePage>(RESOURCES, {
        cityId: city.cityId,
        first: 2,
        after: second.culturalResources.pageInfo.endCursor,
      });
      expect(names(last)).toEqual(['R04']);
      expect(last.culturalResources.pageInfo.hasNextPage).toBe(false);

      const back = await app.gql.data<ResourcePage>(RESOURCES, {
        cityId: city.cityId,
        last: 2,
        before: last.culturalResources.pageInfo.startCursor,
      });
      expect(names(back)).toEqual(['R02', 'R03']);
      expect(back.culturalResources.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: true,
      });
    });

    it('resolves nested catalog fields', async () => {
      const page = await app.gql.data<ResourcePage>(RESOURCES, { cityId: city.cityId, first: 1 });
      expect(page.culturalResources.edges[0].node.district.name).toBe('Tiexi');
      expect(page.culturalResources.edges[0].node.city.code).toMatch(/^city-/);
    });
  });

  describe('health', () => {
    it('is live and ready when PostgreSQL and Redis answer', async () => {
      const live = await fetch(`${app.baseUrl}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${app.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ok',
        checks: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    });

    it('echoes a request id for log correlation', async () => {
      const response = await fetch(`${app.baseUrl}/health/live`, {
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(response.headers.get('x-request-id')).toBe('abc-123');
    });
  });
});
