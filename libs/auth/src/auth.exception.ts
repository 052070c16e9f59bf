import { DomainException, GraphqlErrorCode } from '@cc/graphql';
import { Role } from './role.enum';

export enum AuthErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_INVALID = 'TOKEN_INVALID',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  ROLE_REQUIRED = 'ROLE_REQUIRED',
  ACCESS_NOT_DECLARED = 'ACCESS_NOT_DECLARED',
  NOT_ORGANIZATION_MEMBER = 'NOT_ORGANIZATION_MEMBER',
  ORGANIZATION_OWNER_REQUIRED = 'ORGANIZATION_OWNER_REQUIRED',
  NOT_TEAM_MEMBER = 'NOT_TEAM_MEMBER',
  NOT_YOURS = 'NOT_YOURS',
  OFFICIAL_SCOPE_REQUIRED = 'OFFICIAL_SCOPE_REQUIRED',
}

/** Authentication and authorization failures: UNAUTHENTICATED or FORBIDDEN. */
export class AuthException extends DomainException<AuthErrorCode> {
  static unauthenticated(
    reason:
      | AuthErrorCode.UNAUTHENTICATED
      | AuthErrorCode.TOKEN_INVALID
      | AuthErrorCode.TOKEN_EXPIRED
      | AuthErrorCode.SESSION_REVOKED = AuthErrorCode.UNAUTHENTICATED,
  ): AuthException {
    const messages = {
      [AuthErrorCode.UNAUTHENTICATED]: 'Sign in to do this',
      [AuthErrorCode.TOKEN_INVALID]: 'The access token is not valid',
      [AuthErrorCode.TOKEN_EXPIRED]: 'The access token has expired; refresh the session',
      [AuthErrorCode.SESSION_REVOKED]: 'The session has ended; sign in again',
    };
    return new AuthException(reason, GraphqlErrorCode.UNAUTHENTICATED, messages[reason]);
  }

  static roleRequired(roles: readonly Role[]): AuthException {
    return new AuthException(
      AuthErrorCode.ROLE_REQUIRED,
      GraphqlErrorCode.FORBIDDEN,
      `This needs one of the roles: ${roles.join(', ')}`,
      { requiredRoles: roles },
    );
  }

  static accessNotDeclared(operation: string): AuthException {
    return new AuthException(
      AuthErrorCode.ACCESS_NOT_DECLARED,
      GraphqlErrorCode.FORBIDDEN,
      `${operation} declares no access rule, so nobody may call it`,
    );
  }

  static forbidden(
    reason:
      | AuthErrorCode.NOT_ORGANIZATION_MEMBER
      | AuthErrorCode.ORGANIZATION_OWNER_REQUIRED
      | AuthErrorCode.NOT_TEAM_MEMBER
      | AuthErrorCode.NOT_YOURS
      | AuthErrorCode.OFFICIAL_SCOPE_REQUIRED,
    message: string,
    details: Record<string, unknown> = {},
  ): AuthException {
    return new AuthException(reason, GraphqlErrorCode.FORBIDDEN, message, details);
  }

  private constructor(
    reason: AuthErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
