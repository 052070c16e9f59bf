import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
} from '../retail/retail-test-kit';
import { SeededCity } from './catalog.factory';
import { IdentityFactory, TestMember, TestUser } from './identity.factory';
import { deliveredProject } from './marketplace.factory';
import { TestApp } from './test-app';

/** A delivered product placed (consignment, accepted) at a retailer's outlet: ready to sell. */
export interface PlacedProduct {
  factory: IdentityFactory;
  city: SeededCity;
  /** The project's owner, who offered the placement. */
  owner: TestUser;
  projectId: string;
  retailer: TestMember;
  productId: string;
  outletId: string;
  placementId: string;
}

/**
 * The setup the sales, outbox and fault drills share: a project delivered with `quantity` units
 * (deliveredProject's default when unset),
 * its product, a retailer's outlet, and the product's placement there offered and accepted.
 */
export async function placedProduct(
  app: TestApp,
  options: { commissionBp: number; quantity?: number; city?: SeededCity; brand?: string },
): Promise<PlacedProduct> {
  const factory = new IdentityFactory(app);
  const city = options.city ?? (await factory.defaultCity());
  const delivered = await deliveredProject(factory, city, { quantity: options.quantity });
  const retailer = await factory.retailer();
  const productId = await createProduct(
    delivered.owner,
    delivered.projectId,
    options.brand ? { brand: options.brand } : {},
  );
  const outletId = await createOutlet(retailer, city);
  const offered = await offerPlacement(delivered.owner, {
    productId,
    outletId,
    terms: consignment(options.commissionBp),
  });
  await acceptPlacement(retailer, offered.id);
  return {
    factory,
    city,
    owner: delivered.owner,
    projectId: delivered.projectId,
    retailer,
    productId,
    outletId,
    placementId: offered.id,
  };
}

/** Uploads a sales CSV to an outlet as `uploader` (POST …/sales-imports); the raw answer. */
export function uploadSalesCsv(
  app: TestApp,
  uploader: { accessToken: string },
  outletId: string,
  csv: string,
  fileName = 'sales.csv',
): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), fileName);
  return fetch(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${uploader.accessToken}` },
    body: form,
  });
}
