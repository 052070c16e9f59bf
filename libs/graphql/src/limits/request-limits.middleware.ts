import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { CommonErrorReason } from '../errors/domain.exception';
import { GraphqlErrorCode } from '../errors/graphql-error-code';
import { queryLengthViolation } from './operation-limits';

export interface RequestLimits {
  /** Operations one batched HTTP request may carry (at most this many). */
  maxBatch: number;
  /** Characters in one operation's query text. */
  maxQueryLength: number;
}

function refuse(res: Response, error: GraphQLError): void {
  res.status(400).json({
    errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }],
  });
}

/**
 * Refuses oversized batches and overlong query texts before Apollo parses anything, so neither
 * costs more than reading the body (which `HTTP_BODY_LIMIT` caps).
 */
export function requestLimitsMiddleware(limits: RequestLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const operations: unknown[] = Array.isArray(req.body) ? req.body : [req.body ?? req.query];
    if (operations.length > limits.maxBatch) {
      return refuse(
        res,
        new GraphQLError(
          `A batch may contain at most ${limits.maxBatch} operations; this one has ${operations.length}`,
          {
            extensions: {
              code: GraphqlErrorCode.BAD_USER_INPUT,
              reason: CommonErrorReason.TOO_MANY_OPERATIONS,
            },
          },
        ),
      );
    }
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query;
      const violation = queryLengthViolation(query, limits);
      if (violation) return refuse(res, violation);
    }
    next();
  };
}
