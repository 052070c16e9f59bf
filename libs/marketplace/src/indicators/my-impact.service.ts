import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { Connection, paginate } from '@cc/graphql';
import { Project } from '../project/project.entity';
import { MyImpactArgs, ProjectImpact } from './project-impact.types';

/**
 * The projects whose impact a talent sees: those they created, and those of the teams they
 * are in, once published (a draft has no part in any indicator). Newest publication first.
 */
@Injectable()
export class MyImpactService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    // The worker also loads this module (for the indicator source) but serves no GraphQL and
    // has no AuthModule; only the API calls list().
    @Optional() private readonly access?: AccessPolicy,
  ) {}

  async list(viewer: Viewer, args: MyImpactArgs): Promise<Connection<ProjectImpact>> {
    const { version, ...pageArgs } = args;
    const teamIds = await this.access!.teamIdsOf(viewer);
    const query = this.projects
      .createQueryBuilder('project')
      .where('project.published_at IS NOT NULL')
      .andWhere(
        new Brackets((own) =>
          own
            .where('project.owner_user_id = :viewerId')
            // Team membership is identity's; it answers through the AccessPolicy.
            .orWhere('project.owner_team_id = ANY(:teamIds)'),
        ),
        { viewerId: viewer.userId, teamIds },
      );
    const page = await paginate(query, pageArgs, {
      column: 'project.published_at',
      direction: 'DESC',
      valueOf: (project) => project.publishedAt!.toISOString(),
    });
    return {
      ...page,
      edges: page.edges.map(({ node, cursor }) => ({
        node: { projectId: node.id, project: node, versionNumber: version ?? null },
        cursor,
      })),
    };
  }
}
