import { periodOf, previousPeriod } from '@cc/impact';
import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject, teamOf } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
  wholesale,
} from './retail-test-kit';

const STATEMENT = `query($partyId: ID!, $period: String!) {
  settlementStatement(partyId: $partyId, period: $period) {
    partyId partyKind period salesTotalFen retailerKeptFen makersProceedsFen heritageRoyaltyFen
    talentRoyaltiesFen partyAmountFen roundingRule csv
    lines { role placementId productSku termsType unitsSold salesCount salesTotalFen retailerKeptFen
      makersProceedsFen heritageRoyaltyFen partyAmountFen talentRoyalties { userId shareBp amountFen } }
  }
}`;

interface Line {
  role: string;
  placementId: string;
  unitsSold: number;
  salesCount: number;
  salesTotalFen: number;
  retailerKeptFen: number;
  makersProceedsFen: number;
  heritageRoyaltyFen: number;
  partyAmountFen: number;
  talentRoyalties: { userId: string; shareBp: number; amountFen: number }[];
}

interface Statement {
  partyKind: string;
  period: string;
  salesTotalFen: number;
  retailerKeptFen: number;
  makersProceedsFen: number;
  heritageRoyaltyFen: number;
  talentRoyaltiesFen: number;
  partyAmountFen: number;
  roundingRule: string;
  csv: string;
  lines: Line[];
}

