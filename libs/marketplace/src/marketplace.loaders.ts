import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { BidAccess } from './bid/bid-access';
import { MarketplaceException } from './marketplace.exception';
import { ProductionMilestone } from './production/production-milestone.entity';
import { ProductionOrder } from './production/production-order.entity';
import { Project } from './project/project.entity';
import { ProjectState } from './project/project-state';
import { Review } from './review/review.entity';

/**
 * Per-request batch loaders of the marketplace: one statement per relation and request, whatever
 * the page size. Other domains reuse `visibleProject` and `orderOfProject`.
 */
@Injectable()
export class MarketplaceLoaders {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(ProductionOrder) private readonly orders: Repository<ProductionOrder>,
    @InjectRepository(ProductionMilestone)
    private readonly milestones: Repository<ProductionMilestone>,
    @InjectRepository(Review) private readonly reviews: Repository<Review>,
    private readonly bidAccess: BidAccess,
  ) {}

  project(loaders: LoaderRegistry): DataLoader<string, Project | null> {
    return loaders.get('marketplace.projectById', async (ids: readonly string[]) =>
      byKeys(ids, await this.projects.findBy({ id: In([...ids]) }), (project) => project.id),
    );
  }

  /** As ProjectService.getVisible: a draft is visible to its owners only. */
  async visibleProject(
    loaders: LoaderRegistry,
    viewer: Viewer | undefined,
    id: string,
  ): Promise<Project> {
    const project = await this.project(loaders).load(id);
    if (!project) throw MarketplaceException.projectNotFound(id);
    if (
      project.state === ProjectState.DRAFT &&
      !(await this.bidAccess.ownsProject(loaders, viewer, project))
    ) {
      throw MarketplaceException.projectNotFound(id);
    }
    return project;
  }

  orderOfBid(loaders: LoaderRegistry): DataLoader<string, ProductionOrder | null> {
    return loaders.get('marketplace.orderByBid', async (ids: readonly string[]) =>
      byKeys(ids, await this.orders.findBy({ bidId: In([...ids]) }), (order) => order.bidId),
    );
  }

  /** Keys are project ids; a project has at most one production order. */
  orderOfProject(loaders: LoaderRegistry): DataLoader<string, ProductionOrder | null> {
    return loaders.get('marketplace.orderByProject', async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.orders.findBy({ projectId: In([...ids]) }),
        (order) => order.projectId,
      ),
    );
  }

  /** Each order's milestones, oldest first. */
  milestonesOfOrder(loaders: LoaderRegistry): DataLoader<string, ProductionMilestone[]> {
    return loaders.get('marketplace.milestonesByOrder', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.milestones.find({
          where: { orderId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
        (milestone) => milestone.orderId,
      ),
    );
  }

  /** Each order's reviews, oldest first. */
  reviewsOfOrder(loaders: LoaderRegistry): DataLoader<string, Review[]> {
    return loaders.get('marketplace.reviewsByOrder', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.reviews.find({
          where: { orderId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
        (review) => review.orderId,
      ),
    );
  }
}
