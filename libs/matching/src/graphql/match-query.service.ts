import { Injectable } from '@nestjs/common';
import { Viewer } from '@cc/auth';
import { Connection } from '@cc/graphql';
import { MatchingConfig } from '../matching.config';
import { MatchingErrorCode, MatchingException } from '../matching.exception';
import { MatchScorer } from '../refresh/match-scorer';
import { SimilarSales } from '../refresh/similar-sales.service';
import { TalentProfileFeatures, TeamNeeds } from '../scoring/match-features';
import { compareRanked, MatchResult } from '../scoring/match-result';
import { scoreTeammate } from '../scoring/teammate-fit';
import { MatchCandidates } from '../store/match-candidates';
import { MatchFeatureStore } from '../store/match-feature.store';
import { MatchKind, MatchScoreStore, RankedPage } from '../store/match-score.store';
import {
  ManufacturerMatch,
  MatchExplanation,
  MatchPairKind,
  OutletMatch,
  ProductMatch,
  ProjectMatch,
  TeammateSuggestion,
} from './match.types';
import { MatchingAccess } from './matching-access';

const ALL_DISCIPLINES = [
  'PRODUCT_DESIGN',
  'VISUAL_COMMUNICATION',
  'FINE_ARTS',
  'TRADITIONAL_CRAFTS',
  'FASHION_TEXTILE',
  'ARCHITECTURE_SPACE',
  'ANIMATION_GAMES',
  'DIGITAL_TECHNOLOGY',
  'MARKETING_BUSINESS',
  'CULTURAL_HERITAGE_HISTORY',
  'LITERATURE_MEDIA',
];

