import { SeededCity } from '../support/catalog.factory';
import { TestMember, TestUser } from '../support/identity.factory';

export const PRODUCT_FIELDS =
  'id sku name brand retailPriceFen unitsDelivered themes culturalResourceIds sellThrough { unitsSold unitsDelivered ratio }';
export const PLACEMENT_FIELDS = `id state initiatedBy termsType wholesaleUnitPriceFen consignmentCommissionBp
  royaltySplit { userId shareBp } heritageOwnerOrganizationId heritageRoyaltyBp viewerActions
  activatedAt closedAt closingReason unitsSold salesTotalFen`;

export interface PlacementView {
  id: string;
  state: string;
  initiatedBy: string;
  termsType: string;
  wholesaleUnitPriceFen: number | null;
  consignmentCommissionBp: number | null;
  royaltySplit: { userId: string; shareBp: number }[] | null;
  heritageOwnerOrganizationId: string | null;
  heritageRoyaltyBp: number;
  viewerActions: string[];
  activatedAt: string | null;
  closedAt: string | null;
  closingReason: string | null;
  unitsSold: number;
  salesTotalFen: number;
}

export async function createOutlet(
  retailer: TestMember,
  city: SeededCity,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { createOutlet } = await retailer.gql.data<{ createOutlet: { id: string } }>(
    'mutation($input: CreateOutletInput!) { createOutlet(input: $input) { id } }',
    {
      input: {
        organizationId: retailer.organizationId,
        name: 'Shenyang Imperial Palace shop',
        type: 'MUSEUM',
        districtId: city.districtId,
        address: '171 Shenyang Road',
        themes: ['INDUSTRIAL_HERITAGE', 'PALACE_QING_CULTURE'],
        averageMonthlyFootfall: 120_000,
        priceBandMinFen: 1_000,
        priceBandMaxFen: 50_000,
        ...overrides,
      },
    },
  );
  return createOutlet.id;
}

export async function createProduct(
  maker: TestUser,
  projectId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { createProduct } = await maker.gql.data<{ createProduct: { id: string } }>(
    'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }',
    {
      input: {
        projectId,
        name: 'Foundry bookends',
        brand: 'Tiexi Works',
        description: 'A pair of cast-iron bookends.',
        retailPriceFen: 12_800,
        ...overrides,
      },
    },
  );
  return createProduct.id;
}

export const consignment = (consignmentCommissionBp: number) => ({
  type: 'CONSIGNMENT',
  consignmentCommissionBp,
});
export const wholesale = (wholesaleUnitPriceFen: number) => ({
  type: 'WHOLESALE',
  wholesaleUnitPriceFen,
});

export async function offerPlacement(
  maker: TestUser,
  input: Record<string, unknown>,
): Promise<PlacementView> {
  const { offerPlacement } = await maker.gql.data<{ offerPlacement: PlacementView }>(
    `mutation($input: OfferPlacementInput!) { offerPlacement(input: $input) { ${PLACEMENT_FIELDS} } }`,
    { input },
  );
  return offerPlacement;
}

export async function acceptPlacement(
  user: TestUser,
  id: string,
  input?: Record<string, unknown>,
): Promise<PlacementView> {
  const { acceptPlacement } = await user.gql.data<{ acceptPlacement: PlacementView }>(
    `mutation($id: ID!, $input: MakersTermsInput) { acceptPlacement(id: $id, input: $input) { ${PLACEMENT_FIELDS} } }`,
    { id, input },
  );
  return acceptPlacement;
}

export const RECORD_SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { alreadyRecorded sale { id quantity unitPriceFen amountFen soldAt externalId placementId } }
}`;
