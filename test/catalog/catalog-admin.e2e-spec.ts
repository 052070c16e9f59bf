import { randomBytes, randomUUID } from 'node:crypto';
import { GraphqlClient, GraphqlResponse } from '../support/graphql-client';
import { IdentityFactory, RoleActors, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const CITY = 'id code name localName districts { id name localName city { code } }';
const DISTRICT = 'id name localName city { id code }';
const RESOURCE =
  'id name localName kind description latitude longitude city { id } district { id name }';

const CREATE_CITY = `mutation($input: CreateCityInput!) { createCity(input: $input) { ${CITY} } }`;
const UPDATE_CITY = `mutation($id: ID!, $input: UpdateCityInput!) { updateCity(id: $id, input: $input) { ${CITY} } }`;
const CREATE_DISTRICT = `mutation($input: CreateDistrictInput!) { createDistrict(input: $input) { ${DISTRICT} } }`;
const UPDATE_DISTRICT = `mutation($id: ID!, $input: UpdateDistrictInput!) { updateDistrict(id: $id, input: $input) { ${DISTRICT} } }`;
const CREATE_RESOURCE = `mutation($input: CreateCulturalResourceInput!) { createCulturalResource(input: $input) { ${RESOURCE} } }`;
const UPDATE_RESOURCE = `mutation($id: ID!, $input: UpdateCulturalResourceInput!) { updateCulturalResource(id: $id, input: $input) { ${RESOURCE} } }`;
const DELETE_RESOURCE = `mutation($id: ID!) { deleteCulturalResource(id: $id) }`;
const GET_CITY = `query($id: ID!) { city(id: $id) { ${CITY} } }`;
const GET_DISTRICTS = `query($cityId: ID!) { districts(cityId: $cityId) { ${DISTRICT} } }`;
const GET_RESOURCE = `query($id: ID!) { culturalResource(id: $id) { ${RESOURCE} } }`;

interface CityView {
  id: string;
  code: string;
  name: string;
  localName: string;
  districts: { id: string; name: string; localName: string; city: { code: string } }[];
}
interface DistrictView {
  id: string;
  name: string;
  localName: string;
  city: { id: string; code: string };
}
interface ResourceView {
  id: string;
  name: string;
  localName: string;
  kind: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
  city: { id: string };
  district: { id: string; name: string } | null;
}

const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

describe('catalog management (ADMIN)', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let actors: RoleActors;
  let admin: TestUser;

  const createCity = async (overrides: Record<string, unknown> = {}) =>
    (
      await admin.gql.data<{ createCity: CityView }>(CREATE_CITY, {
        input: { code: unique('city'), name: 'Shenyang', localName: '沈阳', ...overrides },
      })
    ).createCity;

  const createDistrict = async (cityId: string, overrides: Record<string, unknown> = {}) =>
    (
      await admin.gql.data<{ createDistrict: DistrictView }>(CREATE_DISTRICT, {
        input: { cityId, name: unique('Tiexi'), localName: '铁西区', ...overrides },
      })
    ).createDistrict;

  const resourceInput = (cityId: string, overrides: Record<string, unknown> = {}) => ({
    cityId,
    name: 'Shenyang Imperial Palace',
    localName: '沈阳故宫',
    kind: 'PALACE_QING_CULTURE',
    description: 'Qing palace complex.',
    location: { latitude: 41.7962, longitude: 123.4559 },
    ...overrides,
  });

  const createResource = async (cityId: string, overrides: Record<string, unknown> = {}) =>
    (
      await admin.gql.data<{ createCulturalResource: ResourceView }>(CREATE_RESOURCE, {
        input: resourceInput(cityId, overrides),
      })
    ).createCulturalResource;

  /** The row as stored, to prove a refused call changed nothing. */
  const row = async (table: 'city' | 'district' | 'cultural_resource', id: string) => {
    const [found] = await app.db.query(`SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`, [
      id,
    ]);
    return found?.row ?? null;
  };

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    actors = await factory.actors();
    admin = actors.ADMIN;
  });

  afterAll(() => app.close());

  describe('happy paths', () => {
    it('creates a city, its districts and a resource, and reads them back', async () => {
      const city = await createCity({ name: '  Shenyang  ' });
      expect(city).toMatchObject({ name: 'Shenyang', localName: '沈阳', districts: [] });

      const tiexi = await createDistrict(city.id, { name: 'Tiexi', localName: '铁西区' });
      await createDistrict(city.id, { name: 'Shenhe', localName: '沈河区' });
      expect(tiexi.city).toEqual({ id: city.id, code: city.code });

      const resource = await createResource(city.id, { districtId: tiexi.id });
      expect(resource).toMatchObject({
        name: 'Shenyang Imperial Palace',
        localName: '沈阳故宫',
        kind: 'PALACE_QING_CULTURE',
        latitude: 41.7962,
        longitude: 123.4559,
        city: { id: city.id },
        district: { id: tiexi.id, name: 'Tiexi' },
      });

      const { city: read } = await app.gql.data<{ city: CityView }>(GET_CITY, { id: city.id });
      expect(read.districts.map((district) => district.name)).toEqual(['Shenhe', 'Tiexi']);
      expect(read.districts[0].city.code).toBe(city.code);

      const { districts } = await app.gql.data<{ districts: DistrictView[] }>(GET_DISTRICTS, {
        cityId: city.id,
      });
      expect(districts.map((district) => district.localName)).toEqual(['沈河区', '铁西区']);

      const { culturalResource } = await app.gql.data<{ culturalResource: ResourceView }>(
        GET_RESOURCE,
        { id: resource.id },
      );
      expect(culturalResource).toEqual(resource);
    });

    it('updates a city and a district, leaving omitted fields as they were', async () => {
      const city = await createCity();
      const code = unique('renamed');
      const { updateCity } = await admin.gql.data<{ updateCity: CityView }>(UPDATE_CITY, {
        id: city.id,
        input: { code, name: 'Shenyang City' },
      });
      expect(updateCity).toMatchObject({ code, name: 'Shenyang City', localName: '沈阳' });

      const district = await createDistrict(city.id, { name: 'Tiexi' });
      const { updateDistrict } = await admin.gql.data<{ updateDistrict: DistrictView }>(
        UPDATE_DISTRICT,
        { id: district.id, input: { localName: '铁西' } },
      );
      expect(updateDistrict).toMatchObject({ name: 'Tiexi', localName: '铁西', city: { code } });
    });

    it('updates a resource; null clears the district and the location', async () => {
      const city = await createCity();
      const district = await createDistrict(city.id);
      const resource = await createResource(city.id, { districtId: district.id });

      const { updateCulturalResource: updated } = await admin.gql.data<{
        updateCulturalResource: ResourceView;
      }>(UPDATE_RESOURCE, {
        id: resource.id,
        input: {
          kind: 'OTHER',
          description: 'Renamed and moved.',
          districtId: null,
          location: null,
        },
      });
      expect(updated).toMatchObject({
        name: resource.name,
        localName: resource.localName,
        kind: 'OTHER',
        description: 'Renamed and moved.',
        district: null,
        latitude: null,
        longitude: null,
      });

      // the search columns are regenerated by PostgreSQL
      const [stored] = await app.db.query(
        'SELECT search_text FROM cultural_resource WHERE id = $1',
        [resource.id],
      );
      expect(stored.search_text).toContain('Renamed and moved.');
    });

    it('moves an unlinked resource to another city together with a district of that city', async () => {
      const [from, to] = [await createCity(), await createCity()];
      const target = await createDistrict(to.id);
      const resource = await createResource(from.id, {
        districtId: (await createDistrict(from.id)).id,
      });
      const { updateCulturalResource } = await admin.gql.data<{
        updateCulturalResource: ResourceView;
      }>(UPDATE_RESOURCE, { id: resource.id, input: { cityId: to.id, districtId: target.id } });
      expect(updateCulturalResource).toMatchObject({
        city: { id: to.id },
        district: { id: target.id },
      });
    });

    it('deletes an unlinked resource', async () => {
      const resource = await createResource((await createCity()).id);
      const { deleteCulturalResource } = await admin.gql.data<{ deleteCulturalResource: string }>(
        DELETE_RESOURCE,
        { id: resource.id },
      );
      expect(deleteCulturalResource).toBe(resource.id);
      const response = await app.gql.request(GET_RESOURCE, { id: resource.id });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CULTURAL_RESOURCE_NOT_FOUND',
      });
    });
  });

  describe('who may manage the catalog', () => {
    let city: CityView;
    let district: DistrictView;
    let resource: ResourceView;

    beforeAll(async () => {
      city = await createCity();
      district = await createDistrict(city.id);
      resource = await createResource(city.id, { districtId: district.id });
    });

    /** Each mutation, with a check that the refused call left the database as it was. */
    const mutations: {
      name: string;
      call: (gql: GraphqlClient) => Promise<GraphqlResponse<unknown>>;
      unchanged: () => Promise<void>;
    }[] = [
      {
        name: 'createCity',
        call: (gql) =>
          gql.request(CREATE_CITY, { input: { code: 'refused', name: 'X', localName: 'X' } }),
        unchanged: async () => {
          const [{ count }] = await app.db.query(
            `SELECT count(*)::int AS count FROM city WHERE code = 'refused'`,
          );
          expect(count).toBe(0);
        },
      },
      {
        name: 'updateCity',
        call: (gql) => gql.request(UPDATE_CITY, { id: city.id, input: { name: 'Taken over' } }),
        unchanged: async () => expect((await row('city', city.id)).name).toBe(city.name),
      },
      {
        name: 'createDistrict',
        call: (gql) =>
          gql.request(CREATE_DISTRICT, {
            input: { cityId: city.id, name: 'Refused', localName: 'X' },
          }),
        unchanged: async () => {
          const { city: read } = await app.gql.data<{ city: CityView }>(GET_CITY, { id: city.id });
          expect(read.districts.map((d) => d.id)).toEqual([district.id]);
        },
      },
      {
        name: 'updateDistrict',
        call: (gql) =>
          gql.request(UPDATE_DISTRICT, { id: district.id, input: { name: 'Taken over' } }),
        unchanged: async () =>
          expect((await row('district', district.id)).name).toBe(district.name),
      },
      {
        name: 'createCulturalResource',
        call: (gql) =>
          gql.request(CREATE_RESOURCE, { input: resourceInput(city.id, { name: 'Refused' }) }),
        unchanged: async () => {
          const [{ count }] = await app.db.query(
            'SELECT count(*)::int AS count FROM cultural_resource WHERE city_id = $1',
            [city.id],
          );
          expect(count).toBe(1);
        },
      },
      {
        name: 'updateCulturalResource',
        call: (gql) =>
          gql.request(UPDATE_RESOURCE, { id: resource.id, input: { name: 'Taken over' } }),
        unchanged: async () =>
          expect((await row('cultural_resource', resource.id)).name).toBe(resource.name),
      },
      {
        name: 'deleteCulturalResource',
        call: (gql) => gql.request(DELETE_RESOURCE, { id: resource.id }),
        unchanged: async () => expect(await row('cultural_resource', resource.id)).not.toBeNull(),
      },
    ];

    const otherRoles = ['TALENT', 'MANUFACTURER', 'RETAILER', 'INCUBATOR', 'OFFICIAL'] as const;
    const cases = otherRoles.flatMap((role) =>
      mutations.map((mutation) => [role, mutation.name, mutation] as const),
    );

    it.each(cases)('%s may not %s: FORBIDDEN, nothing changes', async (role, _name, mutation) => {
      const response = await mutation.call(actors[role].gql);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await mutation.unchanged();
    });

    it.each(mutations.map((mutation) => [mutation.name, mutation] as const))(
      'anonymous may not %s: UNAUTHENTICATED, nothing changes',
      async (_name, mutation) => {
        const response = await mutation.call(app.gql);
        expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        await mutation.unchanged();
      },
    );

    it('everyone, anonymous included, may read the catalog', async () => {
      for (const gql of [app.gql, actors.TALENT.gql, actors.OFFICIAL.gql]) {
        const { city: read } = await gql.data<{ city: CityView }>(GET_CITY, { id: city.id });
        expect(read.districts).toHaveLength(1);
        await gql.data(GET_RESOURCE, { id: resource.id });
        await gql.data(GET_DISTRICTS, { cityId: city.id });
      }
    });
  });

  describe('duplicates are CONFLICT', () => {
    it('a city code is unique, on create and on update', async () => {
      const city = await createCity();
      const duplicate = await admin.gql.request(CREATE_CITY, {
        input: { code: city.code, name: 'Other', localName: '其他' },
      });
      expect(duplicate.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'CITY_CODE_TAKEN',
        field: 'code',
      });

      const other = await createCity();
      const renamed = await admin.gql.request(UPDATE_CITY, {
        id: other.id,
        input: { code: city.code },
      });
      expect(renamed.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'CITY_CODE_TAKEN',
      });
      expect((await row('city', other.id)).code).toBe(other.code);
    });

    it('a district name is unique within its city only', async () => {
      const [city, otherCity] = [await createCity(), await createCity()];
      await createDistrict(city.id, { name: 'Tiexi' });
      const duplicate = await admin.gql.request(CREATE_DISTRICT, {
        input: { cityId: city.id, name: 'Tiexi', localName: '铁西区' },
      });
      expect(duplicate.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'DISTRICT_NAME_TAKEN',
        field: 'name',
      });
      await createDistrict(otherCity.id, { name: 'Tiexi' });

      const shenhe = await createDistrict(city.id, { name: 'Shenhe' });
      const renamed = await admin.gql.request(UPDATE_DISTRICT, {
        id: shenhe.id,
        input: { name: 'Tiexi' },
      });
      expect(renamed.errors?.[0].extensions?.reason).toBe('DISTRICT_NAME_TAKEN');
    });
  });

  describe('bad input names the field', () => {
    let city: CityView;
    let district: DistrictView;
    let foreignDistrict: DistrictView;
    let resource: ResourceView;

    beforeAll(async () => {
      city = await createCity();
      district = await createDistrict(city.id);
      foreignDistrict = await createDistrict((await createCity()).id);
      resource = await createResource(city.id, { districtId: district.id });
    });

    const nowhere = randomUUID();
    const cases: [string, () => [string, Record<string, unknown>], string, string?][] = [
      [
        'a city code with spaces and capitals',
        () => [CREATE_CITY, { input: { code: 'Shen Yang', name: 'X', localName: 'X' } }],
        'code',
      ],
      [
        'a blank city name',
        () => [CREATE_CITY, { input: { code: unique('c'), name: '   ', localName: 'X' } }],
        'name',
      ],
      [
        'a null name on update',
        () => [UPDATE_CITY, { id: city.id, input: { name: null } }],
        'name',
      ],
      ['a malformed id', () => [UPDATE_CITY, { id: 'nope', input: { name: 'X' } }], 'id'],
      [
        'a district of an unknown city',
        () => [CREATE_DISTRICT, { input: { cityId: nowhere, name: 'X', localName: 'X' } }],
        'cityId',
        'UNKNOWN_CITY',
      ],
      [
        'a resource in an unknown city',
        () => [CREATE_RESOURCE, { input: resourceInput(nowhere) }],
        'cityId',
        'UNKNOWN_CITY',
      ],
      [
        "a resource in another city's district",
        () => [
          CREATE_RESOURCE,
          { input: resourceInput(city.id, { districtId: foreignDistrict.id }) },
        ],
        'districtId',
        'DISTRICT_OUTSIDE_CITY',
      ],
      [
        'a resource in an unknown district',
        () => [CREATE_RESOURCE, { input: resourceInput(city.id, { districtId: nowhere }) }],
        'districtId',
        'UNKNOWN_DISTRICT',
      ],
      [
        'a latitude above 90',
        () => [
          CREATE_RESOURCE,
          { input: resourceInput(city.id, { location: { latitude: 91, longitude: 123 } }) },
        ],
        'location.latitude',
      ],
      [
        'a longitude below -180',
        () => [
          CREATE_RESOURCE,
          { input: resourceInput(city.id, { location: { latitude: 41, longitude: -180.5 } }) },
        ],
        'location.longitude',
      ],
      [
        'a description over 5000 characters',
        () => [
          CREATE_RESOURCE,
          { input: resourceInput(city.id, { description: 'x'.repeat(5001) }) },
        ],
        'description',
      ],
      [
        'a null kind on update',
        () => [UPDATE_RESOURCE, { id: resource.id, input: { kind: null } }],
        'kind',
      ],
      [
        "a move to another city keeping the old city's district",
        () => [UPDATE_RESOURCE, { id: resource.id, input: { cityId: foreignDistrict.city.id } }],
        'districtId',
        'DISTRICT_OUTSIDE_CITY',
      ],
      [
        'a district of another city on update',
        () => [UPDATE_RESOURCE, { id: resource.id, input: { districtId: foreignDistrict.id } }],
        'districtId',
        'DISTRICT_OUTSIDE_CITY',
      ],
    ];

    // one argument per row: with fewer row values than parameters, Jest would pass `done`
    it.each(cases.map(([label, build, field, reason]) => ({ label, build, field, reason })))(
      '$label',
      async ({ build, field, reason }) => {
        const [query, variables] = build();
        const response = await admin.gql.request(query, variables);
        expect(response.data ?? null).toBeNull();
        const extensions = response.errors?.[0].extensions;
        expect(extensions?.code).toBe('BAD_USER_INPUT');
        expect(extensions?.fieldErrors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field })]),
        );
        if (reason) expect(extensions?.reason).toBe(reason);
      },
    );

    it('left the resource as it was', async () => {
      const { culturalResource } = await app.gql.data<{ culturalResource: ResourceView }>(
        GET_RESOURCE,
        { id: resource.id },
      );
      expect(culturalResource).toEqual(resource);
    });
  });

  describe('missing objects are NOT_FOUND', () => {
    const missing = randomUUID();
    it.each([
      ['city', GET_CITY, { id: missing }, 'CITY_NOT_FOUND'],
      ['districts', GET_DISTRICTS, { cityId: missing }, 'CITY_NOT_FOUND'],
      ['culturalResource', GET_RESOURCE, { id: missing }, 'CULTURAL_RESOURCE_NOT_FOUND'],
      ['updateCity', UPDATE_CITY, { id: missing, input: { name: 'X' } }, 'CITY_NOT_FOUND'],
      [
        'updateDistrict',
        UPDATE_DISTRICT,
        { id: missing, input: { name: 'X' } },
        'DISTRICT_NOT_FOUND',
      ],
      [
        'updateCulturalResource',
        UPDATE_RESOURCE,
        { id: missing, input: { name: 'X' } },
        'CULTURAL_RESOURCE_NOT_FOUND',
      ],
      ['deleteCulturalResource', DELETE_RESOURCE, { id: missing }, 'CULTURAL_RESOURCE_NOT_FOUND'],
    ])('%s', async (_name, query, variables, reason) => {
      const response = await admin.gql.request(query, variables);
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason });
    });
  });

  describe('resources linked from a project', () => {
    it('cannot be deleted or moved to another city; the rows stay', async () => {
      const city = await createCity();
      const [linked, spare] = [await createResource(city.id), await createResource(city.id)];
      const talent = await factory.talent();
      const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
      await talent.gql.data(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          input: {
            title: 'Fuyun palace bookmarks',
            description: 'Brass bookmarks with Fuyun motifs from the palace roofs.',
            cityId: city.id,
            category: 'PRODUCT',
            culturalResourceIds: [linked.id],
            processes: [],
            materials: ['brass'],
            quantity: 500,
            targetUnitCostFen: 1850,
            bidDeadline: inDays(14),
            deliveryDeadline: inDays(60),
          },
        },
      );

      const deleted = await admin.gql.request(DELETE_RESOURCE, { id: linked.id });
      expect(deleted.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'RESOURCE_IN_USE',
        culturalResourceId: linked.id,
      });
      expect(deleted.errors?.[0].message).toContain('remove it from their culturalResourceIds');
      expect(await row('cultural_resource', linked.id)).not.toBeNull();

      const moved = await admin.gql.request(UPDATE_RESOURCE, {
        id: linked.id,
        input: { cityId: (await createCity()).id },
      });
      expect(moved.errors?.[0].extensions?.reason).toBe('RESOURCE_IN_USE');
      expect((await row('cultural_resource', linked.id)).city_id).toBe(city.id);

      // editing it in place is fine, and the unlinked one can go
      await admin.gql.data(UPDATE_RESOURCE, { id: linked.id, input: { description: 'Edited.' } });
      await admin.gql.data(DELETE_RESOURCE, { id: spare.id });
    });
  });
});
