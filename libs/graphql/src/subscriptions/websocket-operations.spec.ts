import { GraphQLError } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import { webSocketOperationHooks } from './websocket-operations';

const hooks = webSocketOperationHooks({
  maxDepth: 3,
  maxAliases: 2,
  maxFields: 50,
  maxDirectives: 5,
  maxTokens: 200,
  maxQueryLength: 1000,
  maxSubscriptionsPerSocket: 2,
});

function context(subscriptions = 1): Context {
  return {
    connectionInitReceived: true,
    acknowledged: true,
    subscriptions: Object.fromEntries(
      Array.from({ length: subscriptions }, (_, i) => [`s${i}`, null]),
    ),
    extra: {},
  } as unknown as Context;
}

function subscribe(query: string, subscriptions = 1) {
  const payload: SubscribePayload = { query };
  return hooks.onSubscribe(context(subscriptions), 's0', payload) as
    readonly GraphQLError[] | undefined;
}

const reasonOf = (errors: readonly GraphQLError[] | undefined) => errors?.[0].extensions.reason;

describe('webSocketOperationHooks', () => {
  it('lets a subscription within the limits through to graphql-ws', () => {
    expect(subscribe('subscription { event { id } }')).toBeUndefined();
  });

  it('refuses queries and mutations over WebSocket', () => {
    expect(reasonOf(subscribe('{ me { id } }'))).toBe('SUBSCRIPTIONS_ONLY');
    expect(reasonOf(subscribe('mutation { logout }'))).toBe('SUBSCRIPTIONS_ONLY');
  });

  it('answers a syntax error as BAD_USER_INPUT instead of dropping the socket', () => {
    const errors = subscribe('subscription { event { id ');
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('applies the depth and alias limits', () => {
    expect(reasonOf(subscribe('subscription { a { b { c { d } } } }'))).toBe('QUERY_TOO_DEEP');
    expect(reasonOf(subscribe('subscription { x: a { id } y: a { id } z: a { id } }'))).toBe(
      'TOO_MANY_ALIASES',
    );
  });

  it('caps the subscriptions one socket may hold', () => {
    expect(subscribe('subscription { event { id } }', 2)).toBeUndefined();
    expect(reasonOf(subscribe('subscription { event { id } }', 3))).toBe('TOO_MANY_SUBSCRIPTIONS');
  });

  it('formats graphql-js errors as client errors and leaves clean results alone', () => {
    const validation = new GraphQLError('Cannot query field "nope"');
    expect(hooks.onError(context(), 's0', { query: '' }, [validation])).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "nope"',
        extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(
      hooks.onNext(context(), 's0', { query: '' }, {} as never, { data: { event: null } }),
    ).toBeUndefined();
  });
});
