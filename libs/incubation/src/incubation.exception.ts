import { DomainException, FieldError, GraphqlErrorCode } from '@cc/graphql';
import { allowedNextApplicationStates, ApplicationState } from './application/application-state';

export enum IncubationErrorCode {
  PROGRAM_NOT_FOUND = 'PROGRAM_NOT_FOUND',
  COHORT_NOT_FOUND = 'COHORT_NOT_FOUND',
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  MILESTONE_NOT_FOUND = 'MILESTONE_NOT_FOUND',
  METRIC_NOT_FOUND = 'METRIC_NOT_FOUND',
  NOT_AN_INCUBATOR = 'NOT_AN_INCUBATOR',
  NOT_INCUBATOR_MEMBER = 'NOT_INCUBATOR_MEMBER',
  NOT_APPLICANT = 'NOT_APPLICANT',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  COHORT_FULL = 'COHORT_FULL',
  COHORT_CLOSED = 'COHORT_CLOSED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  INVALID_DATES = 'INVALID_DATES',
  INVALID_PROJECTS = 'INVALID_PROJECTS',
  INVALID_PERIOD = 'INVALID_PERIOD',
  PLATFORM_DERIVED_READ_ONLY = 'PLATFORM_DERIVED_READ_ONLY',
  MISSING_KPI_VALUE = 'MISSING_KPI_VALUE',
  DUPLICATE_METRIC = 'DUPLICATE_METRIC',
  INVALID_METRIC = 'INVALID_METRIC',
  DUPLICATE_MILESTONE = 'DUPLICATE_MILESTONE',
  INVALID_MILESTONE = 'INVALID_MILESTONE',
  DUPLICATE_PROGRAM = 'DUPLICATE_PROGRAM',
  NOT_ADMITTED = 'NOT_ADMITTED',
  ALREADY_COMPLETED = 'ALREADY_COMPLETED',
  INVALID_FILTER = 'INVALID_FILTER',
  OFFICIAL_SCOPE_REQUIRED = 'OFFICIAL_SCOPE_REQUIRED',
}

/** The incubation domain's one exception type; `formatGraphqlError` maps it to a GraphQL error. */
export class IncubationException extends DomainException<IncubationErrorCode> {
  static notFound(
    code:
      | IncubationErrorCode.PROGRAM_NOT_FOUND
      | IncubationErrorCode.COHORT_NOT_FOUND
      | IncubationErrorCode.APPLICATION_NOT_FOUND
      | IncubationErrorCode.MILESTONE_NOT_FOUND
      | IncubationErrorCode.METRIC_NOT_FOUND,
    entity: string,
    id: string,
  ): IncubationException {
    return new IncubationException(
      code,
      GraphqlErrorCode.NOT_FOUND,
      `${entity} ${id} was not found`,
      { entity, id },
    );
  }

  static illegalTransition(from: ApplicationState, to: ApplicationState): IncubationException {
    const allowed = allowedNextApplicationStates(from);
    return new IncubationException(
      IncubationErrorCode.ILLEGAL_TRANSITION,
      GraphqlErrorCode.CONFLICT,
      `An application in state ${from} cannot move to ${to}; allowed next states: ${allowed.length ? allowed.join(', ') : 'none'}`,
      { currentState: from, requestedState: to, allowedNextStates: allowed },
    );
  }

  static conflict(
    code: IncubationErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): IncubationException {
    return new IncubationException(code, GraphqlErrorCode.CONFLICT, message, details);
  }

  static forbidden(
    code: IncubationErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ): IncubationException {
    return new IncubationException(code, GraphqlErrorCode.FORBIDDEN, message, details);
  }

  static invalid(code: IncubationErrorCode, field: string, message: string): IncubationException {
    return IncubationException.invalidFields(code, [{ field, message }]);
  }

  static invalidFields(code: IncubationErrorCode, fieldErrors: FieldError[]): IncubationException {
    const summary = fieldErrors.map((error) => `${error.field}: ${error.message}`).join('; ');
    return new IncubationException(code, GraphqlErrorCode.BAD_USER_INPUT, summary, {
      fieldErrors,
    });
  }

  private constructor(
    reason: IncubationErrorCode,
    code: GraphqlErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(reason, code, message, details);
  }
}
