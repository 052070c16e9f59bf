import { randomUUID } from 'node:crypto';
import { MatchRefresher } from '@cc/matching';
import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject, teamOf } from '../support/marketplace.factory';
import { cloneDeliveredProject, cloneRow } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import { createOutlet, createProduct } from '../retail/retail-test-kit';
import { MATCH_FIELDS, publishedProject, setCapabilities } from './matching-kit';

const MANUFACTURERS = `query($projectId: ID!, $first: Int!) {
  recommendedManufacturers(projectId: $projectId, first: $first) {
    edges { node { organizationId organization { id name } ${MATCH_FIELDS} } }
  }
}`;
const PROJECTS = `query($organizationId: ID, $first: Int!) {
  recommendedProjects(organizationId: $organizationId, first: $first) {
    edges { node { projectId project { id title } ${MATCH_FIELDS} } }
  }
}`;
const OUTLETS = `query($productId: ID!, $first: Int!) {
  recommendedOutlets(productId: $productId, first: $first) {
    edges { node { outletId outlet { id name } ${MATCH_FIELDS} } }
  }
}`;
const PRODUCTS = `query($outletId: ID!, $first: Int!) {
  recommendedProducts(outletId: $outletId, first: $first) {
    edges { node { productId product { id name } ${MATCH_FIELDS} } }
  }
}`;
const TEAMMATES = `query($teamId: ID, $first: Int!) {
  suggestedTeammates(teamId: $teamId, first: $first) {
    userId displayName disciplines user { id } ${MATCH_FIELDS}
  }
}`;

type Edges<K extends string> = { edges: { node: Record<K, { id: string } | null> }[] };

/** Every row of the page resolved its nested object (an empty or null page proves nothing). */
function nested<K extends string>(connection: Edges<K>, field: K): number {
  const nodes = connection.edges.map((edge) => edge.node);
  expect(nodes.every((node) => node[field]?.id)).toBe(true);
  return nodes.length;
}

describe('N+1 guard: matching pages with their nested objects', () => {
  let app: TestApp;
  let city: SeededCity;
  let owner: TestUser;
  let maker: TestMember;
  let retailer: TestMember;
  let lead: TestUser;
  let productOwner: TestUser;
  let projectId: string;
  let productId: string;
  let outletId: string;
  let teamId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    const factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    [owner, maker, retailer, lead] = await Promise.all([
      factory.talent(),
      factory.manufacturer('Foundry 0'),
      factory.retailer(),
      factory.talent(),
    ]);
    await setCapabilities(maker, {
      processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
      materials: ['brass'],
      certifications: ['ISO 9001'],
      monthlyCapacity: 1000,
      moq: 100,
    });
    projectId = await publishedProject(owner, city);
    const chain = await deliveredProject(factory, city);
    productOwner = chain.owner;
    productId = await createProduct(productOwner, chain.projectId);
    outletId = await createOutlet(retailer, city, { themes: ['INDUSTRIAL_HERITAGE'] });
    await lead.gql.data(
      'mutation($input: UpsertTalentProfileInput!) { upsertTalentProfile(input: $input) { userId } }',
      { input: { disciplines: ['PRODUCT_DESIGN'] } },
    );
    teamId = await teamOf(lead, []);
    const [{ id: talentProfile }]: { id: string }[] = await app.db.query(
      `SELECT id FROM talent_profile WHERE user_id = $1`,
      [lead.id],
    );
    const [{ id: makerCapability }]: { id: string }[] = await app.db.query(
      `SELECT id FROM manufacturer_capability WHERE organization_id = $1`,
      [maker.organizationId],
    );

    // 49 more of each side, copied row by row; one full rebuild below scores them all.
    for (let i = 1; i < 50; i += 1) {
      const organization = await cloneRow(app.db, 'organization', maker.organizationId, {
        name: `Foundry ${i}`,
      });
      await cloneRow(app.db, 'manufacturer_capability', makerCapability, {
        organization_id: organization,
      });
      const project = await cloneRow(app.db, 'project', projectId, { title: `Bookmarks ${i}` });
      await app.db.query(
        `INSERT INTO project_cultural_resource (project_id, cultural_resource_id, city_id, position)
         SELECT $2, cultural_resource_id, city_id, position
           FROM project_cultural_resource WHERE project_id = $1`,
        [projectId, project],
      );
      await cloneRow(app.db, 'outlet', outletId, { name: `Museum shop ${i}` });
      const copy = await cloneDeliveredProject(app.db, chain, `Bookends ${i}`);
      await cloneRow(app.db, 'product', productId, {
        project_id: copy.projectId,
        sku: `MATCH-${i}`,
        name: `Bookends ${i}`,
      });
    }
    // 50 talents the lead's team lacks (the lead's own discipline is not suggested).
    for (let i = 0; i < 50; i += 1) {
      const user = await cloneRow(app.db, 'user_account', lead.id, {
        email: `teammate-${randomUUID()}@example.test`,
        display_name: `Coder ${i}`,
      });
      await cloneRow(app.db, 'talent_profile', talentProfile, {
        user_id: user,
        disciplines: ['DIGITAL_TECHNOLOGY'],
      });
    }
    await app.worker!.get(MatchRefresher).rebuild();
  }, 300_000);

  afterAll(() => app.close());

  it('recommendedManufacturers{organization}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await owner.gql.data<{
        recommendedManufacturers: Edges<'organization'>;
      }>(MANUFACTURERS, { projectId, first });
      return nested(data.recommendedManufacturers, 'organization');
    });
    expectFlatRead(app, MANUFACTURERS, () => ({ projectId }), page);
  });

  it('recommendedProjects{project}: as many statements for 50 as for 2', async () => {
    const organizationId = maker.organizationId;
    const page = await pageStatements(app.db, async (first) => {
      const data = await maker.gql.data<{ recommendedProjects: Edges<'project'> }>(PROJECTS, {
        organizationId,
        first,
      });
      return nested(data.recommendedProjects, 'project');
    });
    expectFlatRead(app, PROJECTS, () => ({ organizationId }), page);
  });

  it('recommendedOutlets{outlet}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await productOwner.gql.data<{ recommendedOutlets: Edges<'outlet'> }>(OUTLETS, {
        productId,
        first,
      });
      return nested(data.recommendedOutlets, 'outlet');
    });
    expectFlatRead(app, OUTLETS, () => ({ productId }), page);
  });

  it('recommendedProducts{product}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await retailer.gql.data<{ recommendedProducts: Edges<'product'> }>(PRODUCTS, {
        outletId,
        first,
      });
      return nested(data.recommendedProducts, 'product');
    });
    expectFlatRead(app, PRODUCTS, () => ({ outletId }), page);
  });

  it('suggestedTeammates{user}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await lead.gql.data<{
        suggestedTeammates: { user: { id: string } | null }[];
      }>(TEAMMATES, { teamId, first });
      expect(data.suggestedTeammates.every((row) => row.user?.id)).toBe(true);
      return data.suggestedTeammates.length;
    });
    expectFlatRead(app, TEAMMATES, () => ({ teamId }), page);
  });
});
