import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { describeVariableError, scrubClientMessage } from './client-message';
import { DomainException } from './domain.exception';
import { GraphqlErrorCode } from './graphql-error-code';

const logger = new Logger('GraphQL');

/** Apollo's own request-level codes, all of which mean the client sent something wrong. */
const CLIENT_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_STATUS_CODES: Record<number, GraphqlErrorCode> = {
  400: GraphqlErrorCode.BAD_USER_INPUT,
  401: GraphqlErrorCode.UNAUTHENTICATED,
  403: GraphqlErrorCode.FORBIDDEN,
  404: GraphqlErrorCode.NOT_FOUND,
  409: GraphqlErrorCode.CONFLICT,
  413: GraphqlErrorCode.BAD_USER_INPUT,
};

const KNOWN_CODES = new Set<string>(Object.values(GraphqlErrorCode));

/** What the client sent wrong, logged at debug: no headers, no stack, not an ERROR. */
function clientError(result: GraphQLFormattedError): GraphQLFormattedError {
  logger.debug(
    { code: result.extensions?.code, reason: result.extensions?.reason, path: result.path },
    'client error',
  );
  return result;
}

/** graphql-js's own messages, without echoed values or schema suggestions. */
function clientMessage(formatted: GraphQLFormattedError, error: unknown): string {
  const variable = error instanceof GraphQLError ? describeVariableError(error) : undefined;
  return variable ?? scrubClientMessage(formatted.message);
}

/**
 * The single exception-to-GraphQL mapping. Domain exceptions keep their message and reason;
 * anything unexpected is logged in full (the only ERROR line) and reaches the client only as
 * INTERNAL, with no stack, SQL or driver message.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainException) {
    return clientError({
      ...base,
      message: original.message,
      extensions: { code: original.code, reason: original.reason, ...original.details },
    });
  }
  if (original instanceof HttpException) {
    const code = HTTP_STATUS_CODES[original.getStatus()];
    if (code) return clientError({ ...base, message: original.message, extensions: { code } });
  }
  const apolloCode = formatted.extensions?.code;
  const reason = formatted.extensions?.reason;
  if (
    typeof apolloCode === 'string' &&
    KNOWN_CODES.has(apolloCode) &&
    apolloCode !== GraphqlErrorCode.INTERNAL
  ) {
    return clientError({
      ...base,
      message: clientMessage(formatted, error),
      extensions: { code: apolloCode, reason: reason ?? apolloCode },
    });
  }
  if (typeof apolloCode === 'string' && CLIENT_REQUEST_CODES.has(apolloCode)) {
    return clientError({
      ...base,
      message: clientMessage(formatted, error),
      extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason: reason ?? apolloCode },
    });
  }

  logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving GraphQL');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: GraphqlErrorCode.INTERNAL },
  };
}
