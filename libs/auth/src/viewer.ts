import { GovernmentDepartment } from './government-department.enum';
import { Role } from './role.enum';

/** A city and department an OFFICIAL was granted by an ADMIN. */
export interface OfficialScope {
  cityId: string;
  department: GovernmentDepartment;
}

/**
 * Who is calling, resolved from a verified access token against the database on every request,
 * so revoked sessions and role changes take effect at once.
 */
export class Viewer {
  readonly roles: ReadonlySet<Role>;

  constructor(
    readonly userId: string,
    /** The session (refresh-token family) the access token belongs to. */
    readonly sessionId: string,
    roles: Iterable<Role>,
    readonly officialScopes: readonly OfficialScope[] = [],
  ) {
    this.roles = new Set(roles);
  }

  hasRole(role: Role): boolean {
    return this.roles.has(role);
  }

  hasAnyRole(roles: Iterable<Role>): boolean {
    for (const role of roles) if (this.roles.has(role)) return true;
    return false;
  }

  get isAdmin(): boolean {
    return this.roles.has(Role.ADMIN);
  }

  /** True when an OFFICIAL grant covers the city (and the department, when given). */
  isOfficialFor(cityId: string, department?: GovernmentDepartment): boolean {
    if (!this.roles.has(Role.OFFICIAL)) return false;
    return this.officialScopes.some(
      (scope) => scope.cityId === cityId && (!department || scope.department === department),
    );
  }
}
