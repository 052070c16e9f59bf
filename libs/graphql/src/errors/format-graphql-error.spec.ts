import { GraphQLError } from 'graphql';
import { Logger } from '@nestjs/common';
import { CommonException } from './domain.exception';
import { formatGraphqlError } from './format-graphql-error';

const formatted = (error: GraphQLError) => formatGraphqlError(error.toJSON(), error);
const fromResolver = (original: Error) =>
  new GraphQLError(original.message, { path: ['field'], originalError: original });

describe('formatGraphqlError', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });

  it('masks unexpected errors: no message, stack or SQL reaches the client', () => {
    const sqlError = Object.assign(
      new Error('duplicate key value violates unique constraint "user_email"'),
      {
        query: 'INSERT INTO "user" ...',
      },
    );
    const result = formatted(fromResolver(sqlError));
    expect(result).toEqual({
      message: 'Internal server error',
      path: ['field'],
      locations: undefined,
      extensions: { code: 'INTERNAL' },
    });
    expect(JSON.stringify(result)).not.toMatch(/INSERT|duplicate|stack/);
  });

  it('keeps a domain exception message, code, reason and details', () => {
    const result = formatted(fromResolver(CommonException.notFound('Project', 'p1')));
    expect(result).toMatchObject({
      message: 'Project p1 was not found',
      extensions: { code: 'NOT_FOUND', reason: 'NOT_FOUND', entity: 'Project', id: 'p1' },
    });
  });

  it('maps Apollo request errors to BAD_USER_INPUT', () => {
    const error = new GraphQLError('Cannot query field "x"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(formatted(error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
  });
});
