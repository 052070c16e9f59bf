import { DomainException, FieldError, GraphqlErrorCode } from '@cc/graphql';

export enum MatchingErrorCode {
  NOT_MATCHED_YET = 'NOT_MATCHED_YET',
  NOT_PROJECT_OWNER = 'NOT_PROJECT_OWNER',
  NOT_PRODUCT_OWNER = 'NOT_PRODUCT_OWNER',
  NOT_OUTLET_MEMBER = 'NOT_OUTLET_MEMBER',
  NOT_ORGANIZATION_MEMBER = 'NOT_ORGANIZATION_MEMBER',
  NOT_TEAM_MEMBER = 'NOT_TEAM_MEMBER',
  NOT_A_PARTY = 'NOT_A_PARTY',
  UNKNOWN_PAIR = 'UNKNOWN_PAIR',
  PROJECT_OR_TEAM_REQUIRED = 'PROJECT_OR_TEAM_REQUIRED',
  ORGANIZATION_REQUIRED = 'ORGANIZATION_REQUIRED',
}

/** The matching domain's one exception type; `formatGraphqlError` maps it to a GraphQL error. */
export class MatchingException extends DomainException<MatchingErrorCode> {
  /** The subject is unknown to matching: it does not exist, or the worker has not scored it yet. */
  static notMatchedYet(entity: string, id: string): MatchingException {
    return new MatchingException(
      MatchingErrorCode.NOT_MATCHED_YET,
      GraphqlErrorCode.NOT_FOUND,
      `${entity} ${id} has no matches: it does not exist, or its matches are still being computed`,
      { entity, id },
    );
  }

  static forbidden(code: MatchingErrorCode, message: string): MatchingException {
    return new MatchingException(code, GraphqlErrorCode.FORBIDDEN, message);
  }

  static invalid(code: MatchingErrorCode, fieldErrors: FieldError[]): MatchingException {
    const summary = fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new MatchingException(code, GraphqlErrorCode.BAD_USER_INPUT, summary, { fieldErrors });
  }

  private constructor(
    reason: MatchingErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