function toConnection<T>(
  page: RankedPage,
  node: (id: string, result: MatchResult) => T,
): Connection<T> {
  const edges = page.rows.map((row) => ({ node: node(row.id, row.result), cursor: row.cursor }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** The read side: precomputed pages, on-request teammate suggestions, and explanations. */
@Injectable()
export class MatchQueryService {
  constructor(
    private readonly features: MatchFeatureStore,
    private readonly scores: MatchScoreStore,
    private readonly candidates: MatchCandidates,
    private readonly scorer: MatchScorer,
    private readonly config: MatchingConfig,
    private readonly access: MatchingAccess,
    private readonly similar: SimilarSales,
  ) {}

  async manufacturersFor(
    viewer: Viewer,
    projectId: string,
    first: number,
    after?: string,
  ): Promise<Connection<ManufacturerMatch>> {
    const project = await this.features.project(projectId);
    if (!project) throw MatchingException.notMatchedYet('Project', projectId);
    await this.access.assertProjectOwner(viewer, project);
    const page = await this.scores.page(
      MatchKind.PROJECT_MANUFACTURER,
      'subject',
      projectId,
      first,
      after,
    );
    return toConnection(page, (organizationId, result) => ({ organizationId, ...result }));
  }

  async projectsFor(
    viewer: Viewer,
    organizationIdArg: string | undefined,
    first: number,
    after?: string,
  ): Promise<Connection<ProjectMatch>> {
    const organizationId = await this.access.feedOrganization(viewer, organizationIdArg);
    const page = await this.scores.page(
      MatchKind.PROJECT_MANUFACTURER,
      'candidate',
      organizationId,
      first,
      after,
      true,
    );
    return toConnection(page, (projectId, result) => ({ projectId, ...result }));
  }

  async outletsFor(
    viewer: Viewer,
    productId: string,
    first: number,
    after?: string,
  ): Promise<Connection<OutletMatch>> {
    const product = await this.features.product(productId);
    if (!product) throw MatchingException.notMatchedYet('Product', productId);
    await this.access.assertProductOwner(viewer, product);
    const page = await this.scores.page(
      MatchKind.PRODUCT_OUTLET,
      'subject',
      productId,
      first,
      after,
    );
    return toConnection(page, (outletId, result) => ({ outletId, ...result }));
  }

  async productsFor(
    viewer: Viewer,
    outletId: string,
    first: number,
    after?: string,
  ): Promise<Connection<ProductMatch>> {
    const outlet = await this.features.outlet(outletId);
    if (!outlet) throw MatchingException.notMatchedYet('Outlet', outletId);
    await this.access.assertMember(
      viewer,
      outlet.organizationId,
      MatchingErrorCode.NOT_OUTLET_MEMBER,
    );
    const page = await this.scores.page(
      MatchKind.PRODUCT_OUTLET,
      'candidate',
      outletId,
      first,
      after,
    );
    return toConnection(page, (productId, result) => ({ productId, ...result }));
  }

  async teammatesFor(
    viewer: Viewer,
    target: { projectId?: string; teamId?: string },
    first: number,
  ): Promise<TeammateSuggestion[]> {
    const team = await this.teamNeeds(viewer, target);
    const lacking = ALL_DISCIPLINES.filter((d) => !team.memberDisciplines.includes(d));
    const talents = await this.candidates.teammatesFor(team.memberUserIds, lacking);
    return talents
      .map((talent) => ({ talent, result: this.teammateResult(team, talent) }))
      .filter(({ result }) => !result.excluded && result.score > 0)
      .map(({ talent, result }) => ({ ...result, candidateId: talent.userId, talent }))
      .sort(compareRanked)
      .slice(0, first)
      .map(({ talent, candidateId, ...result }) => ({
        ...result,
        userId: candidateId,
        displayName: talent.displayName,
        disciplines: talent.disciplines,
      }));
  }

  /** Scores a pair now (either order), including an excluded one, for anyone on either side. */
  async explain(viewer: Viewer, a: string, b: string): Promise<MatchExplanation> {
    return (
      (await this.explainOrdered(viewer, a, b)) ??
      (await this.explainOrdered(viewer, b, a)) ??
      Promise.reject(
        MatchingException.invalid(MatchingErrorCode.UNKNOWN_PAIR, [
          {
            field: 'b',
            message: `no match is defined between ${a} and ${b}: give a project and a manufacturer, a product and an outlet, or a project or team and a talent`,
          },
        ]),
      )
    );
  }

  private async explainOrdered(
    viewer: Viewer,
    subjectId: string,
    candidateId: string,
  ): Promise<MatchExplanation | null> {
    const project = await this.features.project(subjectId);
    const maker = project && (await this.features.manufacturer(candidateId));
    if (project && maker) {
      if (!(await this.access.isMember(viewer, candidateId))) {
        await this.access.assertProjectOwner(viewer, project);
      }
      const result = this.scorer.manufacturer(project.needs, maker);
      return { kind: MatchPairKind.PROJECT_MANUFACTURER, subjectId, candidateId, ...result };
    }
    const product = await this.features.product(subjectId);
    const outlet = product && (await this.features.outlet(candidateId));
    if (product && outlet) {
      if (!(await this.access.isMember(viewer, outlet.organizationId))) {
        await this.access.assertProductOwner(viewer, product);
      }
      return {
        kind: MatchPairKind.PRODUCT_OUTLET,
        subjectId,
        candidateId,
        ...this.scorer.outlet(product.profile, outlet, await this.similar.current()),
      };
    }
    const talent = await this.features.talent(candidateId);
    if (!talent) return null;
    const kind = project ? MatchPairKind.PROJECT_TALENT : MatchPairKind.TEAM_TALENT;
    if (
      kind === MatchPairKind.TEAM_TALENT &&
      (await this.features.teamMembers(subjectId)).length === 0
    ) {
      return null;
    }
    const team =
      viewer.userId === candidateId
        ? await this.teamNeedsUnchecked(project ? { projectId: subjectId } : { teamId: subjectId })
        : await this.teamNeeds(viewer, project ? { projectId: subjectId } : { teamId: subjectId });
    return { kind, subjectId, candidateId, ...this.teammateResult(team, talent) };
  }

  private teammateResult(team: TeamNeeds, talent: TalentProfileFeatures): MatchResult {
    return scoreTeammate(team, talent, this.config.weights.teammate);
  }

  private async teamNeeds(
    viewer: Viewer,
    target: { projectId?: string; teamId?: string },
  ): Promise<TeamNeeds> {
    if (target.projectId) {
      const project = await this.features.project(target.projectId);
      if (!project) throw MatchingException.notMatchedYet('Project', target.projectId);
      await this.access.assertProjectOwner(viewer, project);
    } else if (target.teamId) {
      await this.access.assertTeamMember(viewer, target.teamId);
    }
    return this.teamNeedsUnchecked(target);
  }

  private async teamNeedsUnchecked(target: {
    projectId?: string;
    teamId?: string;
  }): Promise<TeamNeeds> {
    if (target.projectId) {
      const project = await this.features.project(target.projectId);
      if (!project) throw MatchingException.notMatchedYet('Project', target.projectId);
      const members = project.ownerTeamId
        ? await this.features.teamMembers(project.ownerTeamId)
        : [];
      const owner = await this.features.talentsByIds([project.ownerUserId]);
      return needsOf(
        [...owner, ...members],
        [project.ownerUserId],
        project.needs.processes,
        project.needs.resourceKinds,
      );
    }
    if (target.teamId) {
      return needsOf(await this.features.teamMembers(target.teamId), [], [], []);
    }
    throw MatchingException.invalid(MatchingErrorCode.PROJECT_OR_TEAM_REQUIRED, [
      { field: 'projectId', message: 'give a projectId or a teamId' },
    ]);
  }
}

function needsOf(
  members: readonly TalentProfileFeatures[],
  extraUserIds: readonly string[],
  processes: string[],
  resourceKinds: string[],
): TeamNeeds {
  return {
    memberUserIds: [...new Set([...extraUserIds, ...members.map((m) => m.userId)])],
    memberDisciplines: [...new Set(members.flatMap((m) => m.disciplines))].sort(),
    processes,
    resourceKinds,
  };
}
