import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { groupByKeys, LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { Project } from '../project/project.entity';
import { BidRevision } from './bid-revision.entity';
import { Bid } from './bid.entity';

/**
 * The one place that decides who sees which bids: a project's owners see all its bids, a
 * manufacturer's members see their organization's bids, nobody else sees any. Every path that
 * reaches a bid (project.bids, project.myBid, bid, myBids, bidComparison) goes through here, with
 * per-request loaders so a list of projects costs a fixed number of queries.
 */
@Injectable()
export class BidAccess {
  constructor(
    @InjectRepository(Bid) private readonly bids: Repository<Bid>,
    @InjectRepository(BidRevision) private readonly revisions: Repository<BidRevision>,
    private readonly identity: IdentityLoaders,
  ) {}

  async organizationIdsOf(
    loaders: LoaderRegistry,
    viewer: Viewer | undefined,
  ): Promise<Set<string>> {
    if (!viewer) return new Set();
    const memberships = await this.identity.membershipsOfUser(loaders).load(viewer.userId);
    return new Set(memberships.map((membership) => membership.organizationId));
  }

  async ownsProject(
    loaders: LoaderRegistry,
    viewer: Viewer | undefined,
    project: Project,
  ): Promise<boolean> {
    if (!viewer) return false;
    if (project.ownerUserId === viewer.userId) return true;
    if (!project.ownerTeamId) return false;
    const members = await this.identity.teamMembers(loaders).load(project.ownerTeamId);
    return members.some((member) => member.userId === viewer.userId);
  }

  /** The bids on a project that this viewer may see. */
  async visibleBids(
    loaders: LoaderRegistry,
    viewer: Viewer | undefined,
    project: Project,
  ): Promise<Bid[]> {
    if (!viewer) return [];
    const bids = await this.bidsOfProject(loaders, project.id);
    if (await this.ownsProject(loaders, viewer, project)) return bids;
    const organizations = await this.organizationIdsOf(loaders, viewer);
    return bids.filter((bid) => organizations.has(bid.organizationId));
  }

  async canSee(
    loaders: LoaderRegistry,
    viewer: Viewer | undefined,
    bid: Bid,
    project: Project,
  ): Promise<boolean> {
    if (!viewer) return false;
    if ((await this.organizationIdsOf(loaders, viewer)).has(bid.organizationId)) return true;
    return this.ownsProject(loaders, viewer, project);
  }

  bidsOfProject(loaders: LoaderRegistry, projectId: string): Promise<Bid[]> {
    return loaders
      .get('marketplace.bidsByProject', async (ids: readonly string[]) =>
        groupByKeys(
          ids,
          await this.bids.find({ where: { projectId: In([...ids]) }, order: { createdAt: 'ASC' } }),
          (bid) => bid.projectId,
        ),
      )
      .load(projectId);
  }

  revisionsOf(loaders: LoaderRegistry, bidId: string): Promise<BidRevision[]> {
    return loaders
      .get('marketplace.revisionsByBid', async (ids: readonly string[]) =>
        groupByKeys(
          ids,
          await this.revisions.find({ where: { bidId: In([...ids]) }, order: { revision: 'ASC' } }),
          (revision) => revision.bidId,
        ),
      )
      .load(bidId);
  }
}
