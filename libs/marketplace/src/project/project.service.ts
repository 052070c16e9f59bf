import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { CatalogService } from '@cc/catalog';
import { Connection, paginate, paginateByScore, SortKey } from '@cc/graphql';
import { MarketplaceEvents } from '../marketplace-events';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { CreateProjectInput, UpdateProjectInput } from './dto/project.inputs';
import { ProjectOrder, ProjectsArgs } from './dto/projects.args';
import { Project } from './project.entity';
import { canTransition, ProjectState } from './project-state';
import { containsPattern, isForeignKeyViolation } from '@cc/database';
import {
  distinctInOrder,
  replaceResourceLinks,
  RESOURCE_LINK_CONSTRAINT,
} from './project-resource-links';

const SORT_KEYS: Record<Exclude<ProjectOrder, ProjectOrder.RELEVANCE>, SortKey<Project>> = {
  [ProjectOrder.NEWEST]: {
    column: 'project.created_at',
    direction: 'DESC',
    valueOf: (p) => p.createdAt.toISOString(),
  },
  [ProjectOrder.BID_DEADLINE]: {
    column: 'project.bid_deadline',
    direction: 'ASC',
    valueOf: (p) => p.bidDeadline.toISOString(),
  },
};

@Injectable()
export class ProjectService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly access: AccessPolicy,
    private readonly events: MarketplaceEvents,
  ) {}

  async create(viewer: Viewer, input: CreateProjectInput): Promise<Project> {
    if (input.teamId) await this.access.assertTeamMember(viewer, input.teamId);
    await this.assertCity(input.cityId);
    assertDeadlines(input.bidDeadline, input.deliveryDeadline);
    const { teamId, ...fields } = input;
    return this.saveLinked(
      this.projects.create({ ...fields, ownerUserId: viewer.userId, ownerTeamId: teamId ?? null }),
      input.culturalResourceIds,
    );
  }

  async update(viewer: Viewer, id: string, input: UpdateProjectInput): Promise<Project> {
    const project = await this.getOwned(viewer, id);
    if (project.state !== ProjectState.DRAFT) throw MarketplaceException.notEditable(project.state);
    assertDeadlines(
      input.bidDeadline ?? project.bidDeadline,
      input.deliveryDeadline ?? project.deliveryDeadline,
    );
    Object.assign(project, input);
    return this.saveLinked(project, input.culturalResourceIds);
  }

  /**
   * Saves the project and, when given, replaces its resource links in the same transaction. The
   * join table's foreign key refuses a resource that is missing or of another city, also under
   * a concurrent catalog delete or move; only then is the catalog asked which ones, for the error.
   */
  private async saveLinked(project: Project, resourceIds?: readonly string[]): Promise<Project> {
    const links = resourceIds && distinctInOrder(resourceIds);
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const row = await manager.save(project);
        if (links) await replaceResourceLinks(manager, row, links);
        return row;
      });
      if (links) saved.culturalResourceIds = links;
      return saved;
    } catch (error) {
      if (!links || !isForeignKeyViolation(error, RESOURCE_LINK_CONSTRAINT)) throw error;
      throw await this.unknownResources(links, project.cityId);
    }
  }

  private async unknownResources(ids: string[], cityId: string): Promise<MarketplaceException> {
    const inCity = new Set(
      (await this.catalog.culturalResourcesByIds(ids))
        .filter((resource) => resource.cityId === cityId)
        .map((resource) => resource.id),
    );
    return MarketplaceException.invalid(
      MarketplaceErrorCode.UNKNOWN_CULTURAL_RESOURCE,
      'culturalResourceIds',
      `Not cultural resources of this city: ${ids.filter((id) => !inCity.has(id)).join(', ')}`,
    );
  }

  async publish(viewer: Viewer, id: string): Promise<Project> {
    const project = await this.getOwned(viewer, id);
    if (project.bidDeadline.getTime() <= Date.now()) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.INVALID_DEADLINES,
        'bidDeadline',
        'The bid deadline has passed; move it into the future before publishing',
      );
    }
    return this.transition(
      project,
      ProjectState.OPEN_FOR_BIDS,
      { publishedAt: new Date() },
      (manager) => this.events.projectPublished(manager, project),
    );
  }

  /** Projects by id, for other domains' reporting (callers decide who may see them). */
  findByIds(ids: readonly string[]): Promise<Project[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.projects
      .createQueryBuilder('project')
      .where('project.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  /** Drafts are visible to their owners only; everything else is public. */
  async getVisible(viewer: Viewer | undefined, id: string): Promise<Project> {
    const project = await this.projects.findOneBy({ id });
    if (!project) throw MarketplaceException.projectNotFound(id);
    if (
      project.state === ProjectState.DRAFT &&
      !(viewer && (await this.isOwner(viewer, project)))
    ) {
      throw MarketplaceException.projectNotFound(id);
    }
    return project;
  }

  list(
    viewer: Viewer | undefined,
    { filter = {}, orderBy, ...page }: ProjectsArgs,
  ): Promise<Connection<Project>> {
    const query = this.projects.createQueryBuilder('project');
    if (filter.mine) {
      query.andWhere('project.owner_user_id = :viewerId', { viewerId: viewer?.userId ?? null });
    } else {
      query.andWhere(
        new Brackets((visible) =>
          visible
            .where('project.state <> :draft', { draft: ProjectState.DRAFT })
            .orWhere('project.owner_user_id = :viewerId', { viewerId: viewer?.userId ?? null }),
        ),
      );
    }
    if (filter.cityId) query.andWhere('project.city_id = :cityId', { cityId: filter.cityId });
    if (filter.category)
      query.andWhere('project.category = :category', { category: filter.category });
    if (filter.state) query.andWhere('project.state = :state', { state: filter.state });
    if (filter.culturalResourceId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM project_cultural_resource link WHERE link.project_id = project.id AND link.cultural_resource_id = :resourceId)',
        { resourceId: filter.culturalResourceId },
      );
    }
    if (filter.process) {
      query.andWhere(':process = ANY(project.processes)', { process: filter.process });
    }
    if (filter.text) {
      query.andWhere('(project.title ILIKE :text OR project.description ILIKE :text)', {
        text: containsPattern(filter.text),
      });
    }
    if (orderBy === ProjectOrder.RELEVANCE) {
      if (filter.text) {
        query.setParameter('relevanceText', filter.text);
        return paginateByScore(
          query,
          page,
          `(similarity(project.title, :relevanceText) + CASE WHEN project.title ILIKE :text THEN 0.5 ELSE 0 END)::float8`,
        );
      }
      return paginate(query, page, SORT_KEYS[ProjectOrder.NEWEST]);
    }
    return paginate(query, page, SORT_KEYS[orderBy]);
  }

  async isOwner(viewer: Viewer, project: Project): Promise<boolean> {
    if (project.ownerUserId === viewer.userId) return true;
    return project.ownerTeamId !== null && this.access.isTeamMember(viewer, project.ownerTeamId);
  }

  /** The project, when the viewer owns it (as creator or team member). */
  async getOwned(viewer: Viewer, id: string): Promise<Project> {
    const project = await this.projects.findOneBy({ id });
    if (!project) throw MarketplaceException.projectNotFound(id);
    if (!(await this.isOwner(viewer, project))) throw MarketplaceException.notOwner();
    return project;
  }

  /**
   * Retail's fast path when a placement is accepted: the project enters the market at once.
   * Idempotent: a project already IN_MARKET (or CLOSED) is left as it is. The guarantee is the
   * `EnterMarketJob` event written with the placement, which retries until it holds.
   */
  async enterMarket(id: string): Promise<Project> {
    const project = await this.projects.findOneBy({ id });
    if (!project) throw MarketplaceException.projectNotFound(id);
    if (project.state === ProjectState.IN_MARKET || project.state === ProjectState.CLOSED)
      return project;
    return this.transition(project, ProjectState.IN_MARKET);
  }

  /**
   * IN_MARKET → CLOSED, by an owner. `alongside` runs in the same transaction after the move:
   * retail ends the project's placements there, so a closed project never keeps one open.
   */
  async close(
    viewer: Viewer,
    id: string,
    alongside: (manager: EntityManager, project: Project) => Promise<void>,
  ): Promise<Project> {
    const project = await this.getOwned(viewer, id);
    if (!canTransition(project.state, ProjectState.CLOSED)) {
      throw MarketplaceException.illegalTransition(project.state, ProjectState.CLOSED);
    }
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(
        Project,
        { id, state: project.state },
        { state: ProjectState.CLOSED },
      );
      if (!moved.affected) {
        const current = await manager.findOneByOrFail(Project, { id });
        throw MarketplaceException.illegalTransition(current.state, ProjectState.CLOSED);
      }
      await alongside(manager, project);
    });
    return this.projects.findOneByOrFail({ id });
  }

  /** Moves state only if nobody moved it meanwhile (compare-and-set on the current state). */
  private async transition(
    project: Project,
    to: ProjectState,
    changes: Partial<Project> = {},
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<Project> {
    if (!canTransition(project.state, to))
      throw MarketplaceException.illegalTransition(project.state, to);
    // The move and its events commit together.
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        Project,
        { id: project.id, state: project.state },
        { ...changes, state: to },
      );
      if (!result.affected) {
        const current = await manager.findOneByOrFail(Project, { id: project.id });
        throw MarketplaceException.illegalTransition(current.state, to);
      }
      await this.events.projectChanged(manager, project, `project ${to}`);
      await alongside?.(manager);
    });
    return this.projects.findOneByOrFail({ id: project.id });
  }

  private async assertCity(cityId: string): Promise<void> {
    const [city] = await this.catalog.citiesByIds([cityId]);
    if (!city) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.UNKNOWN_CITY,
        'cityId',
        `City ${cityId} does not exist`,
      );
    }
  }
}

function assertDeadlines(bidDeadline: Date, deliveryDeadline: Date): void {
  if (deliveryDeadline.getTime() <= bidDeadline.getTime()) {
    throw MarketplaceException.invalid(
      MarketplaceErrorCode.INVALID_DEADLINES,
      'deliveryDeadline',
      'The delivery deadline must be after the bid deadline',
    );
  }
}
