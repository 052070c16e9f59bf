import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders, OrganizationKind } from '@cc/identity';
import { MarketplaceNotifier } from '../marketplace-notifier';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { Project } from '../project/project.entity';
import { ProjectState } from '../project/project-state';
import { ACTIVE_BID_STATES, BidState } from './bid-state.enum';
import { BidRevision } from './bid-revision.entity';
import { Bid } from './bid.entity';
import { BidTermsInput, SubmitBidInput } from './dto/bid.inputs';
import { duplicateTierQuantities } from './price-tier';

/** Submitting, revising and withdrawing sealed bids. Awarding lives in BidAwardService. */
@Injectable()
export class BidService {
  constructor(
    @InjectRepository(Bid) private readonly bids: Repository<Bid>,
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly identity: IdentityLoaders,
    private readonly notifier: MarketplaceNotifier,
  ) {}

  async submit(viewer: Viewer, input: SubmitBidInput): Promise<Bid> {
    await this.access.assertOrganizationMember(viewer, input.organizationId);
    const project = await this.projects.findOneBy({ id: input.projectId });
    if (!project || project.state === ProjectState.DRAFT)
      throw MarketplaceException.projectNotFound(input.projectId);
    assertOpenForBids(project);
    await this.assertQualified(input.organizationId, project);
    assertTerms(input);

    const { projectId, organizationId, ...terms } = input;
    let bid: Bid;
    try {
      bid = await this.dataSource.transaction(async (manager) => {
        const bid = await manager.save(
          manager.create(Bid, {
            ...terms,
            projectId,
            organizationId,
            submittedByUserId: viewer.userId,
            revision: 1,
          }),
        );
        await manager.insert(BidRevision, { bidId: bid.id, revision: 1, ...terms });
        return bid;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_bid_one_active_per_organization')) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.ALREADY_BID,
          'Your organization already has a live bid on this project; revise it instead',
        );
      }
      throw error;
    }
    await this.notifier.bidSubmitted(project, bid);
    return bid;
  }

  async revise(viewer: Viewer, bidId: string, terms: BidTermsInput): Promise<Bid> {
    const bid = await this.getOwnBid(viewer, bidId);
    assertActive(bid);
    assertOpenForBids(await this.projects.findOneByOrFail({ id: bid.projectId }));
    assertTerms(terms);
    return this.dataSource.transaction(async (manager) => {
      const revision = bid.revision + 1;
      const moved = await manager.update(
        Bid,
        { id: bid.id, revision: bid.revision, state: In([...ACTIVE_BID_STATES]) },
        { ...terms, revision, state: BidState.REVISED },
      );
      if (!moved.affected) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.BID_NOT_ACTIVE,
          'The bid changed meanwhile; reload it',
        );
      }
      await manager.insert(BidRevision, { bidId: bid.id, revision, ...terms });
      return manager.findOneByOrFail(Bid, { id: bid.id });
    });
  }

  async withdraw(viewer: Viewer, bidId: string): Promise<Bid> {
    const bid = await this.getOwnBid(viewer, bidId);
    assertActive(bid);
    const moved = await this.bids.update(
      { id: bid.id, state: In([...ACTIVE_BID_STATES]) },
      { state: BidState.WITHDRAWN },
    );
    if (!moved.affected) assertActive(await this.bids.findOneByOrFail({ id: bid.id }));
    return this.bids.findOneByOrFail({ id: bid.id });
  }

  /** The bid, when the viewer is a member of the bidding organization. */
  async getOwnBid(viewer: Viewer, bidId: string): Promise<Bid> {
    const bid = await this.bids.findOneBy({ id: bidId });
    if (!bid) throw MarketplaceException.bidNotFound(bidId);
    if (!(await this.access.isOrganizationMember(viewer, bid.organizationId))) {
      // Sealed: a stranger learns nothing, not even that the bid exists.
      throw MarketplaceException.bidNotFound(bidId);
    }
    return bid;
  }

  private async assertQualified(organizationId: string, project: Project): Promise<void> {
    const loaders = new LoaderRegistry();
    const [organization, capability] = await Promise.all([
      this.identity.organization(loaders).load(organizationId),
      this.identity.capabilitiesOf(loaders).load(organizationId),
    ]);
    if (organization?.kind !== OrganizationKind.MANUFACTURER) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.NOT_A_MANUFACTURER,
        'organizationId',
        'Only a manufacturer organization can bid',
      );
    }
    const held = new Set(
      (capability?.certifications ?? []).map((name) => name.trim().toLowerCase()),
    );
    const missing = project.requiredCertifications.filter(
      (name) => !held.has(name.trim().toLowerCase()),
    );
    if (missing.length) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.MISSING_CERTIFICATION,
        'organizationId',
        `This project requires certifications your organization does not list: ${missing.join(', ')}; list them with updateManufacturerCapabilities to bid`,
      );
    }
  }
}

function assertOpenForBids(project: Project): void {
  if (project.state !== ProjectState.OPEN_FOR_BIDS) {
    throw MarketplaceException.conflict(
      MarketplaceErrorCode.ILLEGAL_TRANSITION,
      `Bidding needs the project to be OPEN_FOR_BIDS (it is ${project.state})`,
      { currentState: project.state, requiredStates: [ProjectState.OPEN_FOR_BIDS] },
    );
  }
  if (project.bidDeadline.getTime() <= Date.now()) {
    throw MarketplaceException.conflict(
      MarketplaceErrorCode.BID_DEADLINE_PASSED,
      `Bidding closed at ${project.bidDeadline.toISOString()}; bids are taken only before the bid deadline`,
      { bidDeadline: project.bidDeadline.toISOString() },
    );
  }
}

function assertActive(bid: Bid): void {
  if (!ACTIVE_BID_STATES.includes(bid.state)) {
    throw MarketplaceException.conflict(
      MarketplaceErrorCode.BID_NOT_ACTIVE,
      `The bid is ${bid.state}; only a ${ACTIVE_BID_STATES.join(' or ')} bid can change (submit a new one if the project is still open)`,
      {
        currentState: bid.state,
      },
    );
  }
}

function assertTerms(terms: BidTermsInput): void {
  const duplicates = duplicateTierQuantities(terms.priceTiers);
  if (duplicates.length) {
    throw MarketplaceException.invalid(
      MarketplaceErrorCode.DUPLICATE_PRICE_TIER,
      'priceTiers',
      `Two price tiers start at the same quantity: ${duplicates.join(', ')}`,
    );
  }
}
