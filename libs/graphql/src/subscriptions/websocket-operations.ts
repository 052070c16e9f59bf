import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { GraphqlErrorCode } from '../errors/graphql-error-code';
import {
  documentShapeViolation,
  OperationLimits,
  operationLimitRules,
  queryLengthViolation,
} from '../limits/operation-limits';

export interface WebSocketOperationLimits extends OperationLimits {
  /** Concurrent subscriptions one socket may hold. */
  maxSubscriptionsPerSocket: number;
}

export const WEBSOCKET_ONLY_SUBSCRIPTIONS = 'SUBSCRIPTIONS_ONLY';
export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

function refused(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason },
  });
}

/** Same shape and codes as over HTTP; errors graphql-js raised itself are the client's. */
function formatted(error: GraphQLError): GraphQLFormattedError {
  if (!error.originalError && error.extensions?.code === undefined) {
    return {
      message: error.message,
      locations: error.locations,
      path: error.path,
      extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  return formatGraphqlError(error.toJSON(), error);
}

/**
 * graphql-ws hooks that give operations over WebSocket the HTTP conventions:
 * - only subscriptions: queries and mutations go over HTTP, where the query-limits plugin,
 *   CSRF prevention and batch limits apply (Apollo plugins do not run for graphql-ws);
 * - the same document limits (length, tokens, fields, depth, aliases, directives), checked before
 *   graphql-ws validates, and a cap on subscriptions per socket;
 * - a syntax error is a GraphQL error, not a dropped socket (graphql-ws would close with 4500);
 * - every error goes through `formatGraphqlError` (codes, reasons, no internals).
 */
export function webSocketOperationHooks(
  limits: WebSocketOperationLimits,
): Required<Pick<ServerOptions, 'onSubscribe' | 'onNext' | 'onError' | 'validate'>> {
  const rules = [...specifiedRules, ...operationLimitRules(limits)];
  return {
    validate: (schema, document) => validate(schema, document, rules),
    onSubscribe(ctx, _id, payload) {
      // graphql-ws registers the new subscription before calling this hook.
      if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerSocket) {
        return [
          refused(
            TOO_MANY_SUBSCRIPTIONS,
            `A socket may hold at most ${limits.maxSubscriptionsPerSocket} subscriptions`,
          ),
        ];
      }
      const tooLong = queryLengthViolation(payload.query, limits);
      if (tooLong) return [tooLong];
      let document: DocumentNode;
      try {
        document = parse(payload.query, { maxTokens: limits.maxTokens });
      } catch (error) {
        if (error instanceof GraphQLError) {
          return [refused('GRAPHQL_PARSE_FAILED', error.message)];
        }
        throw error;
      }
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return; // graphql-ws answers "Unable to identify operation"
      if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
        return [
          refused(
            WEBSOCKET_ONLY_SUBSCRIPTIONS,
            'Only subscriptions run over WebSocket; send queries and mutations over HTTP',
          ),
        ];
      }
      const violation = documentShapeViolation(document, limits);
      if (violation) return [violation];
    },
    onNext(_ctx, _id, _payload, _args, result) {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map(formatted) };
    },
    onError(_ctx, _id, _payload, errors) {
      return errors.map(formatted);
    },
  };
}
