import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { CatalogService, CulturalResourceKind } from '@cc/catalog';
import { containsPattern, isUniqueViolation } from '@cc/database';
import { Connection, paginate } from '@cc/graphql';
import { ProductionService, ProjectService, ProjectState } from '@cc/marketplace';
import { Outlet } from '../outlet/outlet.entity';
import { RetailAccess } from '../retail-access';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { CreateProductInput, UpdateProductInput } from './dto/product.inputs';
import { ProductsArgs } from './dto/products.args';
import { Product } from './product.entity';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter } from '@cc/queue';

@Injectable()
export class ProductService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Product) private readonly products: Repository<Product>,
    @InjectRepository(Outlet) private readonly outlets: Repository<Outlet>,
    private readonly projects: ProjectService,
    private readonly production: ProductionService,
    private readonly catalog: CatalogService,
    private readonly access: RetailAccess,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * A product from a project the viewer owns, once its production order has delivered units.
   * The project's city, owners and cultural resources (and their kinds) are copied onto it.
   */
  async create(viewer: Viewer, input: CreateProductInput): Promise<Product> {
    const project = await this.projects.getVisible(viewer, input.projectId);
    await this.access.assertMaker(viewer, project);
    if (project.state === ProjectState.CANCELLED || project.state === ProjectState.CLOSED) {
      throw RetailException.conflict(
        RetailErrorCode.PROJECT_NOT_DELIVERED,
        `The project is ${project.state}; a product needs a project that is not CANCELLED or CLOSED`,
        { projectState: project.state },
      );
    }
    const order = await this.production.orderOfProject(project.id);
    if (!order || order.quantityDelivered < 1) {
      throw RetailException.conflict(
        RetailErrorCode.PROJECT_NOT_DELIVERED,
        'A product needs a project whose production order has delivered at least one unit; record a delivery first (recordDelivery)',
        { unitsDelivered: order?.quantityDelivered ?? 0 },
      );
    }
    const resources = await this.catalog.culturalResourcesByIds(project.culturalResourceIds);
    const themes = [
      ...new Set(resources.map((resource) => resource.kind)),
    ].sort() as CulturalResourceKind[];
    try {
      return await this.save(
        this.products.create({
          projectId: project.id,
          sku: input.sku ?? `CC-${randomBytes(5).toString('hex').toUpperCase()}`,
          name: input.name,
          brand: input.brand,
          description: input.description ?? '',
          retailPriceFen: input.retailPriceFen,
          cityId: project.cityId,
          culturalResourceIds: project.culturalResourceIds,
          themes,
          ownerUserId: project.ownerUserId,
          ownerTeamId: project.ownerTeamId,
          createdByUserId: viewer.userId,
        }),
        'product created',
      );
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_product_project')) {
        throw RetailException.conflict(
          RetailErrorCode.PRODUCT_ALREADY_EXISTS,
          'This project already has its product; edit that one',
          { projectId: project.id },
        );
      }
      if (isUniqueViolation(error, 'UQ_product_sku')) {
        throw RetailException.invalid(
          RetailErrorCode.SKU_TAKEN,
          'sku',
          `SKU ${input.sku} is taken`,
        );
      }
      throw error;
    }
  }

  async update(viewer: Viewer, id: string, input: UpdateProductInput): Promise<Product> {
    const product = await this.get(id);
    await this.access.assertMaker(viewer, product);
    Object.assign(product, input);
    return this.save(product, 'product updated');
  }

  /**
   * Saves the product and tells matching (which keeps a copy of each product) in one
   * transaction, so the event commits exactly when the change does.
   */
  private save(product: Product, reason: string): Promise<Product> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(product);
      await this.outbox.addAll(manager, [matchingChanged(MatchSubject.PRODUCT, saved.id, reason)]);
      return saved;
    });
  }

  async get(id: string): Promise<Product> {
    const product = await this.products.findOneBy({ id });
    if (!product) throw RetailException.notFound(RetailErrorCode.PRODUCT_NOT_FOUND, 'Product', id);
    return product;
  }

  async list(
    viewer: Viewer | undefined,
    { filter = {}, ...page }: ProductsArgs,
  ): Promise<Connection<Product>> {
    const query = this.products.createQueryBuilder('product');
    if (filter.cityId) query.andWhere('product.city_id = :cityId', { cityId: filter.cityId });
    if (filter.theme) query.andWhere(':theme = ANY(product.themes)', { theme: filter.theme });
    if (filter.matchingOutletId) {
      const outlet = await this.outlets.findOneBy({ id: filter.matchingOutletId });
      if (!outlet) {
        throw RetailException.invalid(
          RetailErrorCode.OUTLET_NOT_FOUND,
          'filter.matchingOutletId',
          `Outlet ${filter.matchingOutletId} was not found`,
        );
      }
      query
        .andWhere('product.themes && CAST(:themes AS cultural_resource_kind[])', {
          themes: outlet.themes,
        })
        .andWhere('product.retail_price_fen BETWEEN :min AND :max', {
          min: outlet.priceBandMinFen,
          max: outlet.priceBandMaxFen,
        });
    }
    if (filter.text) {
      query.andWhere(
        '(product.name ILIKE :text OR product.brand ILIKE :text OR product.sku ILIKE :text)',
        { text: containsPattern(filter.text) },
      );
    }
    if (filter.mine) {
      // Team membership is identity's; it answers through the AccessPolicy.
      const teamIds = viewer ? await this.access.teamIdsOf(viewer) : [];
      query.andWhere(
        new Brackets((mine) =>
          mine
            .where('product.owner_user_id = :viewerId')
            .orWhere('product.owner_team_id = ANY(:teamIds)'),
        ),
        { viewerId: viewer?.userId ?? null, teamIds },
      );
    }
    return paginate(query, page, {
      column: 'product.created_at',
      direction: 'DESC',
      valueOf: (product) => product.createdAt.toISOString(),
    });
  }
}
