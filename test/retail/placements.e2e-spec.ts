import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject, DeliveredProject, teamOf } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  PLACEMENT_FIELDS,
  PlacementView,
  PRODUCT_FIELDS,
  wholesale,
} from './retail-test-kit';

const CREATE_PRODUCT =
  'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }';
const CREATE_OUTLET = 'mutation($input: CreateOutletInput!) { createOutlet(input: $input) { id } }';
const OFFER = `mutation($input: OfferPlacementInput!) { offerPlacement(input: $input) { ${PLACEMENT_FIELDS} } }`;
const REQUEST = `mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { ${PLACEMENT_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!, $input: MakersTermsInput) { acceptPlacement(id: $id, input: $input) { ${PLACEMENT_FIELDS} } }`;
const DECLINE = `mutation($id: ID!, $reason: String) { declinePlacement(id: $id, reason: $reason) { ${PLACEMENT_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPlacement(id: $id) { ${PLACEMENT_FIELDS} } }`;
const END = `mutation($id: ID!, $reason: String) { endPlacement(id: $id, reason: $reason) { ${PLACEMENT_FIELDS} } }`;
const PLACEMENT = `query($id: ID!) { placement(id: $id) { ${PLACEMENT_FIELDS} } }`;

describe('retail: products, outlets and the placement lifecycle', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let lead: TestUser;
  let second: TestUser;
  let third: TestUser;
  let teamId: string;
  let delivered: DeliveredProject;
  let retailer: TestMember;
  let otherRetailer: TestMember;

  const fieldErrors = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    response.errors?.[0].extensions?.fieldErrors;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    [lead, second, third] = await Promise.all([
      factory.talent(),
      factory.talent(),
      factory.talent(),
    ]);
    teamId = await teamOf(lead, [second, third]);
    delivered = await deliveredProject(factory, city, { owner: lead, teamId, quantity: 500 });
    [retailer, otherRetailer] = await Promise.all([factory.retailer(), factory.retailer()]);
  });

  afterAll(() => app.close());

  it('makes a product only from a delivered project, for its owners, once', async () => {
    const { createProject } = await lead.gql.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          title: 'Palace lantern kit',
          description: 'A paper lantern kit after the Qing palace lanterns.',
          cityId: city.cityId,
          category: 'PRODUCT',
          culturalResourceIds: [],
          processes: ['PAPER_CRAFT'],
          materials: ['paper'],
          quantity: 100,
          targetUnitCostFen: 500,
          requiredCertifications: [],
          bidDeadline: new Date(Date.now() + 86_400_000).toISOString(),
          deliveryDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        },
      },
    );
    const undelivered = await lead.gql.request(CREATE_PRODUCT, {
      input: { projectId: createProject.id, name: 'Lantern', brand: 'Fuyun', retailPriceFen: 100 },
    });
    expect(undelivered.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROJECT_NOT_DELIVERED',
    });

    const stranger = await factory.talent();
    const notOwner = await stranger.gql.request(CREATE_PRODUCT, {
      input: { projectId: delivered.projectId, name: 'Bookends', brand: 'X', retailPriceFen: 100 },
    });
    expect(notOwner.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_PRODUCT_OWNER',
    });

    const badInput = await second.gql.request(CREATE_PRODUCT, {
      input: {
        projectId: delivered.projectId,
        name: 'B',
        brand: '',
        retailPriceFen: 0,
        sku: 'bad sku',
      },
    });
    expect(badInput.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (fieldErrors(badInput) as { field: string }[]).map((error) => error.field).sort(),
    ).toEqual(['brand', 'name', 'retailPriceFen', 'sku']);

    // Any member of the owning team may create it; it inherits the project's resources.
    const productId = await createProduct(second, delivered.projectId, { sku: 'TX-BOOKEND-01' });
    const { product } = await app.gql.data<{ product: Record<string, unknown> }>(
      `query($id: ID!) { product(id: $id) { ${PRODUCT_FIELDS} project { id state } } }`,
      { id: productId },
    );
    expect(product).toMatchObject({
      sku: 'TX-BOOKEND-01',
      retailPriceFen: 12_800,
      unitsDelivered: 500,
      themes: ['INDUSTRIAL_HERITAGE'],
      culturalResourceIds: [city.resourceIds[0]],
      sellThrough: { unitsSold: 0, unitsDelivered: 500, ratio: 0 },
      project: { id: delivered.projectId, state: 'IN_PRODUCTION' },
    });

    // "mine" covers every member of the owning team, not only the creator.
    const mine = (user: TestUser) =>
      user.gql
        .data<{ products: { edges: { node: { id: string } }[] } }>(
          '{ products(first: 100, filter: { mine: true }) { edges { node { id } } } }',
        )
        .then((result) => result.products.edges.map((edge) => edge.node.id));
    expect(await mine(third)).toEqual([productId]);
    expect(await mine(stranger)).toEqual([]);

    const again = await lead.gql.request(CREATE_PRODUCT, {
      input: {
        projectId: delivered.projectId,
        name: 'Bookends 2',
        brand: 'X',
        retailPriceFen: 100,
      },
    });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PRODUCT_ALREADY_EXISTS',
    });
  });

  it('lets only a RETAILER organization’s members open outlets, and names every bad field', async () => {
    const base = {
      organizationId: retailer.organizationId,
      name: 'Tiexi 1905 creative park shop',
      type: 'BUSINESS_DISTRICT',
      districtId: city.districtId,
      themes: ['INDUSTRIAL_HERITAGE'],
      averageMonthlyFootfall: 30_000,
      priceBandMinFen: 2_000,
      priceBandMaxFen: 20_000,
    };
    const reversed = await retailer.gql.request(CREATE_OUTLET, {
      input: { ...base, priceBandMinFen: 30_000 },
    });
    expect(reversed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PRICE_BAND',
      fieldErrors: [
        {
          field: 'priceBandMaxFen',
          message: "the price band's highest price (20000) is below its lowest (30000)",
        },
      ],
    });
    const unknownDistrict = await retailer.gql.request(CREATE_OUTLET, {
      input: { ...base, districtId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(fieldErrors(unknownDistrict)).toEqual([
      {
        field: 'districtId',
        message: 'District 00000000-0000-4000-8000-000000000000 does not exist',
      },
    ]);
    const badEnum = await retailer.gql.request(CREATE_OUTLET, {
      input: { ...base, averageMonthlyFootfall: -1, name: ' ' },
    });
    expect(
      (fieldErrors(badEnum) as { field: string }[]).map((error) => error.field).sort(),
    ).toEqual(['averageMonthlyFootfall', 'name']);
    const notMine = await otherRetailer.gql.request(CREATE_OUTLET, { input: base });
    expect(notMine.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ORGANIZATION_MEMBER',
    });
    const talent = await lead.gql.request(CREATE_OUTLET, { input: base });
    expect(talent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const outletId = await createOutlet(retailer, city);
    const { outlet } = await app.gql.data<{ outlet: Record<string, unknown> }>(
      `query($id: ID!) { outlet(id: $id) { id type themes priceBandMinFen priceBandMaxFen
         city { id } district { id } organization { id kind } sellThrough { unitsSold unitsDelivered ratio } } }`,
      { id: outletId },
    );
    expect(outlet).toMatchObject({
      type: 'MUSEUM',
      themes: ['INDUSTRIAL_HERITAGE', 'PALACE_QING_CULTURE'],
      city: { id: city.cityId },
      district: { id: city.districtId },
      organization: { id: retailer.organizationId, kind: 'RETAILER' },
      sellThrough: { unitsSold: 0, unitsDelivered: 0, ratio: null },
    });
  });

  it('walks a placement through offer, answer and end, and puts the project IN_MARKET', async () => {
    const productId = await app.db
      .query('SELECT id FROM product WHERE project_id = $1', [delivered.projectId])
      .then((rows: { id: string }[]) => rows[0].id);
    const outletId = await createOutlet(retailer, city, { name: 'Zhang’s Mansion shop' });
    const folkOutlet = await createOutlet(retailer, city, {
      name: 'Folk lane kiosk',
      themes: ['FOLK_CULTURE'],
    });

    // Matching: the product fits the palace/heritage outlet, not the folk one.
    const { products } = await retailer.gql.data<{
      products: { edges: { node: { id: string } }[] };
    }>(
      'query($outletId: ID!) { products(first: 100, filter: { matchingOutletId: $outletId }) { edges { node { id } } } }',
      { outletId },
    );
    expect(products.edges.map((edge) => edge.node.id)).toContain(productId);
    const folk = await retailer.gql.data<{ products: { edges: { node: { id: string } }[] } }>(
      'query($outletId: ID!) { products(first: 100, filter: { matchingOutletId: $outletId }) { edges { node { id } } } }',
      { outletId: folkOutlet },
    );
    expect(folk.products.edges.map((edge) => edge.node.id)).not.toContain(productId);

    // Bad terms, each named.
    const noPrice = await lead.gql.request(OFFER, {
      input: { productId, outletId, terms: { type: 'WHOLESALE' } },
    });
    expect(noPrice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TERMS',
      fieldErrors: [
        {
          field: 'terms.wholesaleUnitPriceFen',
          message: 'WHOLESALE terms need a unit price in whole fen between 1 and 100000000',
        },
      ],
    });
    const badSplit = await lead.gql.request(OFFER, {
      input: {
        productId,
        outletId,
        terms: consignment(3330),
        royaltySplit: [
          { userId: lead.id, shareBp: 5000 },
          { userId: retailer.id, shareBp: 4000 },
        ],
      },
    });
    expect(badSplit.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ROYALTY_SPLIT',
      fieldErrors: [
        {
          field: 'royaltySplit.1.userId',
          message: `${retailer.id} is not one of the project's owners (the team's members)`,
        },
        {
          field: 'royaltySplit',
          message: 'the shares add up to 9000 basis points; they must add up to exactly 10000',
        },
      ],
    });
    const tooMuch = await lead.gql.request(OFFER, {
      input: { productId, outletId, terms: consignment(10_001) },
    });
    expect(fieldErrors(tooMuch)).toEqual([
      {
        field: 'terms.consignmentCommissionBp',
        message:
          "CONSIGNMENT terms need the retailer's commission in basis points, 0 to 10000 (33.3% is 3330)",
      },
    ]);
    const heritageWithoutOwner = await lead.gql.request(OFFER, {
      input: { productId, outletId, terms: consignment(3330), heritageRoyaltyBp: 500 },
    });
    expect(fieldErrors(heritageWithoutOwner)).toEqual([
      {
        field: 'heritageOwnerOrganizationId',
        message: 'a heritage royalty needs the organization that owns the heritage IP',
      },
    ]);

    // Offer: consignment at 33.3%, equal split among the three members by default.
    const offered = await offerPlacement(lead, {
      productId,
      outletId,
      terms: consignment(3330),
      note: 'Launch at the palace shop',
    });
    expect(offered).toMatchObject({
      state: 'OFFERED',
      initiatedBy: 'MAKERS',
      termsType: 'CONSIGNMENT',
      consignmentCommissionBp: 3330,
      wholesaleUnitPriceFen: null,
      royaltySplit: [
        { userId: lead.id, shareBp: 3334 },
        { userId: second.id, shareBp: 3333 },
        { userId: third.id, shareBp: 3333 },
      ],
      viewerActions: ['WITHDRAW'],
      activatedAt: null,
    });
    const twice = await third.gql.request(OFFER, {
      input: { productId, outletId, terms: wholesale(5000) },
    });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PLACEMENT_ALREADY_OPEN',
    });

    const retailerView = await retailer.gql.data<{ placement: PlacementView }>(PLACEMENT, {
      id: offered.id,
    });
    expect(retailerView.placement.viewerActions.sort()).toEqual(['ACCEPT', 'DECLINE']);
    const hidden = await otherRetailer.gql.request(PLACEMENT, { id: offered.id });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const strangerAccept = await otherRetailer.gql.request(ACCEPT, { id: offered.id });
    expect(strangerAccept.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const ownAccept = await second.gql.request(ACCEPT, { id: offered.id });
    expect(ownAccept.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_PLACEMENT_PARTY',
    });
    const retailerSetsSplit = await retailer.gql.request(ACCEPT, {
      id: offered.id,
      input: { royaltySplit: [{ userId: lead.id, shareBp: 10_000 }] },
    });
    expect(fieldErrors(retailerSetsSplit)).toEqual([
      {
        field: 'royaltySplit',
        message: 'set by the makers, not by the retailer accepting their offer',
      },
    ]);

    const active = await acceptPlacement(retailer, offered.id);
    expect(active).toMatchObject({ state: 'ACTIVE', viewerActions: ['END'] });
    expect(active.activatedAt).not.toBeNull();
    const [project] = await app.db.query('SELECT state FROM project WHERE id = $1', [
      delivered.projectId,
    ]);
    expect(project.state).toBe('IN_MARKET');

    const acceptAgain = await retailer.gql.request(ACCEPT, { id: offered.id });
    expect(acceptAgain.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_PLACEMENT_TRANSITION',
      currentState: 'ACTIVE',
      allowedActions: ['END'],
    });

    const ended = await retailer.gql.data<{ endPlacement: PlacementView }>(END, {
      id: offered.id,
      reason: 'Season over',
    });
    expect(ended.endPlacement).toMatchObject({
      state: 'ENDED',
      closingReason: 'Season over',
      viewerActions: [],
    });
    const endAgain = await lead.gql.request(END, { id: offered.id });
    expect(endAgain.errors?.[0].extensions?.reason).toBe('ILLEGAL_PLACEMENT_TRANSITION');

    // The retailer asks for it under wholesale terms: withdraw, ask again, declined, ask again, accepted.
    const terms = wholesale(6_000);
    const request = async () =>
      (
        await retailer.gql.data<{ requestPlacement: PlacementView }>(REQUEST, {
          input: { productId, outletId, terms },
        })
      ).requestPlacement;
    const asked = await request();
    expect(asked).toMatchObject({
      state: 'REQUESTED',
      initiatedBy: 'RETAILER',
      termsType: 'WHOLESALE',
      wholesaleUnitPriceFen: 6000,
      royaltySplit: null,
      viewerActions: ['WITHDRAW'],
    });
    const makerWithdraws = await lead.gql.request(WITHDRAW, { id: asked.id });
    expect(makerWithdraws.errors?.[0].extensions?.reason).toBe('NOT_PLACEMENT_PARTY');
    expect(
      (await retailer.gql.data<{ withdrawPlacement: PlacementView }>(WITHDRAW, { id: asked.id }))
        .withdrawPlacement.state,
    ).toBe('WITHDRAWN');

    const askedAgain = await request();
    const declined = await third.gql.data<{ declinePlacement: PlacementView }>(DECLINE, {
      id: askedAgain.id,
      reason: 'Price too low',
    });
    expect(declined.declinePlacement).toMatchObject({
      state: 'DECLINED',
      closingReason: 'Price too low',
    });

    const museum = await factory.retailer('Shenyang Imperial Palace Museum');
    const third_ = await request();
    const badHeritage = await lead.gql.request(ACCEPT, {
      id: third_.id,
      input: {
        heritageOwnerOrganizationId: '00000000-0000-4000-8000-000000000000',
        heritageRoyaltyBp: 800,
      },
    });
    expect(fieldErrors(badHeritage)).toEqual([
      {
        field: 'heritageOwnerOrganizationId',
        message: 'Organization 00000000-0000-4000-8000-000000000000 does not exist',
      },
    ]);
    const accepted = await acceptPlacement(lead, third_.id, {
      royaltySplit: [
        { userId: lead.id, shareBp: 5000 },
        { userId: second.id, shareBp: 3000 },
        { userId: third.id, shareBp: 2000 },
      ],
      heritageOwnerOrganizationId: museum.organizationId,
      heritageRoyaltyBp: 800,
    });
    expect(accepted).toMatchObject({
      state: 'ACTIVE',
      royaltySplit: [
        { userId: lead.id, shareBp: 5000 },
        { userId: second.id, shareBp: 3000 },
        { userId: third.id, shareBp: 2000 },
      ],
      heritageOwnerOrganizationId: museum.organizationId,
      heritageRoyaltyBp: 800,
    });

    const listing = `query($filter: PlacementFilterInput!) { placements(first: 50, filter: $filter) { totalCount edges { node { id state } } } }`;
    const byProduct = await second.gql.data<{
      placements: { totalCount: number; edges: { node: { id: string; state: string } }[] };
    }>(listing, { filter: { productId } });
    expect(byProduct.placements.edges.map((edge) => edge.node.state)).toEqual([
      'ACTIVE',
      'DECLINED',
      'WITHDRAWN',
      'ENDED',
    ]);
    const byOrganization = await retailer.gql.data<{ placements: { totalCount: number } }>(
      listing,
      { filter: { organizationId: retailer.organizationId, state: 'ACTIVE' } },
    );
    expect(byOrganization.placements.totalCount).toBe(1);
    const notYours = await otherRetailer.gql.request(listing, { filter: { productId } });
    expect(notYours.errors?.[0].extensions?.reason).toBe('NOT_PRODUCT_OWNER');
    const noFilter = await retailer.gql.request(listing, { filter: {} });
    expect(fieldErrors(noFilter)).toEqual([
      {
        field: 'filter',
        message: 'name a productId you make, or an outletId or organizationId you belong to',
      },
    ]);
  });
});
