import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Nest's handler for resolvers (ExceptionsHandler) logs every unexpected error before passing
 * it on to GraphQL, whose formatError (formatGraphqlError) logs it again, with its path and the
 * SQL values redacted: two ERROR lines per failure. For GraphQL this filter passes the error on
 * unlogged; HTTP routes keep Nest's own handling.
 */
@Catch()
export class GraphqlErrorsLoggedOnceFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType<string>() === 'graphql') throw exception;
    super.catch(exception, host);
  }
}
