import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';
import { EXPLAIN, MATCH_FIELDS, MatchView } from './matching-kit';

const RECOMMENDED_OUTLETS = `query($productId: ID!, $after: String) {
  recommendedOutlets(productId: $productId, first: 50, after: $after) {
    edges { node { outletId outlet { name } ${MATCH_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RECOMMENDED_PRODUCTS = `query($outletId: ID!) {
  recommendedProducts(outletId: $outletId, first: 20) { edges { node { productId product { name } ${MATCH_FIELDS} } } }
}`;

type OutletRow = { outletId: string; outlet: { name: string } } & MatchView;

describe('matching: products and outlets', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let maker: TestUser;
  let stranger: TestUser;
  let retailer: TestMember;
  let otherRetailer: TestMember;
  let productId: string;
  let museum: string;
  let community: string;
  let pricey: string;
  /** The best outlet on paper, in another city: never recommended (OTHER_CITY). */
  let elsewhere: string;

  // Every page: other outlets of this city compete for the top places, and the test judges only
  // its own outlets.
  type OutletPage = {
    recommendedOutlets: {
      edges: { node: OutletRow }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  const outletsOf = async (): Promise<OutletRow[] | undefined> => {
    const rows: OutletRow[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const response: { data?: OutletPage | null } = await maker.gql.request<OutletPage>(
        RECOMMENDED_OUTLETS,
        { productId, after },
      );
      const connection: OutletPage['recommendedOutlets'] | undefined =
        response.data?.recommendedOutlets;
      if (!connection) return undefined;
      rows.push(...connection.edges.map((edge) => edge.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return rows;
  };
  const ours = (rows: OutletRow[]) =>
    rows.map((row) => row.outletId).filter((id) => [museum, community, pricey].includes(id));

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    [maker, stranger, retailer, otherRetailer] = await Promise.all([
      factory.talent(),
      factory.talent(),
      factory.retailer(),
      factory.retailer(),
    ]);
    // The default city's resources are industrial heritage.
    museum = await createOutlet(retailer, city, {
      name: 'Industrial museum shop',
      themes: ['INDUSTRIAL_HERITAGE'],
    });
    community = await createOutlet(retailer, city, {
      name: 'Folk corner',
      type: 'COMMUNITY',
      themes: ['FOLK_CULTURE'],
    });
    pricey = await createOutlet(otherRetailer, city, {
      name: 'Mall boutique',
      type: 'BUSINESS_DISTRICT',
      themes: ['INDUSTRIAL_HERITAGE'],
      averageMonthlyFootfall: 5_000,
      priceBandMinFen: 60_000,
      priceBandMaxFen: 90_000,
    });
    const otherCity = await seedCity(app.db, 1);
    elsewhere = await createOutlet(retailer, otherCity, {
      name: 'Another city museum shop',
      themes: ['INDUSTRIAL_HERITAGE'],
      averageMonthlyFootfall: 900_000,
    });
    const delivered = await deliveredProject(factory, city, { owner: maker });
    productId = await createProduct(maker, delivered.projectId, { retailPriceFen: 12_800 });
  });

  afterAll(() => app.close());

  it('a new product gets its outlets ranked, with theme, type and price reasons', async () => {
    const rows = await eventually(async () => {
      const ranked = await outletsOf();
      return ranked && ours(ranked).length >= 2 && ranked;
    });
    expect(ours(rows)).toEqual([museum, pricey]);
    const top = rows.find((row) => row.outletId === museum)!;
    expect(top.outlet.name).toBe('Industrial museum shop');
    expect(top.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['THEME_MATCH', 'OUTLET_TYPE_FITS', 'PRICE_IN_BAND']),
    );
    const second = rows.find((row) => row.outletId === pricey)!;
    expect(second.reasons.find((r) => r.code === 'PRICE_BELOW_BAND')?.messageZh).toContain(
      '低于门店价格带',
    );
  });

  it("an outlet's organization sees the products that fit it; nobody else does", async () => {
    const { recommendedProducts } = await retailer.gql.data<{
      recommendedProducts: {
        edges: { node: { productId: string; product: { name: string } } & MatchView }[];
      };
    }>(RECOMMENDED_PRODUCTS, { outletId: museum });
    const mine = recommendedProducts.edges.find((edge) => edge.node.productId === productId);
    expect(mine?.node.product.name).toBe('Foundry bookends');

    const notMember = await otherRetailer.gql.request(RECOMMENDED_PRODUCTS, { outletId: museum });
    expect(notMember.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OUTLET_MEMBER',
    });
    const notRetailer = await maker.gql.request(RECOMMENDED_PRODUCTS, { outletId: museum });
    expect(notRetailer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const notMaker = await stranger.gql.request(RECOMMENDED_OUTLETS, { productId });
    expect(notMaker.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_PRODUCT_OWNER',
    });
  });

  it("never recommends another city's outlet, either way, and explains why", async () => {
    const rows = await eventually(async () => {
      const ranked = await outletsOf();
      return ranked && ours(ranked).length >= 2 && ranked;
    });
    expect(rows.map((row) => row.outletId)).not.toContain(elsewhere);

    // The other city's outlet is scored (its page answers) but offers no product of this city.
    const products = await eventually(async () => {
      const response = await retailer.gql.request<{
        recommendedProducts: { edges: { node: { productId: string } }[] };
      }>(RECOMMENDED_PRODUCTS, { outletId: elsewhere });
      return response.data?.recommendedProducts;
    });
    expect(products.edges.map((edge) => edge.node.productId)).not.toContain(productId);

    const { explainMatch } = await maker.gql.data<{ explainMatch: MatchView }>(EXPLAIN, {
      a: productId,
      b: elsewhere,
    });
    expect(explainMatch.excluded).toBe(true);
    expect(explainMatch.reasons[0]).toMatchObject({
      code: 'OTHER_CITY',
      messageZh: '门店与产品不在同一城市',
    });
    // On paper it is the best outlet: the city alone rules it out.
    expect(explainMatch.components.find((c) => c.name === 'theme_affinity')?.value).toBe(1);
  });

  it('explains an outlet that is not a candidate', async () => {
    const { explainMatch } = await retailer.gql.data<{
      explainMatch: MatchView & { kind: string };
    }>(EXPLAIN, { a: community, b: productId });
    expect(explainMatch.kind).toBe('PRODUCT_OUTLET');
    expect(explainMatch.reasons[0].code).toBe('THEME_MISMATCH');
    expect(explainMatch.components.find((c) => c.name === 'theme_affinity')?.value).toBe(0);
  });

  it('an outlet change reorders the product’s outlets', async () => {
    await otherRetailer.gql.data(
      'mutation($id: ID!, $input: UpdateOutletInput!) { updateOutlet(id: $id, input: $input) { id } }',
      {
        id: pricey,
        input: { type: 'MUSEUM', priceBandMinFen: 1_000, averageMonthlyFootfall: 900_000 },
      },
    );
    const rows = await eventually(async () => {
      const ranked = await outletsOf();
      return ranked && ours(ranked)[0] === pricey && ranked;
    });
    expect(ours(rows)).toEqual([pricey, museum]);
  });

  it('a sale moves the sell-through at outlets of that type', async () => {
    const offered = await offerPlacement(maker, {
      productId,
      outletId: museum,
      terms: consignment(3000),
    });
    await acceptPlacement(retailer, offered.id);
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId: museum,
        productId,
        quantity: 400, // of the 500 delivered
        unitPrice: 12_800,
        soldAt: new Date().toISOString(),
        externalId: 'POS-MATCH-1',
      },
    });
    const row = await eventually(async () => {
      const ranked = await outletsOf();
      const atMuseum = ranked?.find((r) => r.outletId === museum);
      return atMuseum?.components.find((c) => c.name === 'sell_through')?.value === 0.8 && atMuseum;
    });
    expect(row.reasons.find((r) => r.code === 'SELL_THROUGH_AT_SIMILAR')?.message).toBe(
      '80% of its delivered units sold at MUSEUM outlets',
    );
  });
});
