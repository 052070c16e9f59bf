import { Viewer } from '@cc/auth';
import { TalentProfile } from './talent-profile.entity';

/**
 * The one visibility rule for talent profiles, applied on every path that leads to the type
 * (`talentProfile(userId)`, `User.talentProfile` under projects, teams, members, …): a profile
 * (university, abilities, portfolio links) is shown to signed-in viewers only, never to an
 * anonymous caller. test/security/talent-profile-privacy.e2e-spec.ts walks every such path.
 */
export function visibleTalentProfile(
  viewer: Viewer | undefined,
  profile: TalentProfile | null,
): TalentProfile | null {
  return viewer ? profile : null;
}
