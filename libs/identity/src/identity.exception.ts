import { DomainException, GraphqlErrorCode } from '@cc/graphql';

export enum IdentityErrorCode {
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  ROLE_REQUEST_PENDING = 'ROLE_REQUEST_PENDING',
  ROLE_REQUEST_CLOSED = 'ROLE_REQUEST_CLOSED',
  CANNOT_REVOKE_OWN_ADMIN = 'CANNOT_REVOKE_OWN_ADMIN',
  ROLE_MISSING = 'ROLE_MISSING',
  WRONG_ORGANIZATION_KIND = 'WRONG_ORGANIZATION_KIND',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  INVITATION_PENDING = 'INVITATION_PENDING',
  INVITATION_NOT_FOR_YOU = 'INVITATION_NOT_FOR_YOU',
  INVITATION_CLOSED = 'INVITATION_CLOSED',
  INVITATION_TOKEN_INVALID = 'INVITATION_TOKEN_INVALID',
  LAST_OWNER = 'LAST_OWNER',
  NOT_A_MEMBER = 'NOT_A_MEMBER',
  NOT_A_TALENT = 'NOT_A_TALENT',
  LAST_TEAM_LEAD = 'LAST_TEAM_LEAD',
}

/** The identity domain's failures, mapped to GraphQL errors by `formatGraphqlError`. */
export class IdentityException extends DomainException<IdentityErrorCode> {
  static emailTaken(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.EMAIL_TAKEN,
      GraphqlErrorCode.CONFLICT,
      'An account with this email already exists',
      { field: 'email' },
    );
  }

  /** The same answer for an unknown email and a wrong password. */
  static invalidCredentials(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.INVALID_CREDENTIALS,
      GraphqlErrorCode.UNAUTHENTICATED,
      'The email or password is not correct',
    );
  }

  static refreshTokenInvalid(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.REFRESH_TOKEN_INVALID,
      GraphqlErrorCode.UNAUTHENTICATED,
      'The refresh token is not valid; sign in again',
    );
  }

  static refreshTokenReused(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.REFRESH_TOKEN_REUSED,
      GraphqlErrorCode.UNAUTHENTICATED,
      'This refresh token was already used, so the session has been ended; sign in again',
    );
  }

  static wrongCurrentPassword(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.WRONG_CURRENT_PASSWORD,
      GraphqlErrorCode.BAD_USER_INPUT,
      'Invalid input. currentPassword: is not correct',
      { fieldErrors: [{ field: 'currentPassword', message: 'is not correct' }] },
    );
  }

  static conflict(reason: IdentityErrorCode, message: string, details = {}): IdentityException {
    return new IdentityException(reason, GraphqlErrorCode.CONFLICT, message, details);
  }

  static forbidden(reason: IdentityErrorCode, message: string, details = {}): IdentityException {
    return new IdentityException(reason, GraphqlErrorCode.FORBIDDEN, message, details);
  }

  static badInput(reason: IdentityErrorCode, message: string, details = {}): IdentityException {
    return new IdentityException(reason, GraphqlErrorCode.BAD_USER_INPUT, message, details);
  }

  private constructor(
    reason: IdentityErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
