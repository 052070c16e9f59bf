import type { NextFunction, Request, Response } from 'express';
import { GraphqlErrorCode } from '../errors/graphql-error-code';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

const BODY_ERRORS: Record<
  string,
  { status: number; reason: string; message: (error: BodyParserError) => string }
> = {
  'entity.too.large': {
    status: 413,
    reason: 'PAYLOAD_TOO_LARGE',
    message: (error) => `The request body exceeds the limit of ${error.limit} bytes`,
  },
  'entity.parse.failed': {
    status: 400,
    reason: 'MALFORMED_JSON',
    message: () => 'The request body is not valid JSON',
  },
};

/** Answers body-parser failures in the GraphQL error shape instead of a generic 500. */
export function bodyErrorMiddleware() {
  return (error: BodyParserError, _req: Request, res: Response, next: NextFunction): void => {
    const known = error.type ? BODY_ERRORS[error.type] : undefined;
    if (!known) return next(error);
    res.status(known.status).json({
      errors: [
        {
          message: known.message(error),
          extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason: known.reason },
        },
      ],
    });
  };
}
