import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { CommonErrorReason, DomainException, GraphqlErrorCode } from '@cc/graphql';

const STATUS: Record<GraphqlErrorCode, number> = {
  [GraphqlErrorCode.BAD_USER_INPUT]: 400,
  [GraphqlErrorCode.UNAUTHENTICATED]: 401,
  [GraphqlErrorCode.FORBIDDEN]: 403,
  [GraphqlErrorCode.NOT_FOUND]: 404,
  [GraphqlErrorCode.CONFLICT]: 409,
  [GraphqlErrorCode.INTERNAL]: 500,
};

const CODE_OF_STATUS: Record<number, GraphqlErrorCode> = {
  400: GraphqlErrorCode.BAD_USER_INPUT,
  401: GraphqlErrorCode.UNAUTHENTICATED,
  403: GraphqlErrorCode.FORBIDDEN,
  404: GraphqlErrorCode.NOT_FOUND,
  409: GraphqlErrorCode.CONFLICT,
  413: GraphqlErrorCode.BAD_USER_INPUT,
  415: GraphqlErrorCode.BAD_USER_INPUT,
};

/**
 * The REST face of the retail routes: errors as `{ "error": { code, reason, message, ... } }`
 * with the matching HTTP status, the same codes and reasons as GraphQL; anything unexpected is
 * logged and answered 500 without details.
 */
@Catch()
export class RetailHttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('RetailHttp');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException) {
      // GraphQL answers 200 with the reason; over plain HTTP, clients and proxies back off on 429.
      const retryAfter = exception.details?.retryAfterSeconds;
      const rateLimited = exception.reason === CommonErrorReason.RATE_LIMITED;
      if (rateLimited && typeof retryAfter === 'number') {
        response.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfter))));
      }
      response.status(rateLimited ? 429 : STATUS[exception.code]).json({
        error: {
          code: exception.code,
          reason: exception.reason,
          message: exception.message,
          ...exception.details,
        },
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      response.status(status).json({
        error: {
          code: CODE_OF_STATUS[status] ?? GraphqlErrorCode.BAD_USER_INPUT,
          reason: status === 413 ? 'FILE_TOO_LARGE' : 'INVALID_UPLOAD',
          message: exception.message,
        },
      });
      return;
    }
    this.logger.error({ err: exception }, 'unexpected error in a retail HTTP route');
    response
      .status(500)
      .json({ error: { code: GraphqlErrorCode.INTERNAL, message: 'Internal server error' } });
  }
}
