import { IntrinsicException } from '@nestjs/common';
import { GraphqlErrorCode } from './graphql-error-code';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base for the one exception type each domain declares (`IdentityException`, `MarketplaceException`, ...).
 * A domain exception carries its own code enum value (`reason`) and the client-facing category;
 * `formatGraphqlError` turns it into a GraphQL error in one place. It is an expected outcome, not
 * a fault: Nest's exception handler does not log it at ERROR (IntrinsicException); the
 * formatter logs it at debug.
 */
export abstract class DomainException<TReason extends string = string> extends IntrinsicException {
  protected constructor(
    readonly reason: TReason,
    readonly code: GraphqlErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum CommonErrorReason {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  INVALID_CURSOR = 'INVALID_CURSOR',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_OPERATIONS = 'TOO_MANY_OPERATIONS',
  TOO_MANY_FIELDS = 'TOO_MANY_FIELDS',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_LONG = 'QUERY_TOO_LONG',
  INVALID_PAGE_SIZE = 'INVALID_PAGE_SIZE',
  RATE_LIMITED = 'RATE_LIMITED',
}

/** Cross-cutting failures that belong to no single domain. */
export class CommonException extends DomainException<CommonErrorReason> {
  static validation(fieldErrors: FieldError[]): CommonException {
    const summary = fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new CommonException(
      CommonErrorReason.VALIDATION_FAILED,
      GraphqlErrorCode.BAD_USER_INPUT,
      `Invalid input. ${summary}`,
      { fieldErrors },
    );
  }

  static notFound(entity: string, id: string): CommonException {
    return new CommonException(
      CommonErrorReason.NOT_FOUND,
      GraphqlErrorCode.NOT_FOUND,
      `${entity} ${id} was not found`,
      {
        entity,
        id,
      },
    );
  }

  static unauthenticated(message = 'Sign in to do this'): CommonException {
    return new CommonException(
      CommonErrorReason.UNAUTHENTICATED,
      GraphqlErrorCode.UNAUTHENTICATED,
      message,
    );
  }

  static forbidden(message = 'You are not allowed to do this'): CommonException {
    return new CommonException(CommonErrorReason.FORBIDDEN, GraphqlErrorCode.FORBIDDEN, message);
  }

  static invalidCursor(field = 'after'): CommonException {
    return new CommonException(
      CommonErrorReason.INVALID_CURSOR,
      GraphqlErrorCode.BAD_USER_INPUT,
      `${field}: the cursor is not one this list gave out`,
      { fieldErrors: [{ field, message: 'is not a valid cursor' }] },
    );
  }

  static rateLimited(retryAfterSeconds: number): CommonException {
    return new CommonException(
      CommonErrorReason.RATE_LIMITED,
      GraphqlErrorCode.FORBIDDEN,
      `Too many attempts. Try again in ${retryAfterSeconds} seconds`,
      { retryAfterSeconds },
    );
  }

  constructor(
    reason: CommonErrorReason,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
