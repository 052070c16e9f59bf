import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { cloneChildren, cloneRow } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import { createOutlet } from '../retail/retail-test-kit';

const CITIES = `query($first: Int!) {
  cities(first: $first) { edges { node { id districts { id city { id } } } } }
}`;

const RESOURCES = `query($cityId: ID!, $first: Int!) {
  culturalResources(filter: { cityId: $cityId }, first: $first) {
    edges { node { id city { id } district { id } } }
  }
}`;

const ORGANIZATIONS = `query($first: Int!) {
  organizations(filter: { kind: RETAILER }, first: $first) {
    edges { node { id city { id } district { id } viewerRole members { role user { id } } } }
  }
}`;

const OUTLETS = `query($organizationId: ID!, $first: Int!) {
  outlets(filter: { organizationId: $organizationId }, first: $first) {
    edges { node { id organization { id } city { id } district { id } sellThrough { ratio } } }
  }
}`;

type Page<T> = { edges: { node: T }[] };

describe('N+1 guard: cities, cultural resources, organizations and outlets', () => {
  let app: TestApp;
  let city: SeededCity;
  let admin: TestUser;
  let retailer: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    city = await seedCity(app.db, 50);
    for (let i = 0; i < 49; i += 1) await seedCity(app.db, 0);
    const factory = new IdentityFactory(app);
    admin = await factory.admin();
    retailer = await factory.retailer();
    const outletId = await createOutlet(retailer, city);
    for (let i = 0; i < 49; i += 1) {
      await cloneRow(app.db, 'outlet', outletId, { name: `Outlet ${i}` });
      const organization = await cloneRow(app.db, 'organization', retailer.organizationId, {
        name: `Retailer copy ${i}`,
      });
      await cloneChildren(
        app.db,
        'organization_member',
        'organization_id',
        retailer.organizationId,
        organization,
      );
    }
  }, 300_000);

  afterAll(() => app.close());

  it('cities{districts{city}}', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await app.gql.data<{ cities: Page<{ districts: unknown[] }> }>(CITIES, {
        first,
      });
      return data.cities.edges.length;
    });
    expectFlatRead(app, CITIES, () => ({}), page);
  });

  it('culturalResources{city district}', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await app.gql.data<{ culturalResources: Page<{ district: { id: string } }> }>(
        RESOURCES,
        { cityId: city.cityId, first },
      );
      expect(data.culturalResources.edges.every((edge) => edge.node.district.id)).toBe(true);
      return data.culturalResources.edges.length;
    });
    expectFlatRead(app, RESOURCES, () => ({ cityId: city.cityId }), page);
  });

  it('organizations{members{user} viewerRole city district}, as an ADMIN', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ organizations: Page<{ members: unknown[] }> }>(
        ORGANIZATIONS,
        { first },
      );
      expect(data.organizations.edges.every((edge) => edge.node.members.length === 1)).toBe(true);
      return data.organizations.edges.length;
    });
    expectFlatRead(app, ORGANIZATIONS, () => ({}), page);
  });

  it('outlets{organization city district sellThrough}', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await app.gql.data<{ outlets: Page<{ organization: { id: string } }> }>(
        OUTLETS,
        { organizationId: retailer.organizationId, first },
      );
      expect(data.outlets.edges.every((edge) => edge.node.organization.id)).toBe(true);
      return data.outlets.edges.length;
    });
    expectFlatRead(app, OUTLETS, () => ({ organizationId: retailer.organizationId }), page);
  });
});
