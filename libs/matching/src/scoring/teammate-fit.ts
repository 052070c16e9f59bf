import { TalentProfileFeatures, TeamNeeds } from './match-features';
import { ComponentScore, MatchResult, combine, reason } from './match-result';
import { MatchWeights } from './match-weights';

/** Disciplines that a project's processes and cultural-resource kinds call for. */
export const DISCIPLINES_FOR_NEED: Record<string, readonly string[]> = {
  AR_VR_DEVELOPMENT: ['DIGITAL_TECHNOLOGY', 'ANIMATION_GAMES'],
  THREE_D_PRINTING: ['PRODUCT_DESIGN', 'DIGITAL_TECHNOLOGY'],
  INJECTION_MOLDING: ['PRODUCT_DESIGN'],
  LASER_ENGRAVING: ['PRODUCT_DESIGN', 'VISUAL_COMMUNICATION'],
  METAL_CASTING: ['PRODUCT_DESIGN', 'TRADITIONAL_CRAFTS'],
  CERAMICS: ['TRADITIONAL_CRAFTS', 'FINE_ARTS'],
  EMBROIDERY: ['TRADITIONAL_CRAFTS', 'FASHION_TEXTILE'],
  TEXTILE_SEWING: ['FASHION_TEXTILE'],
  LEATHERWORK: ['FASHION_TEXTILE', 'TRADITIONAL_CRAFTS'],
  WOODWORKING: ['TRADITIONAL_CRAFTS', 'PRODUCT_DESIGN'],
  PRINTING_PACKAGING: ['VISUAL_COMMUNICATION'],
  PAPER_CRAFT: ['TRADITIONAL_CRAFTS', 'VISUAL_COMMUNICATION'],
  PALACE_QING_CULTURE: ['CULTURAL_HERITAGE_HISTORY'],
  INDUSTRIAL_HERITAGE: ['CULTURAL_HERITAGE_HISTORY', 'ARCHITECTURE_SPACE'],
  FOLK_CULTURE: ['CULTURAL_HERITAGE_HISTORY', 'TRADITIONAL_CRAFTS'],
  REVOLUTIONARY_HISTORY: ['CULTURAL_HERITAGE_HISTORY', 'LITERATURE_MEDIA'],
  NATURAL_LANDSCAPE: ['FINE_ARTS', 'ARCHITECTURE_SPACE'],
};
/** Every team needs someone to sell; the coupling indicators reward digital skills. */
const ALWAYS_USEFUL = ['MARKETING_BUSINESS', 'DIGITAL_TECHNOLOGY'];

const list = (items: readonly string[]): string => items.join(', ');

export function neededDisciplines(team: TeamNeeds): string[] {
  const needs = [...team.processes, ...team.resourceKinds].flatMap(
    (need) => DISCIPLINES_FOR_NEED[need] ?? [],
  );
  return [...new Set([...needs, ...ALWAYS_USEFUL])].sort();
}

export function complementarity(team: TeamNeeds, talent: TalentProfileFeatures): ComponentScore {
  const added = talent.disciplines.filter(
    (d) => d !== 'OTHER' && !team.memberDisciplines.includes(d),
  );
  if (talent.disciplines.length === 0 || added.length === 0) {
    return {
      value: 0,
      reasons: [
        reason('NO_NEW_DISCIPLINE', 'Adds no discipline the team lacks', '未带来团队缺少的专业'),
      ],
    };
  }
  return {
    value: Math.min(1, added.length / 2),
    reasons: [
      reason(
        'ADDS_DISCIPLINES',
        `Brings ${list(added)}, which the team lacks`,
        `带来团队缺少的专业：${list(added)}`,
      ),
    ],
  };
}

export function needFit(team: TeamNeeds, talent: TalentProfileFeatures): ComponentScore {
  const needed = neededDisciplines(team).filter((d) => !team.memberDisciplines.includes(d));
  const covered = talent.disciplines.filter((d) => needed.includes(d));
  if (covered.length === 0) return { value: 0, reasons: [] };
  return {
    value: Math.min(1, covered.length / Math.min(2, needed.length)),
    reasons: [
      reason(
        'COVERS_PROJECT_NEED',
        `The project needs ${list(covered)}`,
        `项目需要：${list(covered)}`,
      ),
    ],
  };
}

export function crossDisciplinary(talent: TalentProfileFeatures): ComponentScore {
  const value =
    talent.crossDisciplinaryIntegration === null
      ? 0.5
      : (talent.crossDisciplinaryIntegration - 1) / 4;
  return { value, reasons: [] };
}

/**
 * How well a talent complements a team for its project. A current member is excluded. A
 * suggestion is never an addition: the reasons end by saying to invite the talent.
 */
export function scoreTeammate(
  team: TeamNeeds,
  talent: TalentProfileFeatures,
  weights: MatchWeights['teammate'],
): MatchResult {
  const result = combine(
    {
      complementarity: complementarity(team, talent),
      need_fit: needFit(team, talent),
      cross_disciplinary: crossDisciplinary(talent),
    },
    weights,
  );
  if (team.memberUserIds.includes(talent.userId)) {
    const already = reason('ALREADY_MEMBER', 'Already on the team', '已是团队成员');
    return { ...result, excluded: true, reasons: [already, ...result.reasons] };
  }
  return {
    ...result,
    reasons: [
      ...result.reasons,
      reason(
        'INVITE_TO_JOIN',
        `Invite ${talent.displayName} to the team; they join once they accept`,
        `可邀请 ${talent.displayName} 加入团队，对方接受后成为成员`,
      ),
    ],
  };
}
