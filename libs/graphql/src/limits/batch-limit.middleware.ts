import type { NextFunction, Request, Response } from 'express';
import { CommonErrorReason } from '../errors/domain.exception';
import { GraphqlErrorCode } from '../errors/graphql-error-code';

/** Caps how many operations one batched HTTP request may carry. */
export function batchLimitMiddleware(maxOperations: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (Array.isArray(req.body) && req.body.length > maxOperations) {
      res.status(400).json({
        errors: [
          {
            message: `A batch may contain at most ${maxOperations} operations; this one has ${req.body.length}`,
            extensions: {
              code: GraphqlErrorCode.BAD_USER_INPUT,
              reason: CommonErrorReason.TOO_MANY_OPERATIONS,
            },
          },
        ],
      });
      return;
    }
    next();
  };
}
