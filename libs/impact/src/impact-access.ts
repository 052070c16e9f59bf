import { AuthErrorCode, AuthException, Viewer } from '@cc/auth';

/**
 * City scoping of the impact domain: an OFFICIAL acts on and reads the cities they were granted
 * (any department); an ADMIN on every city. Role checks happen first, in `@Roles` on each
 * operation; these are the object-level checks behind them. (Same rule and error as
 * `AccessPolicy.assertOfficialFor(viewer, cityId, undefined, { allowAdmin: true })`.)
 */
export function assertCityAccess(viewer: Viewer, cityId: string): void {
  if (viewer.isAdmin || viewer.isOfficialFor(cityId)) return;
  throw AuthException.forbidden(
    AuthErrorCode.OFFICIAL_SCOPE_REQUIRED,
    `This needs an OFFICIAL grant for city ${cityId}; ask for one with requestOfficialRole (an ADMIN approves it)`,
    { cityId },
  );
}

/** The cities the viewer may see: null means every city (ADMIN). */
export function visibleCityIds(viewer: Viewer): string[] | null {
  if (viewer.isAdmin) return null;
  return [...new Set(viewer.officialScopes.map((scope) => scope.cityId))];
}