describe('retail: settlement statements', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let talents: TestUser[];
  let teamId: string;
  let retailer: TestMember;
  let wholesaler: TestMember;
  let museum: TestMember;
  let consignmentId: string;
  let wholesaleId: string;
  let productId: string;
  const period = periodOf(new Date()).key;

  const statement = async (user: TestUser, partyId: string, of = period) =>
    (await user.gql.data<{ settlementStatement: Statement }>(STATEMENT, { partyId, period: of }))
      .settlementStatement;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    talents = await Promise.all([factory.talent(), factory.talent(), factory.talent()]);
    teamId = await teamOf(talents[0], talents.slice(1));
    const delivered = await deliveredProject(factory, city, {
      owner: talents[0],
      teamId,
      quantity: 1000,
    });
    [retailer, wholesaler, museum] = await Promise.all([
      factory.retailer(),
      factory.retailer(),
      factory.retailer('Shenyang Imperial Palace Museum'),
    ]);
    productId = await createProduct(talents[1], delivered.projectId, {
      name: 'Fuyun bookmark',
      brand: 'Fuyun',
    });
    const outletId = await createOutlet(retailer, city);
    const wholesaleOutlet = await createOutlet(wholesaler, city, { name: 'Middle Street store' });

    // 3 talents, equal split (3334/3333/3333), 33.3% commission, 7.77% heritage royalty.
    const offered = await offerPlacement(talents[0], {
      productId,
      outletId,
      terms: consignment(3330),
      heritageOwnerOrganizationId: museum.organizationId,
      heritageRoyaltyBp: 777,
    });
    consignmentId = (await acceptPlacement(retailer, offered.id)).id;
    const wholesaleOffer = await offerPlacement(talents[2], {
      productId,
      outletId: wholesaleOutlet,
      terms: wholesale(6_001),
      royaltySplit: [
        { userId: talents[0].id, shareBp: 1 },
        { userId: talents[1].id, shareBp: 4_999 },
        { userId: talents[2].id, shareBp: 5_000 },
      ],
    });
    wholesaleId = (await acceptPlacement(wholesaler, wholesaleOffer.id)).id;

    const record = (
      by: TestMember,
      outlet: string,
      quantity: number,
      unitPrice: number,
      id: string,
    ) =>
      by.gql.data(RECORD_SALE, {
        input: {
          outletId: outlet,
          productId,
          quantity,
          unitPrice,
          soldAt: new Date().toISOString(),
          externalId: id,
        },
      });
    await record(retailer, outletId, 7, 9_999, 'C-1');
    await record(retailer, outletId, 3, 1, 'C-2');
    await record(retailer, outletId, 1, 12_345, 'C-3');
    await record(retailer, outletId, 13, 777, 'C-4');
    await record(wholesaler, wholesaleOutlet, 3, 9_999, 'W-1');
    await record(wholesaler, wholesaleOutlet, 2, 5_000, 'W-2');
  });

  afterAll(() => app.close());

  it('shares awkward numbers exactly: 3 talents, 33.3% commission, a heritage royalty', async () => {
    const retailerView = await statement(retailer, retailer.organizationId);
    expect(retailerView).toMatchObject({
      partyKind: 'ORGANIZATION',
      period,
      // 7×9999 + 3×1 + 1×12345 + 13×777
      salesTotalFen: 92_442,
      // exact 30 783.186 · 4 790.89 · 18 959.77 · 18 954.08 · 18 954.08
      retailerKeptFen: 30_783,
      makersProceedsFen: 61_659,
      heritageRoyaltyFen: 4_791,
      talentRoyaltiesFen: 56_868,
      partyAmountFen: 30_783,
    });
    expect(retailerView.lines).toHaveLength(1);
    expect(retailerView.lines[0]).toMatchObject({
      role: 'RETAILER',
      placementId: consignmentId,
      unitsSold: 24,
      salesCount: 4,
      talentRoyalties: [
        { userId: talents[0].id, shareBp: 3334, amountFen: 18_960 },
        { userId: talents[1].id, shareBp: 3333, amountFen: 18_954 },
        { userId: talents[2].id, shareBp: 3333, amountFen: 18_954 },
      ],
    });
    expect(retailerView.roundingRule).toMatch(/largest-remainder/);

    // Every party's own statement, fetched separately, adds up to the sales total.
    const heritage = await statement(museum, museum.organizationId);
    expect(heritage.lines.map((line) => [line.role, line.partyAmountFen])).toEqual([
      ['HERITAGE_OWNER', 4_791],
    ]);
    const talentViews = await Promise.all(talents.map((talent) => statement(talent, talent.id)));
    const talentConsignment = talentViews.map(
      (view) => view.lines.find((line) => line.placementId === consignmentId)!.partyAmountFen,
    );
    expect(talentConsignment).toEqual([18_960, 18_954, 18_954]);
    expect(
      retailerView.partyAmountFen +
        heritage.partyAmountFen +
        talentConsignment.reduce((sum, amount) => sum + amount, 0),
    ).toBe(92_442);
  });

  it('pays wholesale per unit, and the team sees its proceeds across outlets', async () => {
    const wholesalerView = await statement(wholesaler, wholesaler.organizationId);
    // 3×9999 + 2×5000 = 39 997; the makers get 5 × 6001 = 30 005.
    expect(wholesalerView).toMatchObject({
      salesTotalFen: 39_997,
      retailerKeptFen: 9_992,
      makersProceedsFen: 30_005,
      heritageRoyaltyFen: 0,
      talentRoyaltiesFen: 30_005,
    });
    // 30 005 × (1, 4999, 5000)/10000 = 3.0005, 14 999.4995, 15 002.5: the leftover fen goes to .5
    expect(wholesalerView.lines[0].talentRoyalties.map((talent) => talent.amountFen)).toEqual([
      3, 14_999, 15_003,
    ]);

    const team = await statement(talents[2], teamId);
    expect(team.partyKind).toBe('TEAM');
    expect(team.lines.map((line) => line.role)).toEqual(['MAKERS', 'MAKERS']);
    expect(team.partyAmountFen).toBe(61_659 + 30_005);
    expect(team.salesTotalFen).toBe(92_442 + 39_997);
    expect(team.retailerKeptFen + team.heritageRoyaltyFen + team.talentRoyaltiesFen).toBe(
      team.salesTotalFen,
    );

    const talentTotals = await Promise.all(
      talents.map(async (talent) => (await statement(talent, talent.id)).partyAmountFen),
    );
    expect(talentTotals).toEqual([18_960 + 3, 18_954 + 14_999, 18_954 + 15_003]);
  });

  it('exports the statement as CSV with a total row, every text cell quoted', async () => {
    const view = await statement(wholesaler, wholesaler.organizationId);
    const rows = view.csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'role,placement_id,product_sku,product_name,outlet_name,terms,units_sold,sales_total_fen,retailer_kept_fen,makers_proceeds_fen,heritage_royalty_fen,talent_royalties_fen,party_amount_fen',
    );
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(
      new RegExp(
        `^"RETAILER","${wholesaleId}","CC-[0-9A-F]+","Fuyun bookmark","Middle Street store","WHOLESALE 6001 fen/unit",5,39997,9992,30005,0,30005,9992$`,
      ),
    );
    expect(rows[2]).toBe(`"TOTAL","","","","","${period}",5,39997,9992,30005,0,30005,9992`);
  });

  it('shows an empty statement for a period without sales', async () => {
    const earlier = previousPeriod(periodOf(new Date())).key;
    const view = await statement(retailer, retailer.organizationId, earlier);
    expect(view).toMatchObject({ period: earlier, lines: [], salesTotalFen: 0, partyAmountFen: 0 });
  });

  it('shows a statement only to its party, and names a bad period', async () => {
    const peek = await talents[0].gql.request(STATEMENT, { partyId: talents[1].id, period });
    expect(peek.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_STATEMENT',
    });
    const otherOrg = await wholesaler.gql.request(STATEMENT, {
      partyId: retailer.organizationId,
      period,
    });
    expect(otherOrg.errors?.[0].extensions?.reason).toBe('NOT_YOUR_STATEMENT');
    const outsiderTeam = await retailer.gql.request(STATEMENT, { partyId: teamId, period });
    expect(outsiderTeam.errors?.[0].extensions?.reason).toBe('NOT_YOUR_STATEMENT');
    const badPeriod = await retailer.gql.request(STATEMENT, {
      partyId: retailer.organizationId,
      period: '2026-Q5',
    });
    expect(badPeriod.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_PERIOD',
      fieldErrors: [
        {
          field: 'period',
          message:
            '"2026-Q5" is not a period: use a quarter (2026-Q3), a month (2026-09) or a year (2026)',
        },
      ],
    });
    const nobody = await retailer.gql.request(STATEMENT, {
      partyId: '00000000-0000-4000-8000-000000000000',
      period,
    });
    expect(nobody.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PARTY_NOT_FOUND',
    });
    const admin = await factory.admin();
    expect((await statement(admin, retailer.organizationId)).salesTotalFen).toBe(92_442);
  });

  // Issue #11: `Bookmark;=1+1` was written unquoted, a formula to a spreadsheet splitting on ;.
  it('defuses a formula after a ; in a name of the export (runs last: it renames the product)', async () => {
    await talents[1].gql.data(
      'mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { id } }',
      { id: productId, input: { name: 'Bookmark;=1+1' } },
    );
    const rows = (await statement(wholesaler, wholesaler.organizationId)).csv.split('\r\n');
    expect(rows[1]).toContain(`,"Bookmark;'=1+1",`);
  });
});
