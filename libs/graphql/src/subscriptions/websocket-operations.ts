import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  OperationTypeNode,
  parse,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { CommonErrorReason } from '../errors/domain.exception';
import { formatGraphqlError } from '../errors/format-graphql-error';
import { GraphqlErrorCode } from '../errors/graphql-error-code';
import { measureQueryShape } from '../limits/query-shape';

export interface WebSocketOperationLimits {
  maxDepth: number;
  maxAliases: number;
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
 * - the same depth and alias limits, and a cap on subscriptions per socket;
 * - a syntax error is a GraphQL error, not a dropped socket (graphql-ws would close with 4500);
 * - every error goes through `formatGraphqlError` (codes, reasons, no internals).
 */
export function webSocketOperationHooks(
  limits: WebSocketOperationLimits,
): Required<Pick<ServerOptions, 'onSubscribe' | 'onNext' | 'onError'>> {
  return {
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
      let document: DocumentNode;
      try {
        document = parse(payload.query);
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
      const { depth, aliases } = measureQueryShape(document, operation);
      if (depth > limits.maxDepth) {
        return [
          refused(
            CommonErrorReason.QUERY_TOO_DEEP,
            `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`,
          ),
        ];
      }
      if (aliases > limits.maxAliases) {
        return [
          refused(
            CommonErrorReason.TOO_MANY_ALIASES,
            `Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`,
          ),
        ];
      }
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
