import { TalentProfileFeatures, TeamNeeds } from './match-features';
import { DEFAULT_MATCH_WEIGHTS } from './match-weights';
import { complementarity, neededDisciplines, needFit, scoreTeammate } from './teammate-fit';

const team: TeamNeeds = {
  memberUserIds: ['u1'],
  memberDisciplines: ['PRODUCT_DESIGN'],
  processes: ['AR_VR_DEVELOPMENT'],
  resourceKinds: ['PALACE_QING_CULTURE'],
};
const coder: TalentProfileFeatures = {
  userId: 'u2',
  displayName: 'Wang Lei',
  disciplines: ['DIGITAL_TECHNOLOGY'],
  crossDisciplinaryIntegration: 5,
};

describe('teammate fit', () => {
  it('needed disciplines follow the processes and resource kinds', () => {
    expect(neededDisciplines(team)).toEqual([
      'ANIMATION_GAMES',
      'CULTURAL_HERITAGE_HISTORY',
      'DIGITAL_TECHNOLOGY',
      'MARKETING_BUSINESS',
    ]);
  });

  it('a talent who adds nothing new does not complement', () => {
    expect(complementarity(team, { ...coder, disciplines: ['PRODUCT_DESIGN'] }).value).toBe(0);
    expect(complementarity(team, { ...coder, disciplines: [] }).value).toBe(0);
    expect(complementarity(team, coder).value).toBe(0.5);
  });

  it('need fit counts needed disciplines the talent brings', () => {
    expect(needFit(team, coder).value).toBe(0.5);
    expect(needFit(team, { ...coder, disciplines: ['FINE_ARTS'] }).value).toBe(0);
  });

  it('a suggestion says to invite; a member is excluded', () => {
    const result = scoreTeammate(team, coder, DEFAULT_MATCH_WEIGHTS.teammate);
    expect(result.excluded).toBe(false);
    expect(result.reasons.at(-1)?.code).toBe('INVITE_TO_JOIN');
    expect(result.reasons.at(-1)?.message).toContain('Invite Wang Lei');
    const member = scoreTeammate(team, { ...coder, userId: 'u1' }, DEFAULT_MATCH_WEIGHTS.teammate);
    expect(member.excluded).toBe(true);
    expect(member.reasons[0].code).toBe('ALREADY_MEMBER');
  });

  it('a missing self-assessment is neutral', () => {
    const unknown = scoreTeammate(
      team,
      { ...coder, crossDisciplinaryIntegration: null },
      DEFAULT_MATCH_WEIGHTS.teammate,
    );
    expect(unknown.components.find((c) => c.name === 'cross_disciplinary')?.value).toBe(0.5);
  });
});
