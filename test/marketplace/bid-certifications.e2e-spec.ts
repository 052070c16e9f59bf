import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const SUBMIT = 'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }';
const ROW_FIELDS = '{ __type(name: "BidComparisonRow") { fields { name } } }';

/**
 * A required certification is required: a bid without it is refused with what would fix it,
 * so the comparison carries no certification columns that could only ever say "all held".
 */
describe('certifications in bids', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let owner: TestUser;
  let maker: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await seedCity(app.db, 1);
    [owner, maker] = await Promise.all([factory.talent(), factory.manufacturer()]);
  });

  afterAll(() => app.close());

  it('refuses a bid missing a required certification, naming the fix, then takes it', async () => {
    const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          title: 'Enamel badges',
          description: 'Cloisonné badges of the Shenyang Imperial Palace.',
          cityId: city.cityId,
          category: 'PRODUCT',
          culturalResourceIds: city.resourceIds,
          processes: ['METAL_CASTING'],
          materials: ['copper'],
          quantity: 1000,
          targetUnitCostFen: 900,
          requiredCertifications: ['ISO 9001'],
          bidDeadline: inDays(7),
          deliveryDeadline: inDays(60),
        },
      },
    );
    await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
      id: createProject.id,
    });
    const input = {
      projectId: createProject.id,
      organizationId: maker.organizationId,
      priceTiers: [{ minQuantity: 1, unitPriceFen: 850 }],
      moq: 1,
      leadTimeDays: 20,
      sampleCostFen: 0,
      note: '',
    };
    const refused = await maker.gql.request(SUBMIT, { input });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'This project requires certifications your organization does not list: ISO 9001; list them with updateManufacturerCapabilities to bid',
      extensions: { code: 'BAD_USER_INPUT', reason: 'MISSING_CERTIFICATION' },
    });

    await maker.gql.data(
      'mutation($input: UpdateManufacturerCapabilitiesInput!) { updateManufacturerCapabilities(input: $input) { organizationId } }',
      { input: { organizationId: maker.organizationId, certifications: ['iso 9001'] } },
    );
    expect((await maker.gql.request(SUBMIT, { input })).errors).toBeUndefined();
  });

  it('has no certification columns in the bid comparison', async () => {
    const { __type } = await owner.gql.data<{ __type: { fields: { name: string }[] } }>(ROW_FIELDS);
    const names = __type.fields.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['totalCostFen', 'meetsDeliveryDeadline']));
    expect(names).not.toContain('certificationCoverage');
    expect(names).not.toContain('missingCertifications');
  });
});
