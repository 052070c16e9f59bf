import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { CatalogService } from '@cc/catalog';
import { Connection, FieldError, LoaderRegistry, paginate } from '@cc/graphql';
import { IdentityLoaders, OrganizationKind } from '@cc/identity';
import { Product } from '../product/product.entity';
import { RetailAccess } from '../retail-access';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { CreateOutletInput, UpdateOutletInput } from './dto/outlet.inputs';
import { OutletsArgs } from './dto/outlets.args';
import { Outlet } from './outlet.entity';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter } from '@cc/queue';

@Injectable()
export class OutletService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Outlet) private readonly outlets: Repository<Outlet>,
    @InjectRepository(Product) private readonly products: Repository<Product>,
    private readonly catalog: CatalogService,
    private readonly identity: IdentityLoaders,
    private readonly policy: AccessPolicy,
    private readonly access: RetailAccess,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Saves the outlet and tells matching (which keeps a copy of each outlet) in one transaction,
   * so the event commits exactly when the change does.
   */
  private save(outlet: Outlet, reason: string): Promise<Outlet> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(outlet);
      await this.outbox.addAll(manager, [matchingChanged(MatchSubject.OUTLET, saved.id, reason)]);
      return saved;
    });
  }

  async create(viewer: Viewer, input: CreateOutletInput): Promise<Outlet> {
    await this.policy.assertOrganizationMember(viewer, input.organizationId);
    const organization = await this.identity
      .organization(new LoaderRegistry())
      .load(input.organizationId);
    if (organization?.kind !== OrganizationKind.RETAILER) {
      throw RetailException.invalid(
        RetailErrorCode.NOT_A_RETAILER,
        'organizationId',
        'Outlets belong to RETAILER organizations',
      );
    }
    assertPriceBand(input.priceBandMinFen, input.priceBandMaxFen);
    const cityId = await this.cityOfDistrict(input.districtId);
    return this.save(
      this.outlets.create({ ...input, themes: [...new Set(input.themes)], cityId }),
      'outlet created',
    );
  }

  async update(viewer: Viewer, id: string, input: UpdateOutletInput): Promise<Outlet> {
    const outlet = await this.get(id);
    await this.access.assertOutletMember(viewer, outlet);
    assertPriceBand(
      input.priceBandMinFen ?? outlet.priceBandMinFen,
      input.priceBandMaxFen ?? outlet.priceBandMaxFen,
    );
    if (input.districtId) outlet.cityId = await this.cityOfDistrict(input.districtId);
    Object.assign(outlet, input);
    if (input.themes) outlet.themes = [...new Set(input.themes)];
    return this.save(outlet, 'outlet updated');
  }

  async get(id: string): Promise<Outlet> {
    const outlet = await this.outlets.findOneBy({ id });
    if (!outlet) throw RetailException.notFound(RetailErrorCode.OUTLET_NOT_FOUND, 'Outlet', id);
    return outlet;
  }

  async list({ filter = {}, ...page }: OutletsArgs): Promise<Connection<Outlet>> {
    const query = this.outlets.createQueryBuilder('outlet');
    if (filter.cityId) query.andWhere('outlet.city_id = :cityId', { cityId: filter.cityId });
    if (filter.districtId) {
      query.andWhere('outlet.district_id = :districtId', { districtId: filter.districtId });
    }
    if (filter.organizationId) {
      query.andWhere('outlet.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.type) query.andWhere('outlet.type = :type', { type: filter.type });
    if (filter.theme) query.andWhere(':theme = ANY(outlet.themes)', { theme: filter.theme });
    if (filter.matchingProductId) {
      const product = await this.products.findOneBy({ id: filter.matchingProductId });
      if (!product) {
        throw RetailException.invalid(
          RetailErrorCode.PRODUCT_NOT_FOUND,
          'filter.matchingProductId',
          `Product ${filter.matchingProductId} was not found`,
        );
      }
      query
        .andWhere('outlet.themes && CAST(:themes AS cultural_resource_kind[])', {
          themes: product.themes,
        })
        .andWhere(':price BETWEEN outlet.price_band_min_fen AND outlet.price_band_max_fen', {
          price: product.retailPriceFen,
        });
    }
    return paginate(query, page, {
      column: 'outlet.name',
      direction: 'ASC',
      valueOf: (outlet) => outlet.name,
    });
  }

  private async cityOfDistrict(districtId: string): Promise<string> {
    const [district] = await this.catalog.districtsByIds([districtId]);
    if (!district) {
      throw RetailException.invalid(
        RetailErrorCode.UNKNOWN_DISTRICT,
        'districtId',
        `District ${districtId} does not exist`,
      );
    }
    return district.cityId;
  }
}

function assertPriceBand(min: number, max: number): void {
  if (min > max) {
    const errors: FieldError[] = [
      {
        field: 'priceBandMaxFen',
        message: `the price band's highest price (${max}) is below its lowest (${min})`,
      },
    ];
    throw RetailException.invalidFields(RetailErrorCode.INVALID_PRICE_BAND, errors);
  }
}
