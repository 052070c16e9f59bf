import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { ProductionStage } from '../production/production-stage.enum';
import { ProductionService } from '../production/production.service';
import { ProjectService } from '../project/project.service';
import { ReviewInput } from './dto/review.input';
import { MarketplaceEvents } from '../marketplace-events';
import { ManufacturerRecords } from './manufacturer-record.repository';
import { Review, ReviewSide } from './review.entity';

@Injectable()
export class ReviewService {
  constructor(
    @InjectRepository(Review) private readonly reviews: Repository<Review>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly production: ProductionService,
    private readonly projects: ProjectService,
    private readonly access: AccessPolicy,
    private readonly records: ManufacturerRecords,
    private readonly events: MarketplaceEvents,
  ) {}

  /** After delivery, each side reviews the other once; owner reviews feed the manufacturer's rating. */
  async review(viewer: Viewer, orderId: string, input: ReviewInput): Promise<Review> {
    const order = await this.production.getVisible(viewer, orderId);
    if (order.stage !== ProductionStage.DELIVERED) {
      throw MarketplaceException.conflict(
        MarketplaceErrorCode.NOT_DELIVERED,
        `Reviews open after delivery; the order is at ${order.stage} (review it once it is DELIVERED)`,
        { currentStage: order.stage },
      );
    }
    const project = await this.projects.getVisible(viewer, order.projectId);
    const side = (await this.projects.isOwner(viewer, project))
      ? ReviewSide.PROJECT_OWNER
      : (await this.access.isOrganizationMember(viewer, order.organizationId))
        ? ReviewSide.MANUFACTURER
        : null;
    if (!side) {
      throw MarketplaceException.forbidden(
        MarketplaceErrorCode.NOT_ORDER_PARTY,
        "Only the two sides of an order review it: the project's owners and the manufacturer's members",
      );
    }
    let saved: Review;
    try {
      saved = await this.dataSource.transaction(async (manager) => {
        const review = await manager.save(
          manager.create(Review, { ...input, orderId, side, reviewerUserId: viewer.userId }),
        );
        if (side === ReviewSide.PROJECT_OWNER) {
          await this.records.addReview(
            manager,
            order.organizationId,
            input.quality + input.onTimeDelivery + input.communication,
          );
          await this.events.manufacturerRecordChanged(
            manager,
            order.organizationId,
            'review added',
          );
        }
        return review;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.ALREADY_REVIEWED,
          'Your side has already reviewed this order',
        );
      }
      throw error;
    }
    return saved;
  }
}
