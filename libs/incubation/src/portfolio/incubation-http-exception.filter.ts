import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, GraphqlErrorCode } from '@cc/graphql';

const STATUS: Record<GraphqlErrorCode, number> = {
  [GraphqlErrorCode.BAD_USER_INPUT]: 400,
  [GraphqlErrorCode.UNAUTHENTICATED]: 401,
  [GraphqlErrorCode.FORBIDDEN]: 403,
  [GraphqlErrorCode.NOT_FOUND]: 404,
  [GraphqlErrorCode.CONFLICT]: 409,
  [GraphqlErrorCode.INTERNAL]: 500,
};

/**
 * Errors of the export route as `{ "error": { code, reason, message } }` with the matching
 * HTTP status (same codes and reasons as GraphQL). Once rows are streaming, the status is sent:
 * a failure then ends the response early, and the truncated file is logged.
 */
@Catch()
export class IncubationHttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('IncubationHttp');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      this.logger.error({ err: exception }, 'portfolio export failed while streaming');
      response.end();
      return;
    }
    if (exception instanceof DomainException) {
      response.status(STATUS[exception.code]).json({
        error: { code: exception.code, reason: exception.reason, message: exception.message },
      });
      return;
    }
    this.logger.error({ err: exception }, 'unexpected error in an incubation HTTP route');
    response
      .status(500)
      .json({ error: { code: GraphqlErrorCode.INTERNAL, message: 'Internal server error' } });
  }
}
